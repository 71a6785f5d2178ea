using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Pacta.Web.Localization;

/// <summary>
/// The language of a page is the first segment of its path (<c>/es/…</c>, <c>/en/…</c>): links are
/// shareable, caches need no Vary, and the language switch is a plain link. Only <c>/</c> looks at
/// Accept-Language, to choose where to redirect.
/// </summary>
internal static class CultureRouting
{
    public static readonly IReadOnlyList<string> Languages = ["es", "en"];
    public const string DefaultLanguage = "es";

    public static void AddCultures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        services.AddSingleton(new PactaCultures(
            CultureInfo.GetCultureInfo(configuration["Pacta:Cultures:es"] ?? "es-MX"),
            CultureInfo.GetCultureInfo(configuration["Pacta:Cultures:en"] ?? "en-US")));
    }

    public static void UseCultureFromPath(this WebApplication app)
    {
        var cultures = app.Services.GetRequiredService<PactaCultures>();
        app.Use((context, next) =>
        {
            // A re-executed error page (not found, or after an exception) takes the language of the page that failed.
            var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
                ?? context.Request.Path.Value ?? "/";
            var culture = cultures.For(LanguageOf(path) ?? DefaultLanguage);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return next(context);
        });
        app.MapGet("/", RedirectByAcceptLanguage).ExcludeFromDescription().AllowAnonymous();
    }

    /// <summary>The language segment of a path, or null when the path has none.</summary>
    public static string? LanguageOf(string path)
    {
        var segment = path.AsSpan().TrimStart('/');
        var end = segment.IndexOf('/');
        segment = end < 0 ? segment : segment[..end];
        foreach (var language in Languages)
            if (segment.Equals(language, StringComparison.Ordinal)) return language;
        return null;
    }

    /// <summary>The same path in another language: <c>/es/plans/4</c> becomes <c>/en/plans/4</c>.</summary>
    public static string SwitchLanguage(string pathAndQuery, string language)
    {
        var current = LanguageOf(pathAndQuery);
        var rest = current is null ? "/" : pathAndQuery[(current.Length + 1)..];
        return "/" + language + (rest.Length == 0 ? "/" : rest);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult RedirectByAcceptLanguage(HttpContext context)
    {
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        return TypedResults.Redirect($"/{PreferredLanguage(context.Request.Headers.AcceptLanguage.ToString())}/");
    }

    /// <summary>The first of Pacta's languages in the reader's order of preference; Spanish when none matches.</summary>
    public static string PreferredLanguage(string acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var values)) return DefaultLanguage;
        return values
            .Where(v => (v.Quality ?? 1) > 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => v.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && Languages.Contains(l)) ?? DefaultLanguage;
    }
}

/// <summary>The formatting culture for each language (dates, numbers): <c>Pacta:Cultures:es</c> and <c>:en</c>.</summary>
internal sealed record PactaCultures(CultureInfo Spanish, CultureInfo English)
{
    public CultureInfo For(string language) => language == "en" ? English : Spanish;
}
