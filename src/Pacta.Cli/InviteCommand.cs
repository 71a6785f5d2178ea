using System.CommandLine;
using System.Globalization;
using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Cli;

/// <summary>
/// <c>pacta invite --email ADDRESS (--organization SHORT [--representative | --party-representative] | --reviewer | --operator)</c>:
/// the operator's only power over people. Prints the single-use acceptance link (valid 72 hours) to hand over;
/// the database keeps only the SHA-256 of its token, and the operator cannot sign in as anyone.
/// </summary>
/// <remarks>
/// The link starts with <c>Pacta:PublicUrl</c> (default <c>http://localhost:5080</c>, the embedded default's
/// address). A bad option is exit 2 with a line naming it; nothing is stored then.
/// </remarks>
internal static class InviteCommand
{
    public const string DefaultPublicUrl = "http://localhost:5080";

    public static Command Create(CliContext cli)
    {
        var email = new Option<string>("--email") { Description = "The address of the person invited (the link is handed over, not mailed).", Required = true };
        var organization = new Option<string?>("--organization") { Description = "The organisation's short name (SFP): the new member belongs to it." };
        var representative = new Option<bool>("--representative") { Description = "Appoint them representative of their organisation on acceptance." };
        var partyRepresentative = new Option<bool>("--party-representative") { Description = "Appoint them representative of their organisation's whole party on acceptance." };
        var reviewer = new Option<bool>("--reviewer") { Description = "An independent reviewer's account (no organisation)." };
        var operatorAccount = new Option<bool>("--operator") { Description = "An operator's account (no organisation; no power over content)." };
        var command = new Command("invite", "Invite a person: prints a single-use link valid for 72 hours.")
        {
            email, organization, representative, partyRepresentative, reviewer, operatorAccount,
        };
        command.SetAction((parse, cancellationToken) => CommandGuard.RunAsync(cli, () => RunAsync(cli,
            parse.GetRequiredValue(email), parse.GetValue(organization), parse.GetValue(representative), parse.GetValue(partyRepresentative),
            parse.GetValue(reviewer), parse.GetValue(operatorAccount), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, string email, string? organization, bool representative, bool partyRepresentative,
        bool reviewer, bool operatorAccount, CancellationToken cancellationToken)
    {
        if (reviewer && operatorAccount) return Usage(cli, "--reviewer and --operator: choose one kind of account");
        var kind = reviewer ? AccountKind.Reviewer : operatorAccount ? AccountKind.Operator : AccountKind.Participant;
        var option = reviewer ? "--reviewer" : "--operator";
        var account = reviewer ? "a reviewer" : "an operator";
        if (kind != AccountKind.Participant && organization is not null) return Usage(cli, $"--organization: {account} belongs to no organisation");
        if (kind != AccountKind.Participant && (representative || partyRepresentative)) return Usage(cli, $"{(representative ? "--representative" : "--party-representative")}: {account} represents no one");
        if (kind == AccountKind.Participant && organization is null) return Usage(cli, "--organization is required (or --reviewer / --operator)");
        if (representative && partyRepresentative) return Usage(cli, "--representative and --party-representative: choose one");

        if (CliDatabase.Settings(cli) is not { } settings) return ExitCodes.BadInput;
        await using var db = await CliDatabase.OpenAsync(cli, settings, mayMigrate: true, cancellationToken);
        if (db is null) return ExitCodes.Failure;

        var request = new InvitationRequest(email, kind, organization, representative || partyRepresentative, partyRepresentative, InvitedBy: null);
        var result = await new IssueInvitation(db, TimeProvider.System).ExecuteAsync(request, cancellationToken);
        if (result.Error is { } error)
        {
            var name = error.Field switch
            {
                "organization" => kind == AccountKind.Participant ? "--organization" : option,
                "representative" => partyRepresentative ? "--party-representative" : "--representative",
                _ => "--" + error.Field,
            };
            return Usage(cli, $"{name}: {error.Message}; nothing was stored");
        }

        var issued = result.Value!;
        var publicUrl = (cli.Configuration["Pacta:PublicUrl"] is { Length: > 0 } configured ? configured : DefaultPublicUrl).TrimEnd('/');
        var role = kind switch
        {
            AccountKind.Reviewer => "reviewer",
            AccountKind.Operator => "operator",
            _ => $"participant of {issued.Organization} ({issued.PartyKey})"
                + (partyRepresentative ? ", representative of the whole party" : representative ? $", representative of {issued.Organization}" : ""),
        };
        await cli.Output.WriteLineAsync($"invited {email.Trim()}: {role}");
        await cli.Output.WriteLineAsync($"link: {publicUrl}/es/account/invitation/{issued.Token}");
        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"expires: {RecordEvent.FormatTime(issued.ExpiresAt)} ({Invitation.Lifetime.TotalHours:0} hours); single use; hand the link over in person or by a channel you trust"));
        return ExitCodes.Success;
    }

    private static int Usage(CliContext cli, string message)
    {
        cli.Complain(message);
        return ExitCodes.BadInput;
    }
}
