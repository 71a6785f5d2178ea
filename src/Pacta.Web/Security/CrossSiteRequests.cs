using System.Globalization;

namespace Pacta.Web.Security;

/// <summary>
/// A state-changing request that a browser says comes from another site is refused before anything reads it:
/// antiforgery tokens and SameSite=Strict cookies already stop such requests, and this makes the refusal not depend
/// on either of them alone (ASVS 5.0 V3.5). Requests without the headers (scripts, the CLI) are left to antiforgery.
/// </summary>
internal static class CrossSiteRequests
{
    public static void UseCrossSiteRefusal(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
            var origin = request.Headers.Origin.ToString();
            var crossSite = fetchSite is "cross-site" or "same-site"
                || (origin.Length > 0 && origin != "null" && !SameOrigin(origin, request));
            if (crossSite)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es"
                    ? "Este formulario llegó desde otro sitio y no se aceptó. Ábralo en Pacta y envíelo desde ahí."
                    : "This form came from another site and was not accepted. Open it in Pacta and send it from there.");
                return;
            }
        }
        await next(context);
    });

    /// <summary>
    /// One of the configured origins, or the host the request was sent to. The scheme is not compared with the
    /// request's: behind a proxy that ends TLS the request arrives as http while the page was https.
    /// </summary>
    private static bool SameOrigin(string origin, HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<People.AccountSettings>().Origins.Contains(origin, StringComparer.OrdinalIgnoreCase)
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}
