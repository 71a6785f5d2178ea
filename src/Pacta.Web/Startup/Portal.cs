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

    public static void MapPactaPortal(this WebApplication app) => app.MapRazorComponents<App>();

    /// <summary>
    /// Errors: under <c>/api</c> an RFC 9457 problem, elsewhere the localized "not found" or
    /// "error" page, with the status code the reader's browser and any crawler should see.
    /// </summary>
    public static void UsePactaErrors(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler("/error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found");
        });
    }
}
