using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// The blanket limit on account form posts, per client address: a flood from one address gets 429 with
/// Retry-After; another address goes on. No address ever reaches the database.
/// </summary>
public abstract class RateLimitTests(PactaApp app)
{
    private const string Flooder = "203.0.113.77";
    private const string Neighbour = "203.0.113.78";

    [Fact]
    public async Task AFloodOfAccountPostsFromOneAddress_Gets429WithRetryAfter_AnotherAddressDoesNot()
    {
        await using var factory = WithClientAddresses();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await PostAsync(client, "/account/sign-out", Flooder);
            statuses.Add(response.StatusCode);
        }
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(30));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);

        using (var limited = await PostAsync(client, "/en/account/sign-in", Flooder))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 60);
            Assert.StartsWith("Too many attempts. Try again in 1 minute", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var spanish = await PostAsync(client, "/es/account/sessions", Flooder))
            Assert.StartsWith("Demasiados intentos.", await spanish.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var neighbour = await PostAsync(client, "/account/sign-out", Neighbour))
            Assert.NotEqual(HttpStatusCode.TooManyRequests, neighbour.StatusCode);
        // Pages and GETs are not counted.
        using (var page = await GetAsync(client, "/en/", Flooder))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task BehindANamedReverseProxy_TheLimitIsPerForwardedClient_NotPerProxy()
    {
        await using var factory = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Pacta:ReverseProxy:KnownProxies:0", "127.0.0.1");
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress>());
        });
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        HttpStatusCode last = default;
        for (var i = 0; i < 31; i++)
        {
            using var response = await PostAsync(client, "/account/sign-out", "127.0.0.1", forwardedFor: "198.51.100.20");
            last = response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        using var other = await PostAsync(client, "/account/sign-out", "127.0.0.1", forwardedFor: "198.51.100.21");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task NoClientAddress_IsEverWrittenToTheDatabase()
    {
        await using var factory = WithClientAddresses();
        var member = await app.CreateMemberAsync("SFP");
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        using (var request = new HttpRequestMessage(HttpMethod.Post, TestSignIn.PathPrefix + member.Id))
        {
            request.Headers.Add(ClientAddress.Header, Neighbour);
            using var signIn = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            using var page = await GetAsync(client, "/es/account/sessions", Neighbour);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var post = await PostAsync(client, "/account/sign-out", Neighbour);
        }

        await using var db = app.CreateDbContext();
        var rows = await db.SnapshotAsync();
        Assert.Contains(rows, r => r.Contains(member.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(rows, r => r.Contains(Neighbour, StringComparison.Ordinal));
        if (app.Provider == Core.Data.DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "pacta.db"));
            var wal = Path.Combine(app.DataDirectory, "pacta.db-wal");
            var all = file.Concat(File.Exists(wal) ? await ReadSharedAsync(wal) : []).ToArray();
            Assert.Equal(-1, all.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Neighbour)));
            Assert.Equal(-1, all.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(Neighbour)));
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    private WebApplicationFactory<Program> WithClientAddresses() =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddress>()));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string address, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("language", "en")]) };
        request.Headers.Add(ClientAddress.Header, address);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ClientAddress.Header, address);
        return await client.SendAsync(request);
    }

    /// <summary>TestServer has no sockets: the test names the client's address in a header, set before anything else runs.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } address]) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class RateLimitTestsOnSqlite(SqliteApp app) : RateLimitTests(app), IClassFixture<SqliteApp>;

public sealed class RateLimitTestsOnPostgres(PostgresApp app) : RateLimitTests(app), IClassFixture<PostgresApp>;
