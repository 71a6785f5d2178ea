using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.Agreements;

/// <summary>What a member proposes: a new commitment at a table (no code), a new draft version, or an amendment.</summary>
/// <param name="Code">The commitment's code; null to start a new commitment at <paramref name="TableId"/>.</param>
/// <param name="Reason">Why the agreed text must change (amendments only).</param>
/// <param name="Effect">The amendment's effect on the commitment's scope and dates (amendments only).</param>
public sealed record VersionProposal(string? Code, Guid? TableId, CommitmentText Text, LocalizedText Reason, LocalizedText Effect);

/// <summary>The commitment and the version a proposal made.</summary>
public sealed record ProposedVersion(string Code, int Version, VersionKind Kind);

/// <summary>Stores a new immutable version of a co-created commitment and publishes it.</summary>
/// <remarks>
/// A draft (<c>commitment.version.proposed</c>): by a member seated at the commitment's working table, while the
/// plan is in co-creation (only co-creation accepts new commitments) and before the commitment is agreed. An
/// amendment (<c>amendment.proposed</c>): once agreed and while the plan is not closed, by a member of the table
/// or any party's representative, with its reason and effect. A version's text is checked in full (the template's
/// rules, and every institution it names must exist); a text identical to the newest version is refused. A draft
/// version makes the commitment show its text; an amendment changes nothing until every party approves it
/// (<see cref="CastVote"/>). Imported commitments take no versions: Pacta never claims a real commitment was
/// agreed here.
/// </remarks>
public sealed class ProposeVersion(RecordWriter writer, TimeProvider time)
{
    public const int MaxReason = 4000;

    public async Task<OperationResult<ProposedVersion>> ExecuteAsync(VersionProposal proposal, Guid memberId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var written = await writer.WriteAsync((db, batch, ct) => RunAsync(db, batch, proposal, memberId, ct), cancellationToken);
        return written.Value;
    }

    private async Task<OperationResult<ProposedVersion>> RunAsync(PactaDbContext db, RecordBatch batch, VersionProposal proposal, Guid memberId, CancellationToken ct)
    {
        if (proposal.Text.Problems() is [var first, ..]) return first;
        var member = await db.Users.AsNoTracking().Where(m => m.Id == memberId && m.Kind == AccountKind.Participant && m.Organization != null)
            .Select(m => new { Organization = m.Organization!.ShortName, m.Organization.PartyKey }).SingleOrDefaultAsync(ct);
        if (member is null) return new Refusal("member", "NotAParticipant", "only a participant of an organisation proposes versions");
        // Every check before the first change: the writer saves what an operation tracked, even when it answers a refusal.
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.ShortName, o => o.Id, StringComparer.Ordinal, ct);
        if (UnknownInstitution(proposal.Text, organizations) is { } unknown) return unknown;

        Commitment? commitment;
        ActionPlan plan;
        VersionKind kind;
        if (proposal.Code is null)
        {
            var table = await db.WorkingTables.AsNoTracking().SingleOrDefaultAsync(t => t.Id == proposal.TableId, ct);
            if (table is null) return new Refusal("table", "UnknownTable", "table: there is no such working table");
            plan = await db.ActionPlans.SingleAsync(p => p.Number == table.PlanNumber, ct);
            if (plan.State != PlanState.CoCreation)
                return new Refusal("plan", "NotInCoCreation", $"plan: plan {plan.Number} is not in co-creation, and only co-creation accepts new commitments");
            if (!await Seated(db, table.Id, memberId, ct)) return new Refusal("table", "NotSeated", "table: only members seated at this table draft its commitments");
            // The last check passed: a new commitment has no version to compare with.
            commitment = await NewCommitmentAsync(db, plan, table.Id, ct);
            kind = VersionKind.Draft;
        }
        else
        {
            commitment = await db.Commitments.Include(c => c.SupportingInstitutions).Include(c => c.Milestones)
                .SingleOrDefaultAsync(c => c.Code == proposal.Code, ct);
            if (commitment is null) return new Refusal("code", "UnknownCommitment", $"code: there is no commitment {proposal.Code}");
            if (commitment.Provenance != CommitmentProvenance.CoCreatedInPacta)
                return new Refusal("code", "Imported", $"code: {commitment.Code} was imported from public sources; Pacta does not version or amend it");
            plan = await db.ActionPlans.SingleAsync(p => p.Number == commitment.PlanNumber, ct);
            var seated = commitment.WorkingTableId is { } tableId && await Seated(db, tableId, memberId, ct);
            if (commitment.State == CommitmentState.Draft)
            {
                if (plan.State != PlanState.CoCreation)
                    return new Refusal("plan", "NotInCoCreation", $"plan: plan {plan.Number} is no longer in co-creation; a draft that was not agreed stays a draft");
                if (!seated) return new Refusal("table", "NotSeated", "table: only members seated at the commitment's working table draft it");
                kind = VersionKind.Draft;
            }
            else
            {
                if (plan.State == PlanState.Closed) return new Refusal("plan", "Closed", $"plan: plan {plan.Number} is closed; its commitments are no longer amended");
                if (!seated && await Representation.OfAsync(db, memberId, null, ct) is null)
                    return new Refusal("member", "MayNotAmend", "only members of the commitment's table or a party's representative propose amendments");
                if (proposal.Reason.IsUnknown) return new Refusal("reason", "Required", "reason: say why the agreed text must change");
                if (proposal.Effect.IsUnknown) return new Refusal("effect", "Required", "effect: say how the amendment changes the commitment's scope and dates");
                kind = VersionKind.Amendment;
            }
        }
        if (kind == VersionKind.Amendment
            && ((proposal.Reason.Es?.Length ?? 0) > MaxReason || (proposal.Reason.En?.Length ?? 0) > MaxReason
                || (proposal.Effect.Es?.Length ?? 0) > MaxReason || (proposal.Effect.En?.Length ?? 0) > MaxReason))
            return new Refusal("reason", "TooLong", $"reason, effect: at most {MaxReason} characters in each language");

