using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.People;

namespace Pacta.Core.Agreements;

/// <summary>Who votes: the representative's appointment, and the unit they vote as (their organisation, or null for the whole party).</summary>
internal sealed record Voter(Representation Representation, string? Organization)
{
    public string Unit => Organization ?? VoteStatement.WholeParty;
}

/// <summary>The parties of the forum with their DecisionRule and organisations: who must approve for the forum to agree.</summary>
internal sealed record Electorate(IReadOnlyList<(string Key, DecisionRule Rule)> Parties, ILookup<string, string> Organizations)
{
    public static async Task<Electorate> ReadAsync(PactaDbContext db, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking().Select(p => new { p.Key, p.DecisionRule }).ToListAsync(ct);
        var organizations = (await db.Organizations.AsNoTracking().Select(o => new { o.PartyKey, o.ShortName }).ToListAsync(ct))
            .ToLookup(o => o.PartyKey, o => o.ShortName);
        return new Electorate([.. parties.Select(p => (p.Key, p.DecisionRule))], organizations);
    }

    /// <summary>Every party's position from the votes on one question (in the order they were cast).</summary>
    public Dictionary<string, PartyPosition> Positions(IReadOnlyCollection<(string Party, string Unit, VoteDecision Decision)> votes) =>
        Parties.ToDictionary(p => p.Key, p => PartyDecisions.Tally(p.Rule, [.. Organizations[p.Key]],
            votes.Where(v => v.Party == p.Key).Select(v => (v.Unit, v.Decision))), StringComparer.Ordinal);
}

/// <summary>
/// What every vote signed with a passkey checks, whatever it decides (a commitment's version, a plan's stage): that the
/// member represents the party, the unit its DecisionRule makes them vote as, and that the assertion is the member's
/// published passkey signing this vote's statement (docs/adr/0004-agreements.md).
/// </summary>
internal static class SignedVoting
{
    /// <summary>The member's standing to vote for <paramref name="party"/>; a refusal when they may not.</summary>
    public static async Task<OperationResult<Voter>> VoterAsync(PactaDbContext db, Guid memberId, string party, CancellationToken ct)
    {
        var representation = await Representation.OfAsync(db, memberId, party, ct);
        if (representation is null)
            return new Refusal("party", "NotYourParty", $"party: you are not a representative of {party}; a representative votes for their own party only");
        var rule = await db.Parties.Where(p => p.Key == party).Select(p => p.DecisionRule).SingleAsync(ct);
        if (rule != DecisionRule.SingleRepresentative) return OperationResult.Ok(new Voter(representation, representation.MemberOrganization));
        if (representation.Appointment.OrganizationId is not null)
            return new Refusal("party", "NotWholeParty", $"party: {party} decides by a single representative; an organisation's representative does not vote for it");
        return OperationResult.Ok(new Voter(representation, null));
    }

    /// <summary>
    /// Null when <paramref name="assertion"/> is a valid signature of <paramref name="challenge"/> by the member's own passkey
    /// <paramref name="credentialId"/>, published in the record for <paramref name="appointmentId"/>, with a counter that moved
    /// forward (then advanced in the tracked passkey row); else the refusal.
    /// </summary>
    public static async Task<Refusal?> CheckSignatureAsync(PactaDbContext db, Guid memberId, Guid appointmentId, byte[] credentialId, WebAuthnAssertion assertion,
        byte[] challenge, RelyingParty relyingParty, CancellationToken ct)
    {
        // The credential must be the member's own passkey and one the record published for this appointment: the
        // record is where anyone will look for the key that checks this signature.
        var passkey = (await db.UserPasskeys.Where(p => p.UserId == memberId).ToListAsync(ct))
            .FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(credentialId));
        var published = passkey is not null && (await db.PublishedCredentials.AsNoTracking()
            .Where(c => c.AppointmentId == appointmentId).Select(c => c.CredentialId).ToListAsync(ct))
            .Any(c => c.AsSpan().SequenceEqual(credentialId));
        if (passkey is null || !published)
            return new Refusal("passkey", "NotPublished", "passkey: sign with the passkey published in the record for your appointment");
        if (assertion.Verify(challenge, relyingParty.Id, relyingParty.Origins, passkey.Data.PublicKey) is { } problem)
            return new Refusal("passkey", "BadSignature", $"passkey: {problem}");
        var count = assertion.SignCount;
        if (count != 0 || passkey.Data.SignCount != 0)
        {
            if (count <= passkey.Data.SignCount)
                return new Refusal("passkey", "CounterBehind", "passkey: its signature counter went backwards; the authenticator may have been copied");
            passkey.Data.SignCount = count;
        }
        return null;
    }
}
