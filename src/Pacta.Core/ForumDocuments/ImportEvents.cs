using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;

namespace Pacta.Core.ForumDocuments;

/// <summary>
/// The record events of one import: one per entity it added or changed, carrying the entity's
/// complete public state in the shapes of the open data API (bilingual texts as <c>{es, en}</c>,
/// dates ISO at their precision, enums in kebab-case, institutions by short name).
/// </summary>
/// <remarks>
/// Read from the change tracker after the document is applied and before it is saved, so that an
/// import that changes nothing produces nothing. Milestones and supporting institutions are part of
/// their commitment's event. Order is fixed (forum, parties, organisations, participation, plans,
/// commitments; each by public id), so the same import always appends the same bytes but for the time.
/// </remarks>
internal static class ImportEvents
{
    public static List<RecordEvent> FromChanges(ChangeTracker tracker, IReadOnlyDictionary<Guid, string> organizationNames)
    {
        tracker.DetectChanges();
        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var commitmentCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Commitment c: commitmentCodes.Add(c.Code); break;
                case Milestone m: commitmentCodes.Add(m.CommitmentCode); break;
                case SupportingInstitution s: commitmentCodes.Add(s.CommitmentCode); break;
            }
        }
        var commitments = tracker.Entries<Commitment>().Select(e => e.Entity).Where(c => commitmentCodes.Contains(c.Code));

        var actor = RecordEvent.OperatorImport();
        var events = new List<RecordEvent>();
        events.AddRange(Of<Forum.Forum>(changed).Select(f => new RecordEvent("forum.imported", actor, RecordSubjects.Forum, Forum(f))));
        events.AddRange(Of<Party>(changed).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new RecordEvent("party.imported", actor, RecordSubjects.Party(p.Key), Party(p))));
        events.AddRange(Of<Organization>(changed).OrderBy(o => o.ShortName, StringComparer.Ordinal)
            .Select(o => new RecordEvent("organization.imported", actor, RecordSubjects.Organization(o.ShortName), Organization(o))));
        events.AddRange(Of<ParticipationChange>(changed)
            .Select(c => (Change: c, Subject: RecordSubjects.Participation(c)))
            .OrderBy(c => c.Subject, StringComparer.Ordinal)
            .Select(c => new RecordEvent("participation.changed", actor, c.Subject, Participation(c.Change))));
        events.AddRange(Of<ActionPlan>(changed).OrderBy(p => p.Number)
            .Select(p => new RecordEvent("plan.imported", actor, RecordSubjects.Plan(p.Number), Plan(p))));
        events.AddRange(commitments.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new RecordEvent("commitment.imported", actor, RecordSubjects.Commitment(c.Code), Commitment(c, organizationNames))));
        return events;
    }

    private static IEnumerable<T> Of<T>(List<EntityEntry> changed) where T : class =>
        changed.Where(e => e.State != EntityState.Deleted).Select(e => e.Entity).OfType<T>();

    private static JsonObject Forum(Forum.Forum f) => new()
    {
        ["name"] = Text(f.Name),
        ["formerName"] = Text(f.FormerName),
        ["member"] = new JsonObject
        {
            ["name"] = Text(f.MemberName),
            ["kind"] = f.MemberKind,
            ["ogpMemberSince"] = f.OgpMemberSince,
            ["foundingMember"] = f.FoundingMember,
        },
        ["source"] = f.Source,
    };

    private static JsonObject Party(Party p) => new()
    {
        ["key"] = p.Key,
        ["name"] = Text(p.Name),
        ["decisionRule"] = PublicNames.Name(p.DecisionRule),
        ["position"] = p.Position,
    };

    private static JsonObject Organization(Organization o) => new()
    {
        ["shortName"] = o.ShortName,
        ["name"] = Text(o.Name),
        ["party"] = o.PartyKey,
        ["fictional"] = o.Fictional,
        ["position"] = o.Position,
    };

    private static JsonObject Participation(ParticipationChange c) => new()
    {
        ["party"] = c.PartyKey,
        ["date"] = c.Date.ToString(),
        ["status"] = PublicNames.Name(c.Status),
        ["grounds"] = new JsonArray([.. c.Grounds.Select(g => (JsonNode?)g)]),
        ["source"] = c.Source,
    };

    internal static JsonObject Plan(ActionPlan p) => new()
    {
        ["number"] = p.Number,
        ["title"] = Text(p.Title),
        ["period"] = new JsonObject { ["from"] = Iso(p.PeriodFrom), ["to"] = Iso(p.PeriodTo), ["extendedTo"] = Iso(p.ExtendedTo) },
        ["state"] = p.State is { } state ? PublicNames.Name(state) : null,
        ["fictional"] = p.Fictional,
        ["coCreation"] = new JsonObject
        {
            ["consultationFrom"] = Iso(p.ConsultationFrom),
            ["consultationTo"] = Iso(p.ConsultationTo),
            ["onlineParticipants"] = p.OnlineParticipants,
            ["inPersonParticipants"] = p.InPersonParticipants,
        },
        ["irm"] = new JsonObject
        {
            ["relevantToOgpValues"] = p.IrmRelevantToOgpValues,
            ["transformative"] = p.IrmTransformative,
            ["earlyResults"] = new JsonObject
            {
                ["marginal"] = p.IrmEarlyResultsMarginal,
                ["major"] = p.IrmEarlyResultsMajor,
                ["outstanding"] = p.IrmEarlyResultsOutstanding,
                ["noEvidence"] = p.IrmEarlyResultsNoEvidence,
            },
        },
        ["source"] = p.Source,
    };

    /// <summary>A commitment's complete public state (also the body of <c>commitment.agreed</c>, which adds the agreed version).</summary>
    internal static JsonObject Commitment(Commitment c, IReadOnlyDictionary<Guid, string> organizations) => new()
    {
        ["code"] = c.Code,
        ["plan"] = c.PlanNumber,
        ["position"] = c.Position,
        ["title"] = Text(c.Title),
        ["policyArea"] = c.PolicyArea,
        ["problem"] = Text(c.Problem),
        ["statusQuo"] = Text(c.StatusQuo),
        ["objective"] = Text(c.Objective),
        ["ogpValues"] = c.OgpValues is null ? null : new JsonArray([.. c.OgpValues.Select(v => (JsonNode?)v)]),
        ["leadInstitution"] = Name(c.LeadOrganizationId, organizations),
        ["supportingInstitutions"] = new JsonArray([.. c.SupportingInstitutions.OrderBy(s => s.Position)
            .Select(s => (JsonNode?)organizations[s.OrganizationId])]),
        ["startDate"] = Iso(c.StartDate),
        ["endDate"] = Iso(c.EndDate),
        ["shortTermDeadline"] = Iso(c.ShortTermDeadline),
        ["verifiable"] = c.Verifiable,
        ["provenance"] = PublicNames.Name(c.Provenance),
        ["milestones"] = new JsonArray([.. c.Milestones.OrderBy(m => m.Number).Select(m => (JsonNode?)new JsonObject
        {
            ["number"] = m.Number,
            ["title"] = Text(m.Title),
            ["responsibleInstitution"] = Name(m.ResponsibleOrganizationId, organizations),
            ["startDate"] = Iso(m.StartDate),
            ["endDate"] = Iso(m.EndDate),
            // A weight is decimal(9,4): a double holds it exactly enough to print the same digits.
            ["weight"] = m.Weight is { } w ? (double)w : null,
        })]),
    };

    private static JsonObject Text(LocalizedText text) => new() { ["es"] = text.Es, ["en"] = text.En };

    private static string? Iso(PartialDate? date) => date?.ToString();

    private static string? Name(Guid? organizationId, IReadOnlyDictionary<Guid, string> organizations) =>
        organizationId is { } id ? organizations[id] : null;
}
