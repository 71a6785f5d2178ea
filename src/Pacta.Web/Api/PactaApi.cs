using Microsoft.AspNetCore.Diagnostics;

namespace Pacta.Web.Api;

/// <summary>
/// The open data API: read-only JSON under <c>/api/v1</c> (and CSV where a spreadsheet is the
/// natural reader), described by OpenAPI at <c>/openapi/v1.json</c>. Every error is an RFC 9457
/// problem: handlers return their own 400 and 404 problems, and <c>UsePactaErrors</c> turns
/// unknown paths, wrong methods and exceptions under <c>/api</c> into problems too.
/// </summary>
internal static class PactaApi
{
    // Internal: the record (/record) is public in the same way and shares the policy.
    internal const string OpenDataCors = "open-data";

    public static void AddPactaApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = AddDetail);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Pacta open data API";
            document.Info.Description =
                "Public facts about the Open Government Partnership forum, its parties, action plans and commitments. " +
                "Unknown values are null; fictional sample data has \"fictional\": true.";
            return Task.CompletedTask;
        }));

        // Open data is for everyone, including web pages on other sites: any origin may read it,
        // but without credentials (no cookies, no auth header), so a page elsewhere can never act
        // or read as a signed-in member through a visitor's browser. GET only: nothing to write here.
        builder.Services.AddCors(options => options.AddPolicy(OpenDataCors, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .AllowAnyHeader()));
    }

    public static void MapPactaApi(this WebApplication app)
    {
        // Middleware for API responses only. Program.cs calls MapPactaApi after the security headers
        // and error handling, so this runs inside them, before the endpoint. (The API's
        // Cross-Origin-Resource-Policy is set with the other security headers, in SecurityHeaders.)
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            // The policy applies to every /api/v1 response, errors included, so that a page on
            // another site can read a 404 problem as well as the data.
            api.UseWhen(c => c.Request.Path.StartsWithSegments("/api/v1"), v1 => v1.UseCors(OpenDataCors));
        });

        // Open data is public: no account, no cookie needed.
        app.MapOpenApi().AllowAnonymous();

        var v1 = app.MapGroup("/api/v1").AllowAnonymous();
        v1.MapForumApi();
        v1.MapPlansApi();
        v1.MapCommitmentsApi();
        v1.MapRecordApi();
        v1.MapIncidentsApi();
        v1.MapAgreementsApi();
        v1.MapProgressApi();
    }

    /// <summary>
    /// Problems written by the framework (unknown path, wrong method, unhandled exception) get a
    /// detail a reader can act on. An exception's message and stack trace never appear: they can
    /// hold connection details or data, and belong in the server's log.
    /// </summary>
    private static void AddDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        var request = context.HttpContext.Request;
        var path = ApiProblems.Echo(request.Path.Value);
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"There is nothing at {path}. The API's paths are listed in /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => context.HttpContext.Response.Headers.Allow is { Count: > 0 } allow
                ? $"{request.Method} is not allowed on {path}; allowed: {allow}."
                : $"{request.Method} is not allowed on {path}.",
            StatusCodes.Status500InternalServerError when context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null
                => "An unexpected error occurred on the server. It has been logged; please try again later.",
            _ => null,
        };
    }
}
