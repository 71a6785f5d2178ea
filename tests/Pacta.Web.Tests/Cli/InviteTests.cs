using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pacta.Cli;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Cli;

/// <summary><c>pacta invite</c>: the operator's only power over people, a link printed once and a hash stored.</summary>
public abstract partial class InviteTests(PactaApp app)
{
    [Fact]
    public async Task Invite_Representative_PrintsTheLinkAndStoresOnlyTheTokensHash()
    {
        var email = Email();

        var result = await PactaCommand.RunAsync(app.Settings, "invite", "--email", email, "--organization", "SFP", "--representative");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal($"invited {email}: participant of SFP (executive), representative of SFP", lines[0]);
        var link = Link().Match(lines[1]);
        Assert.True(link.Success, lines[1]);
        Assert.Matches(@"^expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z \(72 hours\); single use", lines[2]);

        await using var db = app.CreateDbContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal(InvitationToken.Hash(link.Groups["token"].Value), invitation.TokenHash);
        Assert.Equal((AccountKind.Participant, "executive", true, false, (Guid?)null),
            (invitation.Kind, invitation.PartyKey, invitation.Representative, invitation.RepresentsWholeParty, invitation.InvitedBy));
        Assert.Equal(TimeSpan.FromHours(72), invitation.ExpiresAt - invitation.CreatedAt);
        Assert.DoesNotContain(link.Groups["token"].Value, string.Join('\n', await db.SnapshotAsync()), StringComparison.Ordinal);
        var logged = await db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKinds.InvitationIssued && e.Detail.StartsWith("participant of SFP, representative of SFP"));
        Assert.Equal("executive", logged.PartyKey);
    }

    [Fact]
    public async Task Invite_UsesThePublicUrl_AndInvitesReviewersWithoutAnOrganization()
    {
        var email = Email();
        var settings = PactaCommand.Settings(app.Settings);
        settings["Pacta:PublicUrl"] = "https://pacta.example/";

        var result = await PactaCommand.RunAsync(settings, "invite", "--email", email, "--reviewer");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.StartsWith("https://pacta.example/es/account/invitation/", result.Output.Split('\n')[1]["link: ".Length..], StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal((AccountKind.Reviewer, (string?)null, (Guid?)null), (invitation.Kind, invitation.PartyKey, invitation.OrganizationId));
    }

    [Theory]
    [InlineData("pacta: --email: 'not-an-address' is not one email address (like name@example.org); nothing was stored", "--email", "not-an-address", "--organization", "SFP")]
    [InlineData("pacta: --organization: there is no organisation 'XYZ'; nothing was stored", "--email", "EMAIL", "--organization", "XYZ")]
    [InlineData("pacta: --organization is required (or --reviewer / --operator)", "--email", "EMAIL")]
    [InlineData("pacta: --organization: a reviewer belongs to no organisation", "--email", "EMAIL", "--reviewer", "--organization", "SFP")]
    [InlineData("pacta: --representative: an operator represents no one", "--email", "EMAIL", "--operator", "--representative")]
    [InlineData("pacta: --reviewer and --operator: choose one kind of account", "--email", "EMAIL", "--reviewer", "--operator")]
    [InlineData("pacta: --representative and --party-representative: choose one", "--email", "EMAIL", "--organization", "SFP", "--representative", "--party-representative")]
    public async Task Invite_WithABadOption_SaysWhichAndStoresNothing(string message, params string[] args)
    {
        var email = Email();
        await using var db = app.CreateDbContext();
        var before = await db.SnapshotAsync();

        var result = await PactaCommand.RunAsync(app.Settings, ["invite", .. args.Select(a => a == "EMAIL" ? email : a)]);

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Equal(message, result.ErrorLines[0]);
        Assert.Equal("", result.Output);
        Assert.Equal(before, await db.SnapshotAsync());
    }

    [Fact]
    public async Task Invite_TheSameAddressTwice_IsRefusedWhileTheFirstIsOpen()
    {
        var email = Email();
        var first = await PactaCommand.RunAsync(app.Settings, "invite", "--email", email, "--organization", "INAI");

        var second = await PactaCommand.RunAsync(app.Settings, "invite", "--email", email.ToUpperInvariant(), "--organization", "INAI");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.True(second.ExitCode == ExitCodes.BadInput, second.ToString());
        // Addresses are kept in lower case, so one differing only in case is the same.
        Assert.StartsWith($"pacta: --email: {email} has an open invitation already", second.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_AnAddressWithAnAccount_IsRefused()
    {
        var member = await app.CreateMemberAsync("SFP");

        var result = await PactaCommand.RunAsync(app.Settings, "invite", "--email", member.Email!, "--organization", "SFP");

        Assert.True(result.ExitCode == ExitCodes.BadInput, result.ToString());
        Assert.Equal($"pacta: --email: {member.Email} already has an account; nothing was stored", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Invite_ASecondPartyRepresentativeOfASingleRepresentativeParty_IsRefused()
    {
        var first = await PactaCommand.RunAsync(app.Settings, "invite", "--email", Email(), "--organization", "OGE", "--party-representative");

        var second = await PactaCommand.RunAsync(app.Settings, "invite", "--email", Email(), "--organization", "INAI", "--party-representative");

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.True(second.ExitCode == ExitCodes.BadInput, second.ToString());
        Assert.StartsWith("pacta: --party-representative: guarantor decides through a single representative", second.ErrorLines[0], StringComparison.Ordinal);
    }

    private static string Email() => $"{Guid.NewGuid():N}@example.org";

    [GeneratedRegex("^link: http://localhost:5080/es/account/invitation/(?<token>[A-Za-z0-9_-]{43})$")]
    private static partial Regex Link();
}

public sealed class InviteTestsOnSqlite(SqliteApp app) : InviteTests(app), IClassFixture<SqliteApp>;

public sealed class InviteTestsOnPostgres(PostgresApp app) : InviteTests(app), IClassFixture<PostgresApp>;
