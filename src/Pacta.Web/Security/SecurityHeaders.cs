namespace Pacta.Web.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts, styles, fonts and images
/// from Pacta itself only and no inline script: a page cannot be made to load anything from a third
/// party, which would tell that party who reads what.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>Two years: ASVS 5.0 asks for at least one.</summary>
    public const int HstsMaxAgeSeconds = 63_072_000;

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        // Set when the response starts, not now: the exception handler clears headers before it
        // writes its error response, and an error page needs the same protection as any other.
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Over HTTPS, a browser that has seen Pacta once never again speaks plain HTTP to it for a year (two
            // here): a network that strips TLS from the next visit gets nothing. Not over HTTP, where it is ignored.
            if (response.HttpContext.Request.IsHttps)
                headers.StrictTransportSecurity = $"max-age={HstsMaxAgeSeconds}; includeSubDomains";
            // Open data and the record are public by design: a page on another site may use them (CORS allows
            // the read; same-origin here would still block no-cors loads). Everything else stays same-origin.
            var path = response.HttpContext.Request.Path;
            headers["Cross-Origin-Resource-Policy"] = path.StartsWithSegments("/api") || path.StartsWithSegments("/record") ? "cross-origin" : "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
