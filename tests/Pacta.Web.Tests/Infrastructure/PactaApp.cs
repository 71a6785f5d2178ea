using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Web.Tests.Infrastructure;

/// <summary>
/// Pacta hosted for tests, with a database and data directory of its own, configured the way an
/// operator would (configuration keys, not service overrides). One per test class; every web test
/// class runs once on each provider through <see cref="SqliteApp"/> and <see cref="PostgresApp"/>.
/// </summary>
public abstract class PactaApp(DatabaseProvider provider, bool seed = true, string forum = "mexico") : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? _postgres;

    public DatabaseProvider Provider { get; } = provider;
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("pacta-test-").FullName;

    /// <summary>The settings the app runs with, to open the same database from a test.</summary>
    public DatabaseSettings Settings => Provider == DatabaseProvider.Sqlite
        ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(DataDirectory, "pacta.db")}", DataDirectory)
        : new DatabaseSettings(DatabaseProvider.Postgres, _postgres ?? throw new InvalidOperationException("The database is not created yet."), DataDirectory);

    public PactaDbContext CreateDbContext() => Settings.CreateContext();

    public virtual async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = await TestPostgres.CreateDatabaseAsync();
        }
        // Start the host now, so migrations and the first-start import happen before any test runs.
        _ = Services;
    }

    /// <summary>
    /// A new account, stored the way accepting an invitation stores it (confirmed email, lockout enabled), with
    /// its organisation and, when asked, an appointment. No credential: tests sign it in with <see cref="SignInAsync"/>.
    /// </summary>
    public async Task<Member> CreateMemberAsync(
        string? organization = null, AccountKind kind = AccountKind.Participant, bool representative = false, bool representsOrganization = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var org = organization is null ? null : await db.Organizations.SingleAsync(o => o.ShortName == organization);
        var name = $"m{Guid.NewGuid():N}";
        var member = new Member
        {
            UserName = name,
            Email = $"{name}@example.org",
            EmailConfirmed = true,
            DisplayName = $"Test {kind} {organization}",
            Kind = kind,
            OrganizationId = org?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var created = await users.CreateAsync(member);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (representative)
        {
            db.Appointments.Add(new Appointment
            {
                MemberId = member.Id,
                PartyKey = org?.PartyKey ?? throw new InvalidOperationException("A representative needs an organisation."),
                OrganizationId = representsOrganization ? org.Id : null,
                Since = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            // As accepting an invitation does: the appointment enters the record at once (with no credential yet),
            // so that the portal and the record agree for every test that verifies.
            await scope.ServiceProvider.GetRequiredService<Pacta.Web.People.AppointmentRecord>().PublishAsync(member.Id);
        }
        return member;
    }

    /// <summary>
    /// Stores a passkey for <paramref name="member"/> as Identity does after registration: the credential id and COSE
    /// public key given, user verified, counter 0. The record carries it once the member's appointment is published.
    /// </summary>
    public async Task<IdentityUserPasskey<Guid>> StorePasskeyAsync(Member member, byte[] credentialId, byte[] publicKey)
    {
        var passkey = SoftwarePasskey.Stored(member.Id, credentialId, publicKey, "Test key", DateTimeOffset.UtcNow);
        await using var db = CreateDbContext();
        db.UserPasskeys.Add(passkey);
        await db.SaveChangesAsync();
        return passkey;
    }

    /// <summary>A client over HTTPS (the session cookie is Secure) that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateHttpsClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="member"/> through the test-only door (<see cref="TestSignIn"/>).</summary>
    public async Task<HttpClient> SignInAsync(Member member)
    {
        var client = CreateHttpsClient();
        using var response = await client.PostAsync(new Uri(TestSignIn.PathPrefix + member.Id, UriKind.Relative), null);
        if (response.StatusCode != System.Net.HttpStatusCode.NoContent)
            throw new InvalidOperationException($"Test sign-in of {member.Id} answered {(int)response.StatusCode}.");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestSignIn>());
        builder.UseSetting("Pacta:DataDirectory", DataDirectory);
        builder.UseSetting("Pacta:Seed:OnFirstStart", seed ? "true" : "false");
        builder.UseSetting("Pacta:Seed:Forum", forum);
        builder.UseSetting("Pacta:Database:Provider", Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres");
        // No background signer: a checkpoint appearing mid-test would break the tests that compare database
        // snapshots. Record tests sign with CheckpointPublisher.PublishOnceAsync when they need a checkpoint.
        builder.UseSetting("Pacta:Record:PublishCheckpoints", "false");
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("ConnectionStrings:Pacta", _postgres);
            builder.UseSetting("Pacta:Database:MigrateAtStart", "true");
            // The operator's `pacta keys init`, done by the app: each test app has a data directory of its own.
            builder.UseSetting("Pacta:Record:CreateKeyAtStart", "true");
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null) await TestPostgres.DropDatabaseAsync(_postgres);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class SqliteApp() : PactaApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : PactaApp(DatabaseProvider.Postgres);

/// <summary>An app whose database is migrated but empty (no first-start import), for import tests.</summary>
public sealed class EmptySqliteApp() : PactaApp(DatabaseProvider.Sqlite, seed: false);

public sealed class EmptyPostgresApp() : PactaApp(DatabaseProvider.Postgres, seed: false);

/// <summary>An app seeded with the fictional demo forum (<c>Pacta:Seed:Forum=demo</c>) instead of Mexico's.</summary>
public sealed class DemoSqliteApp() : PactaApp(DatabaseProvider.Sqlite, forum: "demo");

public sealed class DemoPostgresApp() : PactaApp(DatabaseProvider.Postgres, forum: "demo");

public static class DbContextExtensions
{
    /// <summary>Every row of every table, as text, in a stable order: to show an operation left no trace.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(this PactaDbContext db)
    {
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Distinct().Order(StringComparer.Ordinal))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = db.Database.IsNpgsql() ? $"SELECT * FROM \"{table}\"" : $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var tableRows = new List<string>();
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    tableRows.Add($"{table}: " + string.Join(" | ", values.Select(v => v is System.Collections.IEnumerable e and not string ? string.Join(",", e.Cast<object>()) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
                }
                tableRows.Sort(StringComparer.Ordinal);
                rows.AddRange(tableRows);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }
}
