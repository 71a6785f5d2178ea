using Microsoft.EntityFrameworkCore;
using Pacta.Core.Agreements;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Plans;

/// <summary>Proposes moving a plan to its next stage (<c>plan.stage.proposed</c>).</summary>
/// <remarks>
/// By any party's representative. Refused: a plan whose stage Pacta does not know (an imported historical plan), a
/// stage that is not the next one (stages only move forward, one at a time; a closed plan stays closed), a plan with a
/// proposal still undecided, implementation of a plan with no agreed commitment (nothing to implement), a reason
/// longer than the limit. The plan does not move until every party approves (<see cref="CastStageVote"/>).
/// </remarks>
public sealed class ProposeStage(RecordWriter writer, TimeProvider time)
{
    public const int MaxReason = 4000;

    public async Task<OperationResult<int>> ExecuteAsync(int planNumber, PlanState to, LocalizedText reason, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            if ((reason.Es?.Length ?? 0) > MaxReason || (reason.En?.Length ?? 0) > MaxReason)
                return new Refusal("reason", "TooLong", $"reason: at most {MaxReason} characters in each language");
            var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Number == planNumber, ct);
            if (plan is null) return new Refusal("plan", "UnknownPlan", $"plan: there is no plan {planNumber}");
            if (plan.State is not { } from)
                return new Refusal("plan", "StageUnknown", $"plan: the stage of plan {planNumber} is not recorded (it was imported); Pacta moves only the plans it follows");
            if (PlanStages.Next(from) != to)
                return new Refusal("to", "NotNextStage", $"to: plan {planNumber} is in {PublicNames.Name(from)}; it moves only to {(PlanStages.Next(from) is { } next ? PublicNames.Name(next) : "no other stage: it is closed")}");
            var proposals = await db.StageProposals.AsNoTracking().Where(p => p.PlanNumber == planNumber).Select(p => new { p.Number, p.Outcome }).ToListAsync(ct);
            if (proposals.FirstOrDefault(p => p.Outcome is null) is { } pending)
                return new Refusal("plan", "ProposalPending", $"plan: proposal {pending.Number} to move plan {planNumber} is still being decided");
            if (to == PlanState.Implementation && !await db.Commitments.AnyAsync(c => c.PlanNumber == planNumber && c.State != null && c.State != CommitmentState.Draft, ct))
                return new Refusal("to", "NothingAgreed", $"to: plan {planNumber} has no commitment every party agreed; there is nothing to implement");
            var representative = await Representation.OfAsync(db, memberId, null, ct);
            if (representative is null) return new Refusal("member", "NotARepresentative", "only a party's representative proposes moving a plan");

            var proposal = new StageProposal
            {
                PlanNumber = planNumber,
                Number = proposals.Count + 1,
                From = from,
                To = to,
                Reason = reason,
                ProposedByOrganization = representative.MemberOrganization,
                ProposedBy = memberId,
                ProposedAt = AgreementRules.Now(time),
            };
            db.StageProposals.Add(proposal);
            batch.Add(PlanStageEvents.ProposedEvent(representative.Actor, proposal));
            return OperationResult.Ok(proposal.Number);
        }, cancellationToken);
        return written.Value;
    }
}

/// <summary>A representative's signed vote on a stage proposal, as the browser sends it.</summary>
public sealed record StageVoteInput(int Plan, int Proposal, string Party, VoteDecision Decision, string? Reason, byte[] CredentialId, WebAuthnAssertion Assertion);

/// <summary>Stores a representative's signed vote on a stage proposal; moves the plan when every party approved.</summary>
/// <remarks>
/// The rules of <see cref="CastVote"/>: refused for a proposal already decided, a party the member does not represent,
/// a unit that already voted, an objection without a reason, a passkey not published for the appointment, a signature
/// that is not over this vote's statement, a counter behind. Appends <c>plan.stage.approved</c> or
/// <c>plan.stage.objected</c>. When every party approved, the plan moves in the same transaction and
/// <c>plan.stage.changed</c> carries its new state; when a party objected, the proposal is decided as objected and the
/// plan stays where it is (a new proposal may follow). The only place a plan's stage changes after it was imported.
/// </remarks>
public sealed class CastStageVote(RecordWriter writer, TimeProvider time, RelyingParty relyingParty)
{
    /// <summary>The statement the member signs to vote for <paramref name="party"/> on this proposal; a refusal when they may not.</summary>
    public static async Task<OperationResult<StageStatement>> StatementAsync(PactaDbContext db, int plan, int proposal, string party, VoteDecision decision, Guid memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedVote = await CheckAsync(db, plan, proposal, party, decision, memberId, ct);
        return checkedVote.Error ?? OperationResult.Ok(checkedVote.Value!.Statement);
    }

    private sealed record CheckedVote(StageStatement Statement, Voter Voter);

