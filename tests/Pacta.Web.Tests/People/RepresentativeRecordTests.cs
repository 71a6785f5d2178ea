using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.People;
using Pacta.Web.People;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Portal;
using Pacta.Web.Tests.Verify;

namespace Pacta.Web.Tests.People;

/// <summary>Representatives in the public record: their credentials on appointment, their removal, and what verify --url makes of both.</summary>
public abstract class RepresentativeRecordTests(PactaApp app) : IDisposable
{
    private const string Party = "civil-society";
    private const string Page = "/en/parties/civil-society/people";
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-representatives-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Appoint_PublishesTheCredentialAndNoNameOrEmail_AndTheRecordVerifies()
    {
        var (representative, client) = await PublishedRepresentativeAsync("Transparencia Mexicana");
        var member = await app.CreateNamedMemberAsync("Transparencia Mexicana");
        var passkey = await app.AddPasskeyAsync(member);

        var (status, _) = await PeopleTesting.PostFormAsync(client, Page, "appoint", ("Appoint.Target", $"{member.Id}:organization"));

        Assert.Equal(HttpStatusCode.OK, status);
        var appointment = await AppointmentOfAsync(member);
        var (bytes, index) = await LatestEntryAsync($"representative/{appointment:D}");
        var json = Encoding.UTF8.GetString(bytes);
        using var entry = JsonDocument.Parse(bytes);
        Assert.Equal("representative.appointed", entry.RootElement.GetProperty("type").GetString());
        var data = entry.RootElement.GetProperty("data");
        Assert.Equal((Party, "Transparencia Mexicana", appointment.ToString("D")),
            (data.GetProperty("party").GetString(), data.GetProperty("organization").GetString(), data.GetProperty("appointment").GetString()));
        var credential = Assert.Single(data.GetProperty("credentials").EnumerateArray());
        Assert.Equal(PublicCredential.Base64Url(passkey.CredentialId), credential.GetProperty("id").GetString());
        Assert.Equal(PublicCredential.Base64Url(passkey.Data.PublicKey), credential.GetProperty("publicKey").GetString());
        Assert.Equal(-7, credential.GetProperty("algorithm").GetInt32());
        foreach (var secret in new[] { member.Email!, member.DisplayName, member.UserName!, representative.Email!, representative.DisplayName, member.Id.ToString() })
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("""{"organization":"Transparencia Mexicana","party":"civil-society","role":"representative"}""",
            entry.RootElement.GetProperty("actor").GetRawText());

        // The open data API shows the same, and verify --url agrees with it.
        using var api = app.CreateClient();
        using var party = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/parties/{Party}", UriKind.Relative)));
        var shown = party.RootElement.GetProperty("representatives").EnumerateArray().Single(r => r.GetProperty("appointment").GetString() == appointment.ToString("D"));
        Assert.Equal(credential.GetProperty("publicKey").GetString(), shown.GetProperty("credentials")[0].GetProperty("publicKey").GetString());
        await AssertVerifiesAsync();

        // The public party page: the role and the credential, linked to the entry; never the name.
        var page = await PortalPage.GetAsync(app, $"/en/parties/{Party}");
        var representatives = page.Section("Representatives");
        var item = representatives.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/en/record/entries/{index}']") is not null);
        Assert.StartsWith("Representative of Transparencia Mexicana since", PortalPage.Text(item), StringComparison.Ordinal);
        Assert.Contains($"credential {PublicCredential.Base64Url(passkey.CredentialId)[..8]}…", PortalPage.Text(item), StringComparison.Ordinal);
        Assert.DoesNotContain(member.DisplayName, page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AppendsOnlyWhenTheCredentialsChanged()
    {
        var (representative, _) = await PublishedRepresentativeAsync("México Evalúa");
        var size = await app.RecordSizeAsync();

        await PublishAsync(representative);
        Assert.Equal(size, await app.RecordSizeAsync());

        var second = await app.AddPasskeyAsync(representative);
        await PublishAsync(representative);
        await PublishAsync(representative);

        Assert.Equal(size + 1, await app.RecordSizeAsync());
        var (bytes, _) = await LatestEntryAsync($"representative/{await AppointmentOfAsync(representative):D}");
        using var entry = JsonDocument.Parse(bytes);
        var ids = entry.RootElement.GetProperty("data").GetProperty("credentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains(PublicCredential.Base64Url(second.CredentialId), ids);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task End_AppendsRemoved_AndThePortalStopsShowingIt()
    {
        var (_, client) = await PublishedRepresentativeAsync("Causa Natural");
        var (other, _) = await PublishedRepresentativeAsync("Causa Natural");
        var appointment = await AppointmentOfAsync(other);

        var (status, _) = await PeopleTesting.PostFormAsync(client, Page, "end-appointment", ("End.Appointment", appointment.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        var (bytes, _) = await LatestEntryAsync($"representative/{appointment:D}");
        using var entry = JsonDocument.Parse(bytes);
        Assert.Equal("representative.removed", entry.RootElement.GetProperty("type").GetString());
        var data = entry.RootElement.GetProperty("data");
        Assert.Equal(["appointment", "organization", "party", "since", "until"], data.EnumerateObject().Select(p => p.Name));
        using var api = app.CreateClient();
        Assert.DoesNotContain(appointment.ToString("D"), await api.GetStringAsync(new Uri($"/api/v1/parties/{Party}", UriKind.Relative)), StringComparison.Ordinal);
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task SingleRepresentativeParty_AppointingAWholePartyRepresentative_HandsOver()
    {
        var sitting = await app.CreateNamedMemberAsync("INAI", representative: true);
        await app.AddPasskeyAsync(sitting);
        await PublishAsync(sitting);
        var previous = await AppointmentOfAsync(sitting);
        var successor = await app.CreateNamedMemberAsync("OGE");
        await app.AddPasskeyAsync(successor);
        using var client = await app.SignInAsync(sitting);

        var (status, _) = await PeopleTesting.PostFormAsync(client, "/en/parties/guarantor/people", "appoint", ("Appoint.Target", $"{successor.Id}:party"));

        Assert.Equal(HttpStatusCode.OK, status);
        var (removed, removedIndex) = await LatestEntryAsync($"representative/{previous:D}");
        var (appointed, appointedIndex) = await LatestEntryAsync($"representative/{await AppointmentOfAsync(successor):D}");
        Assert.Contains("\"type\":\"representative.removed\"", Encoding.UTF8.GetString(removed), StringComparison.Ordinal);
        Assert.Contains("\"type\":\"representative.appointed\"", Encoding.UTF8.GetString(appointed), StringComparison.Ordinal);
        Assert.Equal(removedIndex + 1, appointedIndex);
        await using (var db = app.CreateDbContext())
            Assert.Equal([successor.Id], await db.Appointments.Where(a => a.PartyKey == "guarantor" && a.OrganizationId == null && a.EndedAt == null).Select(a => a.MemberId).ToListAsync());
        await AssertVerifiesAsync();
    }

    [Fact]
    public async Task MemberLeaving_EndsTheirAppointmentsInTheRecord()
    {
        var (leaving, _) = await PublishedRepresentativeAsync("Contraloría Ciudadana");
        var appointment = await AppointmentOfAsync(leaving);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var ended = await new EndMemberAppointments(scope.ServiceProvider.GetRequiredService<Core.RecordStore.RecordWriter>(), TimeProvider.System)
                .ExecuteAsync(leaving.Id);
            Assert.Equal(1, ended);
        }
        await using (var db = app.CreateDbContext())
            await db.Users.Where(m => m.Id == leaving.Id).ExecuteDeleteAsync();

        var (bytes, _) = await LatestEntryAsync($"representative/{appointment:D}");
        Assert.Contains("\"type\":\"representative.removed\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        await AssertVerifiesAsync();
    }

    /// <summary>A representative with a passkey whose appointment the record carries (as accepting an invitation leaves it), signed in.</summary>
    private async Task<(Core.People.Member Member, HttpClient Client)> PublishedRepresentativeAsync(string organization)
    {
        var representative = await app.CreateNamedMemberAsync(organization, representative: true, representsOrganization: true);
        await app.AddPasskeyAsync(representative);
        await PublishAsync(representative);
        return (representative, await app.SignInAsync(representative));
    }

    private async Task PublishAsync(Core.People.Member member)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppointmentRecord>().PublishAsync(member.Id);
    }

    private async Task<Guid> AppointmentOfAsync(Core.People.Member member)
    {
        await using var db = app.CreateDbContext();
        return (await db.Appointments.SingleAsync(a => a.MemberId == member.Id && a.EndedAt == null)).Id;
    }

    private async Task<(byte[] Bytes, long Index)> LatestEntryAsync(string subject)
    {
        await using var db = app.CreateDbContext();
        var entry = await db.RecordEntries.AsNoTracking().Where(e => e.Subject == subject).OrderByDescending(e => e.Index).FirstAsync();
        return (entry.Bytes, entry.Index);
    }

    private async Task AssertVerifiesAsync()
    {
        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, $"{Guid.NewGuid():N}.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

public sealed class RepresentativeRecordTestsOnSqlite(SqliteApp app) : RepresentativeRecordTests(app), IClassFixture<SqliteApp>;

public sealed class RepresentativeRecordTestsOnPostgres(PostgresApp app) : RepresentativeRecordTests(app), IClassFixture<PostgresApp>;

/// <summary>An appointment written into the database without an event: the portal acts on it, so verify --url names it.</summary>
public abstract class InsertedRepresentativeTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-representatives-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AppointmentInsertedWithoutAnEvent_FailsVerifyNamingIt()
    {
        var member = await app.CreateMemberAsync("INAI");
        await app.AddPasskeyAsync(member);
        var appointment = new Appointment { MemberId = member.Id, PartyKey = "guarantor", Since = DateTimeOffset.UtcNow };
        await using (var db = app.CreateDbContext())
        {
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
        }
        await app.PublishAsync();

        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"portal: representative/{appointment.Id:D} is shown by the portal but no record entry created it", result.OutputLines());
    }
}

public sealed class InsertedRepresentativeTestsOnSqlite(SqliteApp app) : InsertedRepresentativeTests(app), IClassFixture<SqliteApp>;

public sealed class InsertedRepresentativeTestsOnPostgres(PostgresApp app) : InsertedRepresentativeTests(app), IClassFixture<PostgresApp>;
