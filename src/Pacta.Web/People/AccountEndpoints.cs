using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;
using Pacta.Web.Localization;

namespace Pacta.Web.People;

/// <summary>
/// The account actions that are not pages: signing out (a button in every signed-in page's header) and the
/// download of one's data. Both are POSTs with an antiforgery token: a link on another site must not be able
/// to sign anyone out, or make a browser save a file.
/// </summary>
internal static class AccountEndpoints
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOutAsync).RequireAuthorization(Policies.SignedIn).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/account/export", ExportAsync).RequireAuthorization(Policies.SignedIn).DisableAntiforgery().ExcludeFromDescription();
    }

    // Antiforgery is checked here rather than by the middleware's metadata: without a form parameter a minimal
    // endpoint would only be told the token is bad, and run anyway.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, SignOutSession signOut)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return BadToken(context);
        var member = context.SignedInMember()!;
        await signOut.SignOutAsync(member, context.RequestAborted);
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.Redirect($"/{LanguageOf(context)}/");
    }

    private static async Task<IResult> ExportAsync(HttpContext context, IAntiforgery antiforgery, ExportMemberData export)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return BadToken(context);
        var member = context.SignedInMember()!;
        var data = await export.ExportAsync(member.MemberId, context.RequestAborted);
        if (data is null) return Results.NotFound();
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(JsonSerializer.SerializeToUtf8Bytes(data, ExportJson), "application/json",
            $"pacta-my-data-{data.ExportedAt:yyyyMMdd}.json");
    }

    private static IResult BadToken(HttpContext context) => Results.Text(
        LanguageOf(context) == "en"
            ? "The form expired or did not come from Pacta. Go back, reload the page and try again."
            : "El formulario caducó o no vino de Pacta. Regrese, recargue la página e intente de nuevo.",
        "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>The language the form was sent in (a hidden <c>language</c> field), Spanish by default.</summary>
    private static string LanguageOf(HttpContext context) =>
        context.Request.HasFormContentType && context.Request.Form["language"].ToString() is { } language && CultureRouting.Languages.Contains(language)
            ? language
            : CultureRouting.DefaultLanguage;
}
