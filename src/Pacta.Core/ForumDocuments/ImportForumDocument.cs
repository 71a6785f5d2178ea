using Microsoft.EntityFrameworkCore;
using Pacta.Core.Commitments;
using Pacta.Core.Data;
using Pacta.Core.Forum;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.ForumDocuments;

/// <summary>
/// Loads an <c>open-government-forum/1</c> document into the database.
/// </summary>
/// <remarks>
/// All or nothing: the document is read and checked against what is stored before anything is
/// written, and the writes happen in one transaction, so a bad file leaves the database exactly as
/// it was. Idempotent: what the document says is merged by public id (party key, organisation short
/// name, plan number, commitment code, milestone number, participation date and status); importing
/// the same file twice changes nothing. Entities the document does not mention are left alone.
/// Every entity added or changed appends one event to the record (<see cref="ImportEvents"/>) in the
/// same transaction, acted by the operator; an import that changes nothing appends nothing.
/// </remarks>
public sealed class ImportForumDocument(PactaDbContext db, TimeProvider time)
{
    /// <summary>An import timed by the system clock (the CLI and the first-start seed).</summary>
    public ImportForumDocument(PactaDbContext db) : this(db, TimeProvider.System)
    {
    }

    public async Task<ImportResult> ExecuteAsync(string fileName, byte[] utf8, CancellationToken cancellationToken = default)
    {
        var (document, readErrors) = ForumDocumentReader.Read(fileName, utf8);
        if (document is null) return ImportResult.Failed(readErrors);
        return await ExecuteAsync(fileName, document, cancellationToken);
    }

