using Microsoft.Playwright;
using Pacta.Core.Data;

namespace Pacta.Browser.Tests.Infrastructure;

/// <summary>
/// Pacta on a real port with its own seeded database, and a Chromium to read it with: the fixture of
/// one browser test class. Every browser test class runs once on each provider through
/// <see cref="SqliteSite"/> and <see cref="PostgresSite"/>.
/// </summary>
public abstract class PactaSite(DatabaseProvider provider, string forum = "mexico") : IAsyncLifetime
{
    private readonly Chromium _chromium = new();

    public KestrelPactaApp App { get; } = new(provider, forum);

    public DatabaseProvider Provider => provider;

    /// <summary>The provider as it appears in screenshot names.</summary>
    public string Name => (provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres") + (forum == "mexico" ? "" : "-" + forum);

    public Uri BaseAddress => App.BaseAddress;

    public IBrowser Browser => _chromium.Browser;

    /// <summary>A new page in a context of its own, recording what the browser requests and logs.</summary>
    public Task<BrowserPage> OpenAsync(BrowserNewContextOptions? options = null) => BrowserPage.OpenAsync(Browser, BaseAddress, options);

    public async Task InitializeAsync()
    {
        _ = Chromium.ExecutablePath; // fail at once, with its message, when there is no Chromium
        // Both start in parallel: Chromium does not need the app until the first page.
        await Task.WhenAll(((IAsyncLifetime)App).InitializeAsync(), _chromium.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await ((IAsyncLifetime)App).DisposeAsync();
    }
}

public sealed class SqliteSite() : PactaSite(DatabaseProvider.Sqlite);

public sealed class PostgresSite() : PactaSite(DatabaseProvider.Postgres);

/// <summary>The fictional demo forum (<c>Pacta:Seed:Forum=demo</c>) on a real port.</summary>
public sealed class DemoSqliteSite() : PactaSite(DatabaseProvider.Sqlite, "demo");

public sealed class DemoPostgresSite() : PactaSite(DatabaseProvider.Postgres, "demo");
