using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Sessions;

/// <summary>"My data": the export of everything Pacta holds about a member, and deleting the account.</summary>
public abstract class AccountDataTests(PactaApp app)
{
    private const string Page = "/en/account/data";

    [Fact]
    public async Task Export_HoldsTheMembersSessionsInboxAndLog_AndNothingOfAnyoneElse()
    {
        var member = await app.CreateMemberAsync("SFP", representative: true);
        var other = await app.CreateMemberAsync("SFP");
        using var otherClient = await app.SignInAsync(other);
        using var first = await app.SignInAsync(member);
        using var client = await app.SignInAsync(member);

        using var response = await AccountForms.SubmitAsync(client, Page, "form[action='/account/export']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(member.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(2, root.GetProperty("sessions").GetArrayLength());
        Assert.Equal(2, root.GetProperty("inbox").GetArrayLength());
        Assert.Equal(2, root.GetProperty("securityLog").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == SecurityEventKinds.SignIn));
        Assert.Equal("executive", Assert.Single(root.GetProperty("appointments").EnumerateArray()).GetProperty("party").GetString());
        var credentials = root.GetProperty("credentials");
        Assert.False(credentials.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(0, credentials.GetProperty("passkeys").GetArrayLength());
        Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SecurityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other.Email!, text, StringComparison.OrdinalIgnoreCase);

        await using var db = app.CreateDbContext();
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.AccountExported));
    }

    [Fact]
    public async Task Delete_WithAWrongOrMissingEmail_DeletesNothing_AndSaysWhy()
    {
        var member = await app.CreateMemberAsync("SFP");
        using var client = await app.SignInAsync(member);

        using (var wrong = await AccountForms.SubmitAsync(client, Page, "form:has(input[name='Delete.Email'])", ("Delete.Email", "someone-else@example.org")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Email: it does not match your account&#x27;s. Nothing was deleted.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var empty = await AccountForms.SubmitAsync(client, Page, "form:has(input[name='Delete.Email'])", ("Delete.Email", "")))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(m => m.Id == member.Id));
        using var still = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheAccountAndWhatNamesIt_KeepsTheLogAnonymous_LeavesOthersAndTheRecordAlone()
    {
        var member = await app.CreateMemberAsync("SFP", representative: true);
        var other = await app.CreateMemberAsync("SFP");
        using var otherClient = await app.SignInAsync(other);
        using var secondDevice = await app.SignInAsync(member);
        using var client = await app.SignInAsync(member);
        int recordEntries;
        List<Guid> memberEvents;
        await using (var before = app.CreateDbContext())
        {
            recordEntries = await before.RecordEntries.CountAsync();
            memberEvents = await before.SecurityEvents.Where(e => e.MemberId == member.Id).Select(e => e.Id).ToListAsync();
        }

        using (var response = await AccountForms.SubmitAsync(client, Page, "form:has(input[name='Delete.Email'])", ("Delete.Email", " " + member.Email!.ToUpperInvariant())))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pacta=;", StringComparison.Ordinal));
        }

        foreach (var device in new[] { client, secondDevice })
        {
            using var afterwards = await device.GetAsync(new Uri(Page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        }
        using (var signIn = await app.CreateHttpsClient().PostAsync(new Uri(TestSignIn.PathPrefix + member.Id, UriKind.Relative), null))
            Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        using (var otherStill = await otherClient.GetAsync(new Uri(Page, UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, otherStill.StatusCode);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(m => m.Id == member.Id || m.Email == member.Email));
        Assert.False(await db.MemberSessions.AnyAsync(s => s.MemberId == member.Id));
        Assert.False(await db.InboxMessages.AnyAsync(m => m.MemberId == member.Id));
        Assert.False(await db.Appointments.AnyAsync(a => a.MemberId == member.Id));
        Assert.False(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id));
        var kept = await db.SecurityEvents.Where(e => memberEvents.Contains(e.Id)).ToListAsync();
        Assert.Equal(memberEvents.Count, kept.Count);
        Assert.All(kept, e => Assert.Null(e.MemberId));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.AccountDeleted && e.MemberId == null && e.PartyKey == "executive"));
        var snapshot = await db.SnapshotAsync();
        Assert.DoesNotContain(snapshot, r => r.Contains(member.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(snapshot, r => r.Contains(member.Email, StringComparison.OrdinalIgnoreCase));

        Assert.True(await db.Users.AnyAsync(m => m.Id == other.Id));
        Assert.True(await db.MemberSessions.AnyAsync(s => s.MemberId == other.Id));
        Assert.True(await db.InboxMessages.AnyAsync(m => m.MemberId == other.Id));
        // The record only grows: the representative who left is removed there (representative.removed), by role.
        var added = await db.RecordEntries.Where(e => e.Index >= recordEntries).OrderBy(e => e.Index).ToListAsync();
        var removed = Assert.Single(added);
        var text = System.Text.Encoding.UTF8.GetString(removed.Bytes);
        Assert.Contains("\"representative.removed\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(member.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class AccountDataTestsOnSqlite(SqliteApp app) : AccountDataTests(app), IClassFixture<SqliteApp>;

public sealed class AccountDataTestsOnPostgres(PostgresApp app) : AccountDataTests(app), IClassFixture<PostgresApp>;