    /// <summary>Imports a document already read by <see cref="ForumDocumentReader"/> (the CLI reads it before opening the database).</summary>
    public async Task<ImportResult> ExecuteAsync(string fileName, ForumDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var stored = await StoredState.LoadAsync(db, cancellationToken);
        var errors = CheckReferences(fileName, document, stored);
        if (errors.Count > 0) return ImportResult.Failed(errors);

        Apply(document, stored);
        var summary = ImportSummary.FromChanges(db.ChangeTracker);
        var events = ImportEvents.FromChanges(db.ChangeTracker, stored.Organizations.Values.ToDictionary(o => o.Id, o => o.ShortName));
        await db.SaveChangesAsync(cancellationToken);
        if (events.Count > 0) await new RecordAppender(db, time).AppendAsync(events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(summary, []);
    }

    /// <summary>What is already stored, tracked, so that updates are detected property by property.</summary>
    private sealed record StoredState(
        Forum.Forum? Forum,
        Dictionary<string, Party> Parties,
        Dictionary<string, Organization> Organizations,
        List<ParticipationChange> Participation,
        Dictionary<int, ActionPlan> Plans,
        Dictionary<string, Commitment> Commitments,
        HashSet<int> PlansMovedByForum)
    {
        public static async Task<StoredState> LoadAsync(PactaDbContext db, CancellationToken cancellationToken) => new(
            await db.Forums.SingleOrDefaultAsync(cancellationToken),
            await db.Parties.ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken),
            await db.Organizations.ToDictionaryAsync(o => o.ShortName, StringComparer.Ordinal, cancellationToken),
            await db.ParticipationChanges.ToListAsync(cancellationToken),
            await db.ActionPlans.ToDictionaryAsync(p => p.Number, cancellationToken),
            await db.Commitments.Include(c => c.SupportingInstitutions).Include(c => c.Milestones)
                .ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken),
            [.. await db.StageProposals.Select(p => p.PlanNumber).Distinct().ToListAsync(cancellationToken)]);
    }

    private static List<DocumentError> CheckReferences(string file, ForumDocument document, StoredState stored)
    {
        var errors = new List<DocumentError>();
        var parties = document.Forum?.Parties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        parties.UnionWith(stored.Parties.Keys);
        var organizations = document.Organizations.ToDictionary(o => o.ShortName, o => o.PartyKey, StringComparer.Ordinal);
        foreach (var (shortName, organization) in stored.Organizations) organizations.TryAdd(shortName, organization.PartyKey);

        if (document.Member is not null && document.Forum is null && stored.Forum is null)
            errors.Add(new(file, "member", "names the OGP member of a forum that is neither in this document nor stored"));

        foreach (var organization in document.Organizations)
        {
            if (!parties.Contains(organization.PartyKey))
                errors.Add(new(file, organization.PartyPath, $"unknown party \"{organization.PartyKey}\"; known parties: {Known(parties)}"));
            if (stored.Organizations.TryGetValue(organization.ShortName, out var existing) && existing.PartyKey != organization.PartyKey)
                errors.Add(new(file, $"{organization.Path}.short",
                    $"organisation \"{organization.ShortName}\" is stored in party \"{existing.PartyKey}\", not \"{organization.PartyKey}\""));
        }

        foreach (var change in document.ParticipationEvents.Where(e => !parties.Contains(e.PartyKey)))
            errors.Add(new(file, $"{change.Path}.party", $"unknown party \"{change.PartyKey}\"; known parties: {Known(parties)}"));
        var seenChanges = new Dictionary<(string, PartialDate, ParticipationStatus), string>();
        foreach (var change in document.ParticipationEvents)
            if (!seenChanges.TryAdd((change.PartyKey, change.Date, change.Status), change.Path))
                errors.Add(new(file, change.Path, $"repeats {seenChanges[(change.PartyKey, change.Date, change.Status)]}: same party, date and status"));

        var plans = new Dictionary<int, string>();
        foreach (var plan in document.Plans)
        {
            if (!plans.TryAdd(plan.Number, plan.Path))
                errors.Add(new(file, $"{plan.Path}.number", $"duplicate plan number {plan.Number} (first at {plans[plan.Number]}.number)"));
            // A plan's stage, once the forum decides it in Pacta, moves only by a proposal every party approves.
            if (stored.PlansMovedByForum.Contains(plan.Number) && stored.Plans.TryGetValue(plan.Number, out var storedPlan) && storedPlan.State != plan.State)
                errors.Add(new(file, $"{plan.Path}.state",
                    $"plan {plan.Number} is in {(storedPlan.State is { } stage ? PublicNames.Name(stage) : "no recorded stage")} by the forum's decision in Pacta: its stage moves only by a proposal that every party approves, never by an import"));
            foreach (var commitment in plan.Commitments)
            {
                if (stored.Commitments.TryGetValue(commitment.Code, out var existing) && existing.PlanNumber != plan.Number)
                    errors.Add(new(file, $"{commitment.Path}.code",
                        $"commitment \"{commitment.Code}\" is stored in plan {existing.PlanNumber}, not plan {plan.Number}"));
                // The one way around "agreed text changes only by an amendment every party approves" would be here.
                if (existing is { Provenance: CommitmentProvenance.CoCreatedInPacta })
                    errors.Add(new(file, $"{commitment.Path}.code",
                        $"commitment \"{commitment.Code}\" was co-created in Pacta: its text changes only by an amendment that every party approves, never by an import"));
                var references = commitment.Supporting.Prepend(commitment.Lead)
                    .Concat(commitment.Milestones.Select(m => m.Responsible));
                foreach (var reference in references)
                    if (reference is not null && reference.ShortName.Length > 0 && !organizations.ContainsKey(reference.ShortName))
                        errors.Add(new(file, reference.Path, $"unknown organisation \"{reference.ShortName}\": it is neither in this document nor stored"));
            }
        }
        return errors;
    }

    private static string Known(IEnumerable<string> keys) =>
        keys.Any() ? string.Join(", ", keys.Order(StringComparer.Ordinal)) : "none";

    private void Apply(ForumDocument document, StoredState stored)
    {
        var forum = stored.Forum;
        if (document.Forum is not null && forum is null)
        {
            forum = new Forum.Forum();
            db.Forums.Add(forum);
        }
        if (forum is not null && document.Forum is not null)
        {
            forum.Name = document.Forum.Name;
            forum.FormerName = document.Forum.FormerName;
            forum.Source = document.Note;
        }
        if (forum is not null && document.Member is not null)
        {
            forum.MemberName = document.Member.Name;
            forum.MemberKind = document.Member.Kind;
            forum.OgpMemberSince = document.Member.OgpMemberSince;
            forum.FoundingMember = document.Member.FoundingMember;
        }

        var partyPosition = stored.Parties.Count == 0 ? 0 : stored.Parties.Values.Max(p => p.Position) + 1;
        foreach (var part in document.Forum?.Parties ?? [])
        {
            if (!stored.Parties.TryGetValue(part.Key, out var party))
            {
                party = new Party { Key = part.Key, Position = partyPosition++ };
                db.Parties.Add(party);
                stored.Parties.Add(part.Key, party);
            }
            party.Name = part.Name;
            party.DecisionRule = part.DecisionRule;
        }

        foreach (var part in document.Organizations)
        {
            if (!stored.Organizations.TryGetValue(part.ShortName, out var organization))
            {
                organization = new Organization { ShortName = part.ShortName, PartyKey = part.PartyKey };
                // Organisations listed outside their party go after the party's own.
                organization.Position = part.Position != int.MaxValue ? part.Position
                    : stored.Organizations.Values.Where(o => o.PartyKey == part.PartyKey).Select(o => o.Position + 1).DefaultIfEmpty(0).Max();
                db.Organizations.Add(organization);
                stored.Organizations.Add(part.ShortName, organization);
            }
            else if (part.Position != int.MaxValue)
            {
                organization.Position = part.Position;
            }
            organization.Name = part.Name;
            organization.Fictional = part.Fictional;
        }

        foreach (var part in document.ParticipationEvents)
        {
            var change = stored.Participation.SingleOrDefault(c => c.PartyKey == part.PartyKey && c.Date == part.Date && c.Status == part.Status);
            if (change is null)
            {
                change = new ParticipationChange { PartyKey = part.PartyKey, Date = part.Date, Status = part.Status };
                db.ParticipationChanges.Add(change);
                stored.Participation.Add(change);
            }
            change.Source = part.Source;
            change.Grounds = [.. part.Grounds];
        }

        foreach (var part in document.Plans) ApplyPlan(part, document.Note, stored);
    }

    private void ApplyPlan(PlanPart part, string? note, StoredState stored)
    {
        if (!stored.Plans.TryGetValue(part.Number, out var plan))
        {
            plan = new ActionPlan { Number = part.Number };
            db.ActionPlans.Add(plan);
            stored.Plans.Add(part.Number, plan);
        }
        plan.Title = part.Title;
        (plan.PeriodFrom, plan.PeriodTo, plan.ExtendedTo, plan.State) = (part.PeriodFrom, part.PeriodTo, part.ExtendedTo, part.State);
        plan.Fictional = part.Fictional;
        plan.Source = part.Source ?? note;
        (plan.ConsultationFrom, plan.ConsultationTo) = (part.ConsultationFrom, part.ConsultationTo);
        (plan.OnlineParticipants, plan.InPersonParticipants) = (part.OnlineParticipants, part.InPersonParticipants);
        (plan.IrmRelevantToOgpValues, plan.IrmTransformative) = (part.IrmRelevantToOgpValues, part.IrmTransformative);
        plan.IrmEarlyResultsMarginal = part.IrmEarlyResultsMarginal;
        plan.IrmEarlyResultsMajor = part.IrmEarlyResultsMajor;
        plan.IrmEarlyResultsOutstanding = part.IrmEarlyResultsOutstanding;
        plan.IrmEarlyResultsNoEvidence = part.IrmEarlyResultsNoEvidence;

        Guid? OrganizationId(Reference? reference) => reference is null ? null : stored.Organizations[reference.ShortName].Id;

        for (var position = 0; position < part.Commitments.Count; position++)
        {
            var c = part.Commitments[position];
            if (!stored.Commitments.TryGetValue(c.Code, out var commitment))
            {
                commitment = new Commitment { Code = c.Code, PlanNumber = part.Number };
                db.Commitments.Add(commitment);
                stored.Commitments.Add(c.Code, commitment);
            }
            commitment.Position = position;
            commitment.Title = c.Title;
            commitment.PolicyArea = c.PolicyArea;
            (commitment.Problem, commitment.StatusQuo, commitment.Objective) = (c.Problem, c.StatusQuo, c.Objective);
            commitment.OgpValues = c.OgpValues is null ? null : [.. c.OgpValues];
            commitment.LeadOrganizationId = OrganizationId(c.Lead);
            (commitment.StartDate, commitment.EndDate, commitment.ShortTermDeadline) = (c.Start, c.End, c.ShortTermDeadline);
            commitment.Verifiable = c.Verifiable;
            commitment.Provenance = CommitmentProvenance.ImportedFromPublicSources;

            var supporting = c.Supporting.Select((s, i) => (Id: OrganizationId(s)!.Value, Position: i)).ToList();
            foreach (var gone in commitment.SupportingInstitutions.Where(s => supporting.All(w => w.Id != s.OrganizationId)).ToList())
                commitment.SupportingInstitutions.Remove(gone);
            foreach (var (id, index) in supporting)
            {
                var existing = commitment.SupportingInstitutions.SingleOrDefault(s => s.OrganizationId == id);
                if (existing is null)
                    commitment.SupportingInstitutions.Add(new SupportingInstitution { CommitmentCode = c.Code, OrganizationId = id, Position = index });
                else existing.Position = index;
            }

            foreach (var gone in commitment.Milestones.Where(m => m.Number > c.Milestones.Count).ToList())
                commitment.Milestones.Remove(gone);
            for (var i = 0; i < c.Milestones.Count; i++)
            {
                var m = c.Milestones[i];
                var milestone = commitment.Milestones.SingleOrDefault(x => x.Number == i + 1);
                if (milestone is null)
                {
                    milestone = new Milestone { CommitmentCode = c.Code, Number = i + 1 };
                    commitment.Milestones.Add(milestone);
                }
                milestone.Title = m.Title;
                milestone.ResponsibleOrganizationId = OrganizationId(m.Responsible);
                (milestone.StartDate, milestone.EndDate, milestone.Weight) = (m.Start, m.End, m.Weight);
            }
        }
    }
}

