using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Accounts;

/// <summary>
/// Accepting an invitation without JavaScript (password and authenticator app) and signing in with it: the gaps
/// Identity's defaults leave open, each closed (docs/security.md, "Signing in").
/// </summary>
public abstract class SignInTests(PactaApp app) : IDisposable
{
    private const string Refused = "No se pudo iniciar sesión";
    private readonly AccountFlow _flow = new(app);

    [Fact]
    public async Task Invitation_AcceptedWithoutJavaScript_OpensAConfirmedAccount_ThenPasswordAndCodeSignIn()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);

        Assert.Equal(HttpStatusCode.OK, account.Response.StatusCode);
        Assert.Equal(RecoveryCodes.Count, account.RecoveryCodes.Count);
        Assert.Contains("__Host-pacta=", string.Join(";", account.Response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Empty(account.Page.QuerySelectorAll("[style]"));
        Assert.Null(account.Page.QuerySelector("img[src^='data:']"));
        await using (var db = app.CreateDbContext())
        {
            var member = await db.Users.SingleAsync(m => m.Email == invitation.Email);
            Assert.True(member.EmailConfirmed);
            Assert.Equal("Ana Prueba", member.DisplayName);
            Assert.Equal(invitation.OrganizationId, member.OrganizationId);
            Assert.NotNull((await db.Invitations.SingleAsync(i => i.Id == invitation.Id)).AcceptedAt);
            var kinds = await db.SecurityEvents.Where(e => e.MemberId == member.Id).Select(e => e.Kind).ToListAsync();
            Assert.Contains(SecurityEventKinds.InvitationAccepted, kinds);
            Assert.Contains(SecurityEventKinds.CredentialAdded, kinds);
            // The codes are kept hashed: none of them is in the database as shown.
            var stored = await db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().Where(t => t.UserId == member.Id).Select(t => t.Value).ToListAsync();
            Assert.DoesNotContain(stored, v => account.RecoveryCodes.Any(c => v!.Contains(c, StringComparison.Ordinal)));
            // The authenticator secret is wrapped with a key outside the database: a copy cannot compute codes.
            var secret = account.Secret.Replace(" ", "", StringComparison.Ordinal);
            Assert.DoesNotContain(stored, v => v!.Replace(" ", "", StringComparison.Ordinal).Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        _flow.NextStep();
        var (response, client) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, _flow.Clock.GetUtcNow()), query: "?returnUrl=%2Fen%2Faccount");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/en/account"), response.Headers.Location);
        using var accountPage = await client.GetAsync(new Uri("/en/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, accountPage.StatusCode);
        Assert.Contains("Ana Prueba", (await AccountFlow.ReadAsync(accountPage)).QuerySelector(".account-name")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesToTheAccountPageInstead()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        _flow.NextStep();
        var (response, _) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, _flow.Clock.GetUtcNow()), query: "?returnUrl=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("https://localhost/es/account"), response.Headers.Location);
    }

    [Fact]
    public async Task TotpCode_UsedOnce_IsRefusedTheSecondTime()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        _flow.NextStep();
        var code = TotpCodes.CodeAt(account.Secret, _flow.Clock.GetUtcNow());
        var (first, _) = await _flow.SignInAsync(invitation.Email, account.Password, code);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        _flow.Clock.Advance(TimeSpan.FromSeconds(10)); // still the same step
        var (again, _) = await _flow.SignInAsync(invitation.Email, account.Password, code);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(Refused, (await AccountFlow.ReadAsync(again)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.Headers.Location);
    }

    [Fact]
    public async Task TotpCode_OfThePreviousOrNextStep_IsRefused()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        _flow.NextStep();
        _flow.NextStep();
        var now = _flow.Clock.GetUtcNow();

        var (previous, _) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, now.AddSeconds(-30)));
        Assert.Equal(HttpStatusCode.BadRequest, previous.StatusCode);
        var (next, _) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, now.AddSeconds(30)));
        Assert.Equal(HttpStatusCode.BadRequest, next.StatusCode);
        // The current step's code still works: the refusals were about the step, not the account.
        var (current, _) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, now));
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
    }

    [Fact]
    public async Task Password_Alone_NeverSignsIn()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        _flow.NextStep();
        var (response, client) = await _flow.SignInAsync(invitation.Email, account.Password, code: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("__Host-pacta=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
        using var accountPage = await client.GetAsync(new Uri("/es/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, accountPage.StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_InsteadOfTotp_WorksOnce()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        var code = account.RecoveryCodes[3];

        var (first, _) = await _flow.SignInAsync(invitation.Email, account.Password, null, code);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (again, _) = await _flow.SignInAsync(invitation.Email, account.Password, null, code);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        await using var db = app.CreateDbContext();
        var member = await db.Users.SingleAsync(m => m.Email == invitation.Email);
        Assert.Equal(1, await db.MemberSessions.CountAsync(s => s.MemberId == member.Id && s.Method == "recovery-code"));
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_EvenTheRightCodeIsThenRefused_WithTheUnknownEmailMessage()
    {
        var (token, invitation) = await _flow.InviteAsync();
        var account = await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        _flow.NextStep();
        // Each kind of failure counts: wrong password, wrong code, wrong recovery code.
        (string Password, string? Code, string? Recovery)[] failures =
        [
            ("not the password at all, sorry", "000000", null),
            (account.Password, "000000", null),
            (account.Password, null, "AAAAA-AAAAA"),
            ("not the password at all, sorry", null, null),
            (account.Password, "999999", null),
        ];
        foreach (var (password, code, recovery) in failures)
        {
            var (failed, _) = await _flow.SignInAsync(invitation.Email, password, code, recovery);
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        var (locked, _) = await _flow.SignInAsync(invitation.Email, account.Password, TotpCodes.CodeAt(account.Secret, _flow.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var lockedMessage = (await AccountFlow.ReadAsync(locked)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("15", lockedMessage, StringComparison.Ordinal);

        var (unknown, _) = await _flow.SignInAsync("nobody-" + invitation.Email, account.Password, "123456");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(lockedMessage, (await AccountFlow.ReadAsync(unknown)).QuerySelector("[role=alert]")!.TextContent);

        await using var db = app.CreateDbContext();
        var member = await db.Users.SingleAsync(m => m.Email == invitation.Email);
        Assert.True(member.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.LockedOut));
        Assert.Equal(6, await db.SecurityEvents.CountAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.SignInFailed));
        // Only the session the acceptance opened: no sign-in got through.
        Assert.Equal(["totp"], await db.MemberSessions.Where(s => s.MemberId == member.Id).Select(s => s.Method).ToListAsync());
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("used")]
    [InlineData("revoked")]
    [InlineData("unknown")]
    public async Task Invitation_NotOpen_IsRefusedWithAMessage_AndNothingIsStored(string state)
    {
        var (token, invitation) = await _flow.InviteAsync(expiresIn: state == "expired" ? TimeSpan.FromMinutes(1) : null);
        var client = _flow.CreateClient();
        // The form as it was while the invitation was open.
        using var get = await client.GetAsync(new Uri($"/es/account/invitation/{token}", UriKind.Relative));
        var page = await AccountFlow.ReadAsync(get);
        var fields = AccountFlow.FieldsOf(page, "invitation");
        var secret = page.QuerySelector("code.secret")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        if (state == "expired") _flow.Clock.Advance(TimeSpan.FromMinutes(2));
        if (state == "used") await _flow.AcceptWithoutJavaScriptAsync(token, invitation.Email);
        if (state is "revoked")
        {
            await using var db = app.CreateDbContext();
            (await db.Invitations.SingleAsync(i => i.Id == invitation.Id)).RevokedAt = _flow.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        var path = state == "unknown" ? $"/es/account/invitation/{token}x" : $"/es/account/invitation/{token}";

        await using var before = app.CreateDbContext();
        var snapshot = await before.SnapshotAsync();
        fields["Input.DisplayName"] = "Otra Persona";
        fields["Input.Password"] = "otra frase larga de prueba para pacta";
        fields["Input.TotpCode"] = TotpCodes.CodeAt(secret, _flow.Clock.GetUtcNow());
        using var response = await AccountFlow.PostAsync(client, path, fields);

        Assert.Equal(state == "unknown" ? HttpStatusCode.BadRequest : HttpStatusCode.Gone, response.StatusCode);
        var message = (await AccountFlow.ReadAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains(state switch { "expired" => "venció", "used" => "ya fue aceptada", "revoked" => "revocada", _ => "no existe" }, message, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal(snapshot, await after.SnapshotAsync());
    }

    [Fact]
    public async Task Invitation_WithAWrongCodeOrShortPassword_NamesTheField_AndStoresNothing()
    {
        var (token, _) = await _flow.InviteAsync();
        var client = _flow.CreateClient();
        using var get = await client.GetAsync(new Uri($"/es/account/invitation/{token}", UriKind.Relative));
        var page = await AccountFlow.ReadAsync(get);
        var secret = page.QuerySelector("code.secret")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await using var before = app.CreateDbContext();
        var snapshot = await before.SnapshotAsync();

        var fields = AccountFlow.FieldsOf(page, "invitation");
        fields["Input.DisplayName"] = "Ana";
        fields["Input.Password"] = "corta";
        fields["Input.TotpCode"] = TotpCodes.CodeAt(secret, _flow.Clock.GetUtcNow());
        using var shortPassword = await AccountFlow.PostAsync(client, $"/es/account/invitation/{token}", fields);
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        var shortPage = await AccountFlow.ReadAsync(shortPassword);

        Assert.Contains("Contraseña:", shortPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", shortPage.QuerySelector("#new-password")!.GetAttribute("aria-invalid"));

        fields["Input.Password"] = "una frase larga de prueba para pacta";
        fields["Input.TotpCode"] = TotpCodes.CodeAt(secret, _flow.Clock.GetUtcNow().AddSeconds(30));
        using var wrongCode = await AccountFlow.PostAsync(client, $"/es/account/invitation/{token}", fields);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Contains("Código:", (await AccountFlow.ReadAsync(wrongCode)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        await using var after = app.CreateDbContext();
        Assert.Equal(snapshot, await after.SnapshotAsync());
    }

    [Fact]
    public async Task RepresentativeInvitation_WithoutAPasskey_IsRefused()
    {
        var (token, invitation) = await _flow.InviteAsync(representative: true);
        var client = _flow.CreateClient();
        using var get = await client.GetAsync(new Uri($"/es/account/invitation/{token}", UriKind.Relative));
        var page = await AccountFlow.ReadAsync(get);
        Assert.Null(page.QuerySelector("#new-password"));
        var fields = AccountFlow.FieldsOf(page, "invitation");
        fields["Input.DisplayName"] = "Rita Representante";
        fields["Input.Password"] = "una frase larga de prueba para pacta";
        fields["Input.TotpCode"] = "123456";
        using var response = await AccountFlow.PostAsync(client, $"/es/account/invitation/{token}", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(m => m.Email == invitation.Email));
    }

    [Fact]
    public async Task PasskeyOptions_WithAForgedHost_KeepTheConfiguredRelyingParty_AndRequireUserVerification()
    {
        var client = _flow.CreateClient();
        using var signInPage = await client.GetAsync(new Uri("/es/account/sign-in", UriKind.Relative));
        var fields = AccountFlow.FieldsOf(await AccountFlow.ReadAsync(signInPage), "passkey-sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/passkey/request-options", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("localhost", options.RootElement.GetProperty("rpId").GetString());
        Assert.Equal("required", options.RootElement.GetProperty("userVerification").GetString());

        var (token, _) = await _flow.InviteAsync();
        using var invitationPage = await client.GetAsync(new Uri($"/es/account/invitation/{token}", UriKind.Relative));
        var invitationFields = AccountFlow.FieldsOf(await AccountFlow.ReadAsync(invitationPage), "invitation");
        invitationFields["Input.DisplayName"] = "Ana";
        using var creation = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/passkey/invitation-options", UriKind.Relative)) { Content = new FormUrlEncodedContent(invitationFields) };
        creation.Headers.Host = "evil.example";
        using var creationResponse = await client.SendAsync(creation);
        Assert.Equal(HttpStatusCode.OK, creationResponse.StatusCode);
        using var creationOptions = JsonDocument.Parse(await creationResponse.Content.ReadAsStringAsync());
        Assert.Equal("localhost", creationOptions.RootElement.GetProperty("rp").GetProperty("id").GetString());
        var selection = creationOptions.RootElement.GetProperty("authenticatorSelection");
        Assert.Equal("required", selection.GetProperty("userVerification").GetString());
        Assert.Equal("required", selection.GetProperty("residentKey").GetString());
    }

    [Fact]
    public async Task PasskeyOptions_WithoutTheAntiforgeryToken_AreRefused()
    {
        var client = _flow.CreateClient();
        using var response = await client.PostAsync(new Uri("/account/passkey/request-options", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PasskeySignIn_WithAForgedAssertion_IsRefused_AndCountsAgainstNoOne()
    {
        var client = _flow.CreateClient();
        using var signInPage = await client.GetAsync(new Uri("/es/account/sign-in", UriKind.Relative));
        var fields = AccountFlow.FieldsOf(await AccountFlow.ReadAsync(signInPage), "passkey-sign-in");
        using var options = await AccountFlow.PostAsync(client, "/account/passkey/request-options", fields);
        fields["Passkey.Credential"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"},"clientExtensionResults":{}}""";
        using var response = await AccountFlow.PostAsync(client, "/es/account/sign-in", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Refused, (await AccountFlow.ReadAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _flow.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
