using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Forum;

namespace Pacta.Core.People;

/// <summary>What to invite: an email, the kind of account, and for a participant their organisation and role.</summary>
/// <param name="Organization">The organisation's short name (participants only).</param>
/// <param name="Representative">Appointed representative on acceptance: of <paramref name="Organization"/>, or of the whole party with <paramref name="RepresentsWholeParty"/>.</param>
/// <param name="InvitedBy">The representative inviting; null for the operator's <c>pacta invite</c>.</param>
public sealed record InvitationRequest(string Email, AccountKind Kind, string? Organization, bool Representative, bool RepresentsWholeParty, Guid? InvitedBy);

/// <summary>An invitation just issued: the token is returned once, to be handed over; only its hash is stored.</summary>
public sealed record IssuedInvitation(Guid Id, string Token, DateTimeOffset ExpiresAt, string? PartyKey, string? Organization);

/// <summary>Issues a single-use invitation, valid for <see cref="Invitation.Lifetime"/>.</summary>
/// <remarks>
/// The email must be one address and must belong to no account and no open invitation. A participant is invited
/// into an existing organisation; reviewers and operators into none. A representative inviting (not the operator)
/// may invite into any organisation of their party when they represent the whole party, into their own
/// organisation otherwise, and only a whole-party representative may invite a whole-party representative. A
/// single-representative party has at most one whole-party representative: a second is refused while one is
/// appointed or invited (the sitting one appoints their successor from the party's people page instead).
/// Writes <c>invitation.issued</c> to the security log (without the address).
/// </remarks>
public sealed class IssueInvitation(PactaDbContext db, TimeProvider time)
{
    public const int EmailMaxLength = 256;

    public async Task<PeopleResult<IssuedInvitation>> ExecuteAsync(InvitationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = PeopleRules.Truncate(time.GetUtcNow());
        var email = (request.Email ?? "").Trim();
        if (email.Length == 0)
            return Refused("email", "EmailMissing", "an email address is required");
        if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email || address.DisplayName.Length > 0
            || !address.Host.Contains('.', StringComparison.Ordinal) || email.Any(char.IsControl))
            return Refused("email", "EmailInvalid", $"'{email}' is not one email address (like name@example.org)");
        if (request.RepresentsWholeParty && !request.Representative)
            return Refused("representative", "WholePartyNeedsRepresentative", "a whole-party representative is a representative: say so too");

        Organization? organization = null;
        Party? party = null;
        if (request.Kind == AccountKind.Participant)
        {
            if (string.IsNullOrWhiteSpace(request.Organization))
                return Refused("organization", "OrganizationMissing", "a participant belongs to an organisation: name it");
            organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.ShortName == request.Organization, cancellationToken);
            if (organization is null)
                return Refused("organization", "OrganizationUnknown", $"there is no organisation '{request.Organization}'");
            party = await db.Parties.AsNoTracking().SingleAsync(p => p.Key == organization.PartyKey, cancellationToken);
        }
        else if (request.Organization is not null || request.Representative)
        {
            return Refused("organization", "NoOrganizationForKind", $"a {request.Kind.ToString().ToLowerInvariant()} belongs to no organisation and represents none");
        }

        if (request.InvitedBy is { } inviter)
        {
            var own = await db.Appointments.AsNoTracking().Where(a => a.MemberId == inviter && a.EndedAt == null).ToListAsync(cancellationToken);
            if (party is null || !PeopleRules.Covers(own, party.Key, organization!.Id))
                return Refused("organization", "NotYourOrganization", "you may invite only into the organisations you represent");
            if (request.RepresentsWholeParty && !PeopleRules.Covers(own, party.Key, null))
                return Refused("representative", "WholePartyOnlyByWholeParty", "only a representative of the whole party may invite one");
        }

        // Stored and compared in lower case: an address differing only in case is the same person's.
#pragma warning disable CA1308 // Addresses are shown to people, who write them in lower case.
        email = email.ToLowerInvariant();
#pragma warning restore CA1308
        var upper = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(m => m.NormalizedEmail == upper, cancellationToken))
            return Refused("email", "EmailHasAccount", $"{email} already has an account");
        // Few rows per address; compared here because SQLite cannot compare DateTimeOffset in a query.
        var earlier = await db.Invitations.AsNoTracking().Where(i => i.Email == email).ToListAsync(cancellationToken);
        if (earlier.Any(i => i.IsOpenAt(now)))
            return Refused("email", "EmailInvited", $"{email} has an open invitation already: revoke it first or wait until it expires");

        if (party is { DecisionRule: DecisionRule.SingleRepresentative } && request.RepresentsWholeParty)
        {
            var sitting = await db.Appointments.AnyAsync(a => a.PartyKey == party.Key && a.OrganizationId == null && a.EndedAt == null, cancellationToken);
            var invited = (await db.Invitations.AsNoTracking().Where(i => i.PartyKey == party.Key && i.RepresentsWholeParty).ToListAsync(cancellationToken))
                .Any(i => i.IsOpenAt(now));
            if (sitting || invited)
                return Refused("representative", "SingleRepresentativeTaken",
                    $"{party.Key} decides through a single representative, who is already appointed or invited");
        }

        var (token, hash) = InvitationToken.Create();
        var invitation = new Invitation
        {
            TokenHash = hash,
            Email = email,
            Kind = request.Kind,
            PartyKey = party?.Key,
            OrganizationId = organization?.Id,
            Representative = request.Representative,
            RepresentsWholeParty = request.RepresentsWholeParty,
            InvitedBy = request.InvitedBy,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = now,
            Kind = SecurityEventKinds.InvitationIssued,
            MemberId = request.InvitedBy,
            PartyKey = party?.Key,
            Detail = Describe(invitation, organization?.ShortName),
        });
        await db.SaveChangesAsync(cancellationToken);
        return PeopleResult.Ok<IssuedInvitation>(new IssuedInvitation(invitation.Id, token, invitation.ExpiresAt, party?.Key, organization?.ShortName));
    }

    /// <summary>The log line's detail: the role offered, never the address.</summary>
    internal static string Describe(Invitation invitation, string? organization) =>
        (invitation.Kind, invitation.Representative, invitation.RepresentsWholeParty) switch
        {
            (AccountKind.Participant, true, true) => $"participant of {organization}, representative of the party; by {(invitation.InvitedBy is null ? "the operator" : "a representative")}",
            (AccountKind.Participant, true, false) => $"participant of {organization}, representative of {organization}; by {(invitation.InvitedBy is null ? "the operator" : "a representative")}",
            (AccountKind.Participant, _, _) => $"participant of {organization}; by {(invitation.InvitedBy is null ? "the operator" : "a representative")}",
            _ => $"{invitation.Kind.ToString().ToLowerInvariant()}; by the operator",
        };

    private static PeopleResult<IssuedInvitation> Refused(string field, string code, string message) =>
        PeopleResult.Refused<IssuedInvitation>(field, code, message);
}
