using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Agreements;

/// <summary>A representative's vote as the browser sends it: the decision, and the passkey's assertion over its statement.</summary>
/// <param name="Party">The party the representative says they act for (the form's); refused when it is not theirs.</param>
public sealed record VoteInput(string Code, int Version, string Party, VoteDecision Decision, string? Reason, byte[] CredentialId, WebAuthnAssertion Assertion);

/// <summary>The relying party passkeys are bound to, from configuration (never the request's Host).</summary>
public sealed record RelyingParty(string Id, IReadOnlyCollection<string> Origins);

/// <summary>What a vote did: the party's position after it, and whether it made the version agreed.</summary>
public sealed record VoteOutcome(PartyPosition PartyPosition, bool Agreed);

/// <summary>Stores a representative's signed approval of, or objection to, one version; agrees the version when every party approved.</summary>
/// <remarks>
/// Refused, with nothing stored: a version that is not the commitment's newest (superseded), one already agreed or
/// older than the agreed one; a party the member does not represent; a unit (the party, or under unanimity and
/// majority the organisation) that already voted on this version (a vote is final: a change of mind is a new
/// version); an objection without a reason; a passkey that is not the member's or not published in the record for
/// the appointment; an assertion that does not sign this vote's statement (docs/adr/0004-agreements.md); a
/// signature counter that did not move forward (a cloned authenticator). A vote appends <c>commitment.approved</c>
/// or <c>commitment.objected</c>. When, after it, every party of the forum has approved under its DecisionRule,
/// the version is agreed in the same transaction: the commitment holds its text and <c>commitment.agreed</c> (or
/// <c>amendment.agreed</c>) is appended. This is the only place a co-created commitment's text becomes agreed.
/// </remarks>
public sealed class CastVote(RecordWriter writer, TimeProvider time, RelyingParty relyingParty)
{
    public const int MaxReason = 4000;

    public async Task<OperationResult<VoteOutcome>> ExecuteAsync(VoteInput input, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var written = await writer.WriteAsync((db, batch, ct) => RunAsync(db, batch, input, memberId, ct), cancellationToken);
        return written.Value;
    }

    /// <summary>The statement the member signs to vote for <paramref name="party"/> on this version; a refusal when they may not vote on it.</summary>
    public static async Task<OperationResult<VoteStatement>> StatementAsync(PactaDbContext db, string code, int version, string party, VoteDecision decision, Guid memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedVote = await CheckAsync(db, code, version, party, decision, memberId, ct);
        return checkedVote.Error ?? OperationResult.Ok(checkedVote.Value!.Statement);
    }

    /// <summary>A vote that may be cast: its statement, and the appointment it is cast under.</summary>
    private sealed record CheckedVote(VoteStatement Statement, Representation Representation);

