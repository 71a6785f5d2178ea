using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>Accepting invitations and signing in (docs/security.md, "Signing in").</summary>
internal static class AccountsStartup
{
    public static void AddPactaAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AcceptInvitation>();
        builder.Services.AddSingleton<ITotpSecretProtector, TotpSecretProtector>();
        builder.Services.AddScoped<SignInCheck>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<PasskeySignIn>();
        builder.Services.AddScoped<CredentialChanges>();
        builder.Services.AddSingleton<TotpSetupProtector>();

        // Identity keeps a passkey ceremony's state in its two-factor cookie: give it the session cookie's protections
        // and a short life (a ceremony takes seconds).
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options =>
        {
            options.Cookie.Name = "__Host-pacta-ceremony";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
    }

    public static void MapPactaAccounts(this WebApplication app) => app.MapPasskeyEndpoints();
}
