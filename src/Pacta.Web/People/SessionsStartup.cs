using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Pacta.Core.People;
using Pacta.Web.Localization;

namespace Pacta.Web.People;

/// <summary>
/// Sessions, notices, rate limits, export and deletion (docs/security.md, "Sessions, notices and rate limits").
/// </summary>
internal static class SessionsStartup
{
    public static void AddPactaSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SmtpSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<MailNoticeSender>();
        builder.Services.AddScoped<ExportMemberData>();
        builder.Services.AddScoped<DeleteAccount>();
        builder.Services.AddScoped<EndMemberAppointments>();
        builder.Services.AddScoped<RevokeSession>();
        builder.Services.AddScoped<EndAllSessions>();
        builder.Services.AddScoped<SignOutSession>();
        builder.Services.AddScoped<MarkInboxRead>();

        var postsPerMinute = builder.Configuration.GetValue("Pacta:Accounts:AccountPostsPerMinute", 30);
        builder.Services.AddRateLimiter(options =>
        {
            // A blanket over every account form, per client address, before any handler runs: the per-action
            // limits (SignInThrottle) are finer, this one stops a flood from reaching them at all.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAccountPost(context.Request) && AddressKey(context) is { } address
                    ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = postsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
    }

    public static void UsePactaSessions(this WebApplication app)
    {
        // Behind the reverse proxy docs/operator.md recommends, every connection comes from the proxy: the client's
        // address is in X-Forwarded-For, believed only from the proxies the operator names.
        var proxies = app.Configuration.GetSection("Pacta:ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length > 0)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(options);
        }
        app.UseRateLimiter();
        app.MapAccountEndpoints();
    }

    internal static bool IsAccountPost(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method)) return false;
        var path = request.Path.Value ?? "";
        return path.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            || (CultureRouting.LanguageOf(path) is { } language && path.AsSpan(language.Length + 1).StartsWith("/account/", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The partition of a client: its address, or its /64 for IPv6. Kept in the limiter's memory only. Behind a
    /// reverse proxy the operator must forward the client's address (docs/operator.md), or every client is one.
    /// Null when the connection has no address (a Unix socket, an in-process test host): the per-account
    /// limits of <see cref="SignInThrottle"/> still hold there, and one shared bucket would let anyone lock
    /// everyone out.
    /// </summary>
    private static string? AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        await WriteTooManyAsync(rejected.HttpContext, wait, cancellationToken);
    }

    /// <summary>429 with Retry-After and a short text in the language of the page: shared by the blanket limit and <see cref="SignInThrottle"/>'s callers.</summary>
    public static async Task WriteTooManyAsync(HttpContext context, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var english = CultureRouting.LanguageOf(context.Request.Path.Value ?? "/") == "en";
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(english
            ? $"Too many attempts. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}."
            : $"Demasiados intentos. Intente de nuevo en {minutes} minuto{(minutes == 1 ? "" : "s")}.", cancellationToken);
    }
}