    /// <summary>What <see cref="StatementAsync"/> finds, with the appointment the vote is cast under.</summary>
    private static async Task<OperationResult<CheckedVote>> CheckAsync(
        PactaDbContext db, string code, int version, string party, VoteDecision decision, Guid memberId, CancellationToken ct)
    {
        var commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct);
        if (commitment is null || commitment.Provenance != CommitmentProvenance.CoCreatedInPacta)
            return new Refusal("code", "UnknownCommitment", $"code: there is no co-created commitment {code}");
        var target = await db.CommitmentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CommitmentCode == code && v.Number == version, ct);
        if (target is null) return new Refusal("version", "UnknownVersion", $"version: {code} has no version {version}");
        var newest = await db.CommitmentVersions.Where(v => v.CommitmentCode == code).MaxAsync(v => v.Number, ct);
        // Only co-creation accepts new commitments; a closed plan's commitments are no longer amended.
        var stage = await db.ActionPlans.Where(p => p.Number == commitment.PlanNumber).Select(p => p.State).SingleAsync(ct);
        if (target.Kind == VersionKind.Draft && stage != PlanState.CoCreation)
            return new Refusal("plan", "NotInCoCreation", $"plan: plan {commitment.PlanNumber} is no longer in co-creation; a draft that was not agreed stays a draft");
        if (stage == PlanState.Closed) return new Refusal("plan", "Closed", $"plan: plan {commitment.PlanNumber} is closed; its commitments are no longer amended");
        if (target.AgreedAt is not null) return new Refusal("version", "AlreadyAgreed", $"version: version {version} of {code} is already agreed by every party");
        if (version < newest || (commitment.AgreedVersion is { } agreed && version < agreed))
            return new Refusal("version", "Superseded", $"version: version {version} of {code} was superseded by version {newest}; votes are on the newest text");

        var voter = await SignedVoting.VoterAsync(db, memberId, party, ct);
        if (voter.Value is not { } who) return voter.Error!;
        var (representation, organization) = who;
        var unit = organization ?? VoteStatement.WholeParty;
        var earlier = await db.Votes.AsNoTracking().Where(v => v.CommitmentCode == code && v.VersionNumber == version && v.PartyKey == party)
            .ToListAsync(ct);
        if (earlier.FirstOrDefault(v => v.Unit == unit) is { } cast)
            return new Refusal("version", "AlreadyVoted",
                $"version: {(organization ?? party)} already voted on version {version} of {code} ({VoteStatement.Name(cast.Decision)}, {cast.At:yyyy-MM-dd}); a vote is final");
        return OperationResult.Ok(new CheckedVote(new VoteStatement(code, version, target.Hash, party, organization, decision), representation));
    }

    private async Task<OperationResult<VoteOutcome>> RunAsync(PactaDbContext db, RecordBatch batch, VoteInput input, Guid memberId, CancellationToken ct)
    {
        if (input.Decision == VoteDecision.Objection && string.IsNullOrWhiteSpace(input.Reason))
            return new Refusal("reason", "Required", "reason: an objection says why");
        if (input.Reason is { Length: > MaxReason }) return new Refusal("reason", "TooLong", $"reason: at most {MaxReason} characters");
        var reason = input.Decision == VoteDecision.Objection ? input.Reason!.Trim() : null;

        var checkedVote = await CheckAsync(db, input.Code, input.Version, input.Party, input.Decision, memberId, ct);
        if (checkedVote.Value is not var (signed, representation)) return checkedVote.Error!;

        if (await SignedVoting.CheckSignatureAsync(db, memberId, representation.Appointment.Id, input.CredentialId, input.Assertion, signed.Challenge(), relyingParty, ct) is { } refused)
            return refused;

        var now = AgreementRules.Now(time);
        var vote = new Vote
        {
            CommitmentCode = signed.Commitment,
            VersionNumber = signed.Version,
            PartyKey = signed.Party,
            Organization = signed.Organization,
            Decision = signed.Decision,
            Reason = reason,
            AppointmentId = representation.Appointment.Id,
            MemberId = memberId,
            CredentialId = input.CredentialId,
            RelyingPartyId = relyingParty.Id,
            AuthenticatorData = input.Assertion.AuthenticatorData,
            ClientDataJson = input.Assertion.ClientDataJson,
            Signature = input.Assertion.Signature,
            At = now,
        };
        db.Votes.Add(vote).Property("UnitKey").CurrentValue = vote.Organization ?? "";
        batch.Add(AgreementEvents.VoteEvent(representation.Actor, vote, signed.VersionHash));

        var positions = await PositionsAsync(db, signed.Commitment, signed.Version, vote, ct);
        var agreed = positions.Count > 0 && positions.Values.All(p => p == PartyPosition.Approved);
        if (agreed) await AgreeAsync(db, batch, signed.Commitment, signed.Version, now, ct);
        return OperationResult.Ok(new VoteOutcome(positions[signed.Party], agreed));
    }

    /// <summary>Every party's position on a version, counting <paramref name="added"/> (not saved yet).</summary>
    public static async Task<Dictionary<string, PartyPosition>> PositionsAsync(PactaDbContext db, string code, int version, Vote? added, CancellationToken ct)
    {
        var all = await PositionsAsync(db, code, [version], added, ct);
        return all[version];
    }

    /// <summary>
    /// Every party's position on each of <paramref name="versions"/> of a commitment, counting <paramref name="added"/>
    /// (not saved yet): the parties, their organisations and the commitment's votes read once, whatever the number of versions.
    /// </summary>
    public static async Task<Dictionary<int, Dictionary<string, PartyPosition>>> PositionsAsync(
        PactaDbContext db, string code, IReadOnlyCollection<int> versions, Vote? added, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(versions);
        var electorate = await Electorate.ReadAsync(db, ct);
        var votes = (await db.Votes.AsNoTracking().Where(v => v.CommitmentCode == code)
                .Select(v => new { v.VersionNumber, v.PartyKey, v.Organization, v.Decision, v.At }).ToListAsync(ct))
            .OrderBy(v => v.At).Select(v => (v.VersionNumber, v.PartyKey, Unit: v.Organization ?? VoteStatement.WholeParty, v.Decision)).ToList();
        if (added is not null) votes.Add((added.VersionNumber, added.PartyKey, added.Unit, added.Decision));
        return versions.ToDictionary(version => version, version => electorate.Positions(
            [.. votes.Where(v => v.VersionNumber == version).Select(v => (v.PartyKey, v.Unit, v.Decision))]));
    }

    private static async Task AgreeAsync(PactaDbContext db, RecordBatch batch, string code, int number, DateTimeOffset now, CancellationToken ct)
    {
        var version = await db.CommitmentVersions.SingleAsync(v => v.CommitmentCode == code && v.Number == number, ct);
        var commitment = await db.Commitments.Include(c => c.SupportingInstitutions).Include(c => c.Milestones).SingleAsync(c => c.Code == code, ct);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.ShortName }).ToListAsync(ct);
        version.AgreedAt = now;
        commitment.Hold(version.ReadText(), organizations.ToDictionary(o => o.ShortName, o => o.Id, StringComparer.Ordinal));
        commitment.State = CommitmentState.Agreed;
        commitment.AgreedVersion = version.Number;
        commitment.AgreedVersionHash = version.Hash;
        batch.Add(AgreementEvents.AgreedEvent(AgreementEvents.ForumActor(), commitment, version, organizations.ToDictionary(o => o.Id, o => o.ShortName)));
    }
}