    private static async Task<OperationResult<CheckedVote>> CheckAsync(PactaDbContext db, int plan, int number, string party, VoteDecision decision, Guid memberId, CancellationToken ct)
    {
        var proposal = await db.StageProposals.AsNoTracking().SingleOrDefaultAsync(p => p.PlanNumber == plan && p.Number == number, ct);
        if (proposal is null) return new Refusal("proposal", "UnknownProposal", $"proposal: plan {plan} has no stage proposal {number}");
        if (proposal.Outcome is { } outcome)
            return new Refusal("proposal", "AlreadyDecided", $"proposal: proposal {number} for plan {plan} is already decided ({(outcome == StageOutcome.Agreed ? "agreed" : "objected")})");
        var voter = await SignedVoting.VoterAsync(db, memberId, party, ct);
        if (voter.Value is not { } who) return voter.Error!;
        var earlier = await db.StageVotes.AsNoTracking().Where(v => v.PlanNumber == plan && v.ProposalNumber == number && v.PartyKey == party).ToListAsync(ct);
        if (earlier.FirstOrDefault(v => v.Unit == who.Unit) is { } cast)
            return new Refusal("proposal", "AlreadyVoted",
                $"proposal: {(who.Organization ?? party)} already voted on proposal {number} for plan {plan} ({VoteStatement.Name(cast.Decision)}, {cast.At:yyyy-MM-dd}); a vote is final");
        return OperationResult.Ok(new CheckedVote(new StageStatement(plan, number, proposal.From, proposal.To, party, who.Organization, decision), who));
    }

    public async Task<OperationResult<VoteOutcome>> ExecuteAsync(StageVoteInput input, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var written = await writer.WriteAsync(async (db, batch, ct) =>
        {
            if (input.Decision == VoteDecision.Objection && string.IsNullOrWhiteSpace(input.Reason))
                return new Refusal("reason", "Required", "reason: an objection says why");
            if (input.Reason is { Length: > CastVote.MaxReason }) return new Refusal("reason", "TooLong", $"reason: at most {CastVote.MaxReason} characters");
            var checkedVote = await CheckAsync(db, input.Plan, input.Proposal, input.Party, input.Decision, memberId, ct);
            if (checkedVote.Value is not var (signed, voter)) return checkedVote.Error!;
            if (await SignedVoting.CheckSignatureAsync(db, memberId, voter.Representation.Appointment.Id, input.CredentialId, input.Assertion, signed.Challenge(), relyingParty, ct) is { } refused)
                return refused;

            var now = AgreementRules.Now(time);
            var vote = new StageVote
            {
                PlanNumber = signed.Plan,
                ProposalNumber = signed.Proposal,
                PartyKey = signed.Party,
                Organization = signed.Organization,
                Decision = signed.Decision,
                Reason = signed.Decision == VoteDecision.Objection ? input.Reason!.Trim() : null,
                AppointmentId = voter.Representation.Appointment.Id,
                MemberId = memberId,
                CredentialId = input.CredentialId,
                RelyingPartyId = relyingParty.Id,
                AuthenticatorData = input.Assertion.AuthenticatorData,
                ClientDataJson = input.Assertion.ClientDataJson,
                Signature = input.Assertion.Signature,
                At = now,
            };
            db.StageVotes.Add(vote).Property("UnitKey").CurrentValue = vote.Organization ?? "";
            var proposal = await db.StageProposals.SingleAsync(p => p.PlanNumber == signed.Plan && p.Number == signed.Proposal, ct);
            batch.Add(PlanStageEvents.VoteEvent(voter.Representation.Actor, vote, proposal));

            var positions = await PositionsAsync(db, signed.Plan, signed.Proposal, vote, ct);
            var agreed = positions.Count > 0 && positions.Values.All(p => p == PartyPosition.Approved);
            if (agreed)
            {
                var plan = await db.ActionPlans.SingleAsync(p => p.Number == signed.Plan, ct);
                plan.State = proposal.To;
                proposal.Outcome = StageOutcome.Agreed;
                proposal.DecidedAt = now;
                batch.Add(PlanStageEvents.ChangedEvent(plan, proposal));
            }
            else if (positions.ContainsValue(PartyPosition.Objected))
            {
                proposal.Outcome = StageOutcome.Objected;
                proposal.DecidedAt = now;
            }
            return OperationResult.Ok(new VoteOutcome(positions[signed.Party], agreed));
        }, cancellationToken);
        return written.Value;
    }

    /// <summary>Every party's position on a proposal, counting <paramref name="added"/> (not saved yet).</summary>
    public static async Task<Dictionary<string, PartyPosition>> PositionsAsync(PactaDbContext db, int plan, int proposal, StageVote? added, CancellationToken ct) =>
        (await PositionsAsync(db, plan, [proposal], added, ct))[proposal];

    /// <summary>
    /// Every party's position on each of <paramref name="proposals"/> of a plan, counting <paramref name="added"/> (not saved
    /// yet): the parties, their organisations and the plan's stage votes read once, whatever the number of proposals.
    /// </summary>
    public static async Task<Dictionary<int, Dictionary<string, PartyPosition>>> PositionsAsync(
        PactaDbContext db, int plan, IReadOnlyCollection<int> proposals, StageVote? added, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(proposals);
        var electorate = await Electorate.ReadAsync(db, ct);
        var votes = (await db.StageVotes.AsNoTracking().Where(v => v.PlanNumber == plan)
                .Select(v => new { v.ProposalNumber, v.PartyKey, v.Organization, v.Decision, v.Id }).ToListAsync(ct))
            .OrderBy(v => v.Id).Select(v => (v.ProposalNumber, v.PartyKey, Unit: v.Organization ?? VoteStatement.WholeParty, v.Decision)).ToList();
        if (added is not null) votes.Add((added.ProposalNumber, added.PartyKey, added.Unit, added.Decision));
        return proposals.ToDictionary(proposal => proposal, proposal => electorate.Positions(
            [.. votes.Where(v => v.ProposalNumber == proposal).Select(v => (v.PartyKey, v.Unit, v.Decision))]));
    }
}