        var hash = proposal.Text.Hash();
        var newest = await db.CommitmentVersions.AsNoTracking().Where(v => v.CommitmentCode == commitment.Code)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.Hash }).FirstOrDefaultAsync(ct);
        if (newest is not null && newest.Hash == hash)
            return new Refusal("text", "Unchanged", $"text: it is the same as version {newest.Number}; change something first");
        if (kind == VersionKind.Amendment && hash == commitment.AgreedVersionHash)
            return new Refusal("text", "Unchanged", "text: it is the agreed text; an amendment changes something");

        var version = new CommitmentVersion
        {
            CommitmentCode = commitment.Code,
            Number = (newest?.Number ?? 0) + 1,
            Kind = kind,
            Text = System.Text.Encoding.UTF8.GetString(proposal.Text.Canonical()),
            Hash = hash,
            ProposedAt = AgreementRules.Now(time),
            ProposedBy = memberId,
            ProposedByOrganization = member.Organization,
            Reason = kind == VersionKind.Amendment ? proposal.Reason : LocalizedText.Unknown,
            Effect = kind == VersionKind.Amendment ? proposal.Effect : LocalizedText.Unknown,
        };
        db.CommitmentVersions.Add(version);
        // A draft shows its newest text; an agreed commitment keeps the agreed text until an amendment is agreed.
        if (kind == VersionKind.Draft) commitment.Hold(proposal.Text, organizations);
        batch.Add(AgreementEvents.VersionEvent(AgreementEvents.MemberActor(member.PartyKey, member.Organization), commitment, version));
        return OperationResult.Ok(new ProposedVersion(commitment.Code, version.Number, kind));
    }

    private static Task<bool> Seated(PactaDbContext db, Guid tableId, Guid memberId, CancellationToken ct) =>
        db.TableSeats.AnyAsync(s => s.TableId == tableId && s.MemberId == memberId, ct);

    /// <summary>A new co-created commitment in <paramref name="plan"/>: code <c>P{plan}-{n:00}</c>, last in the plan's order.</summary>
    private static async Task<Commitment> NewCommitmentAsync(PactaDbContext db, ActionPlan plan, Guid tableId, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"P{plan.Number}-");
        var codes = await db.Commitments.Where(c => c.PlanNumber == plan.Number && c.Code.StartsWith(prefix)).Select(c => c.Code).ToListAsync(ct);
        var next = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var position = await db.Commitments.Where(c => c.PlanNumber == plan.Number).Select(c => (int?)c.Position).MaxAsync(ct) is { } last ? last + 1 : 0;
        var commitment = new Commitment
        {
            Code = prefix + next.ToString("00", CultureInfo.InvariantCulture),
            PlanNumber = plan.Number,
            Position = position,
            Provenance = CommitmentProvenance.CoCreatedInPacta,
            State = CommitmentState.Draft,
            WorkingTableId = tableId,
        };
        db.Commitments.Add(commitment);
        return commitment;
    }

    private static Refusal? UnknownInstitution(CommitmentText text, Dictionary<string, Guid> organizations)
    {
        if (text.LeadInstitution is { } lead && !organizations.ContainsKey(lead))
            return new Refusal("leadInstitution", "UnknownInstitution", $"leadInstitution: there is no organisation called \"{lead}\"");
        for (var i = 0; i < text.SupportingInstitutions.Count; i++)
            if (!organizations.ContainsKey(text.SupportingInstitutions[i]))
                return new Refusal($"supportingInstitutions[{i}]", "UnknownInstitution", $"supportingInstitutions[{i}]: there is no organisation called \"{text.SupportingInstitutions[i]}\"");
        for (var i = 0; i < text.Milestones.Count; i++)
            if (text.Milestones[i].ResponsibleInstitution is { } r && !organizations.ContainsKey(r))
                return new Refusal($"milestones[{i}].responsibleInstitution", "UnknownInstitution", $"milestones[{i}].responsibleInstitution: there is no organisation called \"{r}\"");
        return null;
    }
}
