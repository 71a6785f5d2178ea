using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Pacta.Web.Api;

/// <summary>
/// The RFC 9457 problems the handlers return, as typed results so that each endpoint's OpenAPI
/// entry lists them.
/// </summary>
internal static class ApiProblems
{
    /// <summary>Echoed request values are cut short: a problem must stay small whatever was sent.</summary>
    private const int MaxEchoedLength = 64;

    public static NotFoundProblem NotFound(string detail) => new(detail);

    /// <summary>
    /// A malformed route or query value. The parameter is named in the detail for people and in
    /// <c>errors</c> (the shape ASP.NET Core uses for validation problems) for programs.
    /// </summary>
    public static ValidationProblem InvalidParameter(string parameter, string? value, string expected)
    {
        var detail = $"The {parameter} '{Echo(value)}' is not valid: {expected}.";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail);
    }

    public static string Echo(string? value) =>
        value is null ? "" : value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength), "…");
}

/// <summary>
/// A 404 as an RFC 9457 problem. <c>TypedResults.NotFound(problem)</c> sends the problem as
/// <c>application/json</c>, and <c>TypedResults.Problem</c> does not tell OpenAPI its status:
/// this result does both, and writes through the problem details service like every other
/// problem (so it carries a traceId too).
/// </summary>
public sealed class NotFoundProblem(string detail) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public ProblemDetails Value { get; } = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        Title = "Not Found",
        Status = StatusCodes.Status404NotFound,
        Detail = detail,
    };

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status404NotFound;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}
