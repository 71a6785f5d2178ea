using Pacta.Web.Components;
using Pacta.Web.Localization;

namespace Pacta.Web.Startup;

internal static class Portal
{
    public static void AddPactaPortal(this WebApplicationBuilder builder)
    {
        // Static server-side rendering only: no interactive render mode, no circuit, no blazor.web.js.
        builder.Services.AddRazorComponents();
        builder.Services.AddCultures(builder.Configuration);
    }

    public static void MapPactaPortal(this WebApplication app) => app.MapRazorComponents<App>()
        // The framework's own endpoint that turns a redirect into a navigation: as public as the pages that redirect.
        // Pages name their policies themselves (the authorization matrix test checks each).
        .Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: "/_framework/opaque-redirect" })
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        });

    /// <summary>
    /// Errors: under <c>/api</c> an RFC 9457 problem, elsewhere the localized "not found" or
    /// "error" page, with the status code the reader's browser and any crawler should see.
    /// </summary>
    /// <remarks>
    /// The page handlers sit on the app itself, not in a <c>UseWhen</c> branch: WebApplication gives
    /// branches no access to its endpoints, so a re-execution from a branch finds no page and answers
    /// an empty 404 (or 500). The API's handlers sit inside them and answer with a problem body, which
    /// the page handlers then leave alone.
    /// </remarks>
    public static void UsePactaErrors(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // A status page is shown, not submitted to: re-executed as a GET, without the refused form's antiforgery verdict
        // (the page of a refused POST would otherwise be refused too, in the framework's English).
        app.Use((context, next) =>
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
                context.Features.Set<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>(null);
            }
            return next(context);
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
    }
}