public sealed record ImportResult(ImportSummary? Summary, IReadOnlyList<DocumentError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public static ImportResult Failed(IReadOnlyList<DocumentError> errors) => new(null, errors);
}

/// <summary>How many rows of each kind an import added, changed and removed.</summary>
public sealed record ImportSummary(IReadOnlyDictionary<string, (int Added, int Changed, int Removed)> ByKind)
{
    public bool ChangedNothing => ByKind.Values.All(v => v == (0, 0, 0));

    internal static ImportSummary FromChanges(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var byKind = new Dictionary<string, (int Added, int Changed, int Removed)>(StringComparer.Ordinal);
        foreach (var entry in tracker.Entries())
        {
            var kind = entry.Metadata.ClrType.Name;
            var (added, changed, removed) = byKind.GetValueOrDefault(kind);
            byKind[kind] = entry.State switch
            {
                EntityState.Added => (added + 1, changed, removed),
                EntityState.Modified => (added, changed + 1, removed),
                EntityState.Deleted => (added, changed, removed + 1),
                EntityState.Unchanged or EntityState.Detached => (added, changed, removed),
                _ => throw new InvalidOperationException($"Unexpected entity state {entry.State}."),
            };
        }
        return new ImportSummary(byKind);
    }

    /// <summary>One line: "added 1 ActionPlan, 13 Commitment; changed nothing; removed nothing".</summary>
    public override string ToString() => ChangedNothing
        ? "nothing changed: the database already holds this document"
        : $"added {Count(k => k.Added)}; changed {Count(k => k.Changed)}; removed {Count(k => k.Removed)}";

    private string Count(Func<(int Added, int Changed, int Removed), int> select)
    {
        var counts = ByKind.Where(k => select(k.Value) > 0).OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{select(k.Value)} {k.Key}").ToList();
        return counts.Count == 0 ? "nothing" : string.Join(", ", counts);
    }
}
