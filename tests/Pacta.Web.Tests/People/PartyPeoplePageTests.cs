using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.People;

/// <summary>The party's people page: who may see it, and what its representatives may change there.</summary>
public abstract partial class PartyPeoplePageTests(PactaApp app)
{
    private const string CivilSociety = "/en/parties/civil-society/people";

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = app.CreateHttpsClient();
        var (status, _, location) = await PeopleTesting.GetAsync(client, "/es/parties/civil-society/people");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/es/account/sign-in?returnUrl=", location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SFP", AccountKind.Participant)]
    [InlineData(null, AccountKind.Reviewer)]
    [InlineData(null, AccountKind.Operator)]
    public async Task OthersThanThePartysMembers_AreForbidden(string? organization, AccountKind kind)
    {
        using var client = await app.SignInAsync(await app.CreateMemberAsync(organization, kind, representative: organization is not null));
        var (status, document, _) = await PeopleTesting.GetAsync(client, CivilSociety);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("Test Participant", document.Body?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_SeesTheMembersByOrganizationAndTheRepresentatives_ButNoInviteForm()
    {
        var colleague = await app.CreateNamedMemberAsync("Fundar", representative: true, representsOrganization: true);
        using var client = await app.SignInAsync(await app.CreateMemberAsync("Article 19"));

        var (status, page, _) = await PeopleTesting.GetAsync(client, CivilSociety);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("People", PeopleTesting.Text(page.QuerySelector("h1")));
        var representatives = PeopleTesting.Text(page.QuerySelector("#representatives-heading")!.ParentElement);
        Assert.Contains($"{colleague.DisplayName}: Representative of Fundar, since", representatives, StringComparison.Ordinal);
        var members = page.QuerySelector("#members-heading")!.ParentElement!;
        Assert.Contains(members.QuerySelectorAll("h3"), h => PeopleTesting.Text(h).Contains("(Article 19)", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("input[name=_handler][value=invite]"));
        Assert.Empty(page.QuerySelectorAll("button[name='Appoint.Target']"));
    }

    [Fact]
    public async Task Member_PostingARepresentativesForm_IsRefusedAndNothingIsStored()
    {
        var member = await app.CreateMemberAsync("Article 19");
        await app.AddPasskeyAsync(member);
        using var client = await app.SignInAsync(member);
        var (_, page, _) = await PeopleTesting.GetAsync(client, CivilSociety);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var email = $"{Guid.NewGuid():N}@example.org";

        // The appoint form is on a member's page too (it lists the members): posting it is forbidden.
        var (appointStatus, _) = await PeopleTesting.PostAsync(client, CivilSociety,
            [new("__RequestVerificationToken", token), new("_handler", "appoint"), new("Appoint.Target", $"{member.Id}:organization")]);
        // The invite form is not: a post naming it is not a form of this page.
        var (inviteStatus, _) = await PeopleTesting.PostAsync(client, CivilSociety,
            [new("__RequestVerificationToken", token), new("_handler", "invite"), new("Invite.Email", email), new("Invite.Organization", "Article 19")]);

        Assert.Equal(HttpStatusCode.Forbidden, appointStatus);
        Assert.Equal(HttpStatusCode.BadRequest, inviteStatus);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Appointments.AnyAsync(a => a.MemberId == member.Id));
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == email));
    }

    [Fact]
    public async Task OrganizationRepresentative_InvitesIntoTheirOrganization_AndGetsTheLink()
    {
        var representative = await app.CreateMemberAsync("Fundar", representative: true, representsOrganization: true);
        using var client = await app.SignInAsync(representative);
        var email = $"{Guid.NewGuid():N}@example.org";

        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "invite",
            ("Invite.Email", email), ("Invite.Organization", "Fundar"), ("Invite.Role", "representative"));

        Assert.Equal(HttpStatusCode.OK, status);
        var link = PeopleTesting.Text(page.QuerySelector(".notice code"));
        var match = LinkPattern().Match(link);
        Assert.True(match.Success, link);
        await using var db = app.CreateDbContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal(InvitationToken.Hash(match.Groups["token"].Value), invitation.TokenHash);
        Assert.Equal(("civil-society", true, false, representative.Id), (invitation.PartyKey, invitation.Representative, invitation.RepresentsWholeParty, invitation.InvitedBy));
        Assert.Equal(72, (invitation.ExpiresAt - invitation.CreatedAt).TotalHours);
        var logged = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKinds.InvitationIssued && e.MemberId == representative.Id);
        Assert.Equal("civil-society", logged.PartyKey);
        Assert.DoesNotContain(email, logged.Detail, StringComparison.Ordinal);
        // The open invitation is listed, with its address for the representative.
        Assert.Contains(email, PeopleTesting.Text(page.QuerySelector("#invitations-heading")!.ParentElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationRepresentative_InvitingIntoAnotherOrganization_IsRefusedNamingTheField()
    {
        using var client = await app.SignInAsync(await app.CreateMemberAsync("Fundar", representative: true, representsOrganization: true));
        var email = $"{Guid.NewGuid():N}@example.org";

        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "invite",
            ("Invite.Email", email), ("Invite.Organization", "IMCO"), ("Invite.Role", "member"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Organization: you may invite only into the organizations you represent.", PeopleTesting.Text(page.QuerySelector("[role=alert]")));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Invitations.AnyAsync(i => i.Email == email));
    }

    [Fact]
    public async Task Invite_WithABadEmail_IsRefusedNamingTheField()
    {
        using var client = await app.SignInAsync(await app.CreateMemberAsync("GESOC", representative: true));

        var (status, page) = await PeopleTesting.PostFormAsync(client, "/es/parties/civil-society/people", "invite",
            ("Invite.Email", "<script>alert(1)</script>"), ("Invite.Organization", "GESOC"), ("Invite.Role", "member"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Correo electrónico: no es una dirección (como nombre@ejemplo.org).", PeopleTesting.Text(page.QuerySelector("[role=alert]")));
        Assert.Null(page.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task Representative_RevokesAnOpenInvitation()
    {
        var representative = await app.CreateMemberAsync("EQUIS", representative: true, representsOrganization: true);
        using var client = await app.SignInAsync(representative);
        var email = $"{Guid.NewGuid():N}@example.org";
        await PeopleTesting.PostFormAsync(client, CivilSociety, "invite", ("Invite.Email", email), ("Invite.Organization", "EQUIS"), ("Invite.Role", "member"));
        Guid id;
        await using (var db = app.CreateDbContext()) id = (await db.Invitations.SingleAsync(i => i.Email == email)).Id;

        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "revoke-invitation", ("Revoke.Invitation", id.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Invitation revoked: its link no longer works.", PeopleTesting.Text(page.QuerySelector("[role=status]")));
        await using var check = app.CreateDbContext();
        Assert.NotNull((await check.Invitations.SingleAsync(i => i.Id == id)).RevokedAt);
        Assert.True(await check.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.InvitationRevoked && e.MemberId == representative.Id));
        Assert.DoesNotContain(email, PeopleTesting.Text(page.QuerySelector("#invitations-heading")!.ParentElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Representative_AppointsAMemberWithAPasskey_ButNotOneWithout()
    {
        var representative = await app.CreateMemberAsync("ONC", representative: true, representsOrganization: true);
        var withPasskey = await app.CreateNamedMemberAsync("ONC");
        await app.AddPasskeyAsync(withPasskey);
        var withoutPasskey = await app.CreateMemberAsync("ONC");
        using var client = await app.SignInAsync(representative);

        var (refusedStatus, refused) = await PeopleTesting.PostFormAsync(client, CivilSociety, "appoint", ("Appoint.Target", $"{withoutPasskey.Id}:organization"));
        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "appoint", ("Appoint.Target", $"{withPasskey.Id}:organization"));

        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal("Member: they have no passkey yet; a representative signs approvals with it.", PeopleTesting.Text(refused.QuerySelector("[role=alert]")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{withPasskey.DisplayName}: Representative of ONC", PeopleTesting.Text(page.QuerySelector("#representatives-heading")!.ParentElement), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Appointments.AnyAsync(a => a.MemberId == withoutPasskey.Id));
        var appointment = await db.Appointments.SingleAsync(a => a.MemberId == withPasskey.Id);
        Assert.Equal((representative.Id, "civil-society"), (appointment.AppointedBy, appointment.PartyKey));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.RoleChanged && e.MemberId == representative.Id));
    }

    [Fact]
    public async Task OrganizationRepresentative_CannotAppointForTheWholeParty()
    {
        var representative = await app.CreateMemberAsync("IMCO", representative: true, representsOrganization: true);
        var member = await app.CreateMemberAsync("IMCO");
        await app.AddPasskeyAsync(member);
        using var client = await app.SignInAsync(representative);

        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "appoint", ("Appoint.Target", $"{member.Id}:party"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Role: only a representative of the whole party may invite or appoint one.", PeopleTesting.Text(page.QuerySelector("[role=alert]")));
    }

    [Fact]
    public async Task Representative_EndsAnAppointment()
    {
        var representative = await app.CreateMemberAsync("SocialTIC", representative: true, representsOrganization: true);
        var other = await app.CreateNamedMemberAsync("SocialTIC", representative: true, representsOrganization: true);
        using var client = await app.SignInAsync(representative);
        Guid id;
        await using (var db = app.CreateDbContext()) id = (await db.Appointments.SingleAsync(a => a.MemberId == other.Id)).Id;

        var (status, page) = await PeopleTesting.PostFormAsync(client, CivilSociety, "end-appointment", ("End.Appointment", id.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Appointment ended.", PeopleTesting.Text(page.QuerySelector("[role=status]")));
        Assert.DoesNotContain($"{other.DisplayName}: Representative", PeopleTesting.Text(page.QuerySelector("#representatives-heading")!.ParentElement), StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.NotNull((await check.Appointments.SingleAsync(a => a.Id == id)).EndedAt);
    }

    [GeneratedRegex("^https://localhost/en/account/invitation/(?<token>[A-Za-z0-9_-]{43})$")]
    private static partial Regex LinkPattern();
}

public sealed class PartyPeoplePageTestsOnSqlite(SqliteApp app) : PartyPeoplePageTests(app), IClassFixture<SqliteApp>;

public sealed class PartyPeoplePageTestsOnPostgres(PostgresApp app) : PartyPeoplePageTests(app), IClassFixture<PostgresApp>;
