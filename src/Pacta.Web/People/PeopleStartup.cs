using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Web.Localization;

namespace Pacta.Web.People;

/// <summary>Accounts, sessions and authorization (docs/adr/0003-people-and-private-spaces.md, docs/security.md).</summary>
internal static class PeopleStartup
{
    public const string CookieName = "__Host-pacta";

    public static void AddPactaPeople(this WebApplicationBuilder builder)
    {
        var settings = AccountSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(ConfigureSessionCookie));
        builder.Services.AddAuthorizationBuilder().AddPactaPolicies();

        builder.Services.AddIdentityCore<Member>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // An account is confirmed when its invitation is accepted: the link went to that email address.
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Length, not composition (ASVS 5.0 V6.2): a password is only ever half of a sign-in here.
                options.Password.RequiredLength = 15;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddPasswordValidator<PasswordRules>()
            .AddEntityFrameworkStores<PactaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.Services.Configure<IdentityPasskeyOptions>(options =>
        {
            options.ServerDomain = settings.RelyingPartyId;
            options.UserVerificationRequirement = "required";
            options.ResidentKeyRequirement = "required";
            options.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin && settings.Origins.Contains(context.Origin, StringComparer.Ordinal));
        });

        builder.Services.AddScoped<MemberSignIn>();
        builder.Services.AddScoped<SignInNotice>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<AppointmentRecord>();
        builder.AddPactaSessions();

        // Antiforgery cookies get the session cookie's protections where Pacta is served over HTTPS only (every
        // configured origin is https). The embedded default also answers on http://localhost, where the framework
        // refuses to issue an always-Secure antiforgery cookie on a plain-HTTP request: there the cookie is Secure
        // when the request is, and cannot carry the __Host- prefix (which requires Secure).
        var httpsOnly = settings.Origins.All(o => o.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = httpsOnly ? "__Host-pacta-antiforgery" : "pacta-antiforgery";
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.Path = "/";
        // The ticket may live as long as the absolute limit; the session row decides sooner (SessionValidation).
        options.ExpireTimeSpan = TimeSpan.FromDays(1);
        options.SlidingExpiration = false;
        options.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = SessionValidation.ValidateAsync,
            OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(SignInPath(context.Request));
                return Task.CompletedTask;
            },
            // Forbidden is a status, not a redirect: the page that refused says so in the reader's language.
            OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
        };
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>The sign-in page in the language of the page that asked for it, returning there afterwards.</summary>
    public static string SignInPath(HttpRequest request)
    {
        var language = CultureRouting.LanguageOf(request.Path.Value ?? "/") ?? CultureRouting.DefaultLanguage;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        return $"/{language}/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    public static void UsePactaPeople(this WebApplication app)
    {
        app.UsePactaSessions();
        app.UseAuthentication();
        app.UseAuthorization();
    }
}
