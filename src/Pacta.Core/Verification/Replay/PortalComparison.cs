using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// Compares the public state the record establishes (<see cref="PublicStateReplay"/>) with what the portal's
/// open data API shows, entity by entity and field by field, both ways.
/// </summary>
/// <remarks>
/// <para>
/// Read: <c>/api/v1/forum</c>; <c>/api/v1/parties</c> and each <c>/api/v1/parties/{key}</c> (the
/// participation history, with its grounds and sources, and the current representatives with their credentials); <c>/api/v1/organizations</c>; <c>/api/v1/plans</c>
/// and each <c>/api/v1/plans/{n}</c> (co-creation, IRM figures, the order of its commitments);
/// <c>/api/v1/commitments</c> and each <c>/api/v1/commitments/{code}</c> (every field, milestones);
/// <c>/api/v1/incidents</c> (the public incident register; absent on a portal without one). Paths are
/// relative to the client's base address, which must end in <c>/</c>.
/// </para>
/// <para>
/// Events carry the API's shapes, so most fields compare by the same name; the exceptions are explicit below.
/// <c>position</c> (parties, organisations, commitments) is not a field of the API but its order: it is
/// compared as the rank in the API's list. Fields the API derives from several entities are derived from the
/// record the same way and compared: a party's <c>participationStatus</c> (the status of its latest change)
/// and <c>organizationCount</c>, a plan's <c>commitmentCount</c>, a commitment's <c>fictional</c> (its
/// plan's). Not compared, being the same rows read again: the forum's <c>parties</c> (the same query as
/// <c>/api/v1/parties</c>), a party page's <c>organizations</c>, the plan list's and commitment list's
/// summaries (the detail endpoints are compared instead).
/// </para>
/// <para>
/// Values compare exactly: strings ordinally, numbers by value (a milestone weight of 20 in the record is
/// 20.0000 from a decimal column), dates as the text they are, arrays in order (milestones by number,
/// supporting institutions by position, grounds as given).
/// </para>
/// </remarks>
public static class PortalComparison
{
    /// <summary>Reads the portal's open data and returns every difference from <paramref name="state"/>, grouped by kind of entity.</summary>
    /// <exception cref="PortalReadException">An API request failed or did not answer JSON.</exception>
    public static async Task<IReadOnlyList<Difference>> CompareAsync(HttpClient portal, PublicState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(state);
        if (portal.BaseAddress is null) throw new ArgumentException("The portal's client needs its BaseAddress (the portal's root, ending in /).", nameof(portal));
        using var run = new Run(portal, state, cancellationToken);
        try
        {
            await run.ForumAsync();
            await run.PartiesAsync();
            await run.OrganizationsAsync();
            await run.PlansAsync();
            await run.CommitmentsAsync();
            await run.IncidentsAsync();
            await run.CoCreationAsync();
            await run.ProgressAsync();
            await run.StagesAsync();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // The record's data were checked by the replay; what can lack a member or be of another kind is the portal's answer.
            throw new PortalReadException($"The portal's open data are not in the API's shapes: {e.Message}", e);
        }
        return run.Differences;
    }

    /// <summary>One comparison: the record's parsed data, the portal's documents, the differences found.</summary>
    private sealed class Run(HttpClient portal, PublicState state, CancellationToken cancellationToken) : IDisposable
    {
        // Requests at once for the per-entity endpoints: enough to hide latency, few enough to be a polite client.
        private const int Parallelism = 4;

        private static readonly JsonSerializerOptions Display = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly List<JsonDocument> _documents = [];
        private readonly Dictionary<string, JsonElement> _data = new(StringComparer.Ordinal);

        public List<Difference> Differences { get; } = [];

        public async Task ForumAsync()
        {
            using var forum = await GetAsync("api/v1/forum", notFound: true);
            var record = state.Entities.GetValueOrDefault("forum");
            if (!Presence("forum", record, forum is not null)) return;
            // ForumDto: name, formerName, member {name, kind, ogpMemberSince, foundingMember}, source, as in the
            // event; parties is derived (the /api/v1/parties query), compared there.
            Fields(record!, forum!.RootElement, "name", "formerName", "member", "source");
        }

        public async Task PartiesAsync()
        {
            using var list = await GetAsync("api/v1/parties");
            var shown = Keyed(list!.RootElement, "party/", "key");
            var organizations = Of(EntityKind.Organization).ToList();
            var changes = Of(EntityKind.Participation).ToList();

            foreach (var (subject, record, portal) in Match(EntityKind.Party, shown))
            {
                // PartySummaryDto: key, name, decisionRule as in the event; participationStatus and
                // organizationCount derived from the record's participation changes and organisations.
                Fields(record, portal, "key", "name", "decisionRule");
                var key = Data(record).GetProperty("key").GetString();
                var own = changes.Where(c => Data(c).GetProperty("party").GetString() == key).ToList();
                Status(record, own, portal.GetProperty("participationStatus"));
                var count = organizations.Count(o => Data(o).GetProperty("party").GetString() == key);
                Value(subject, "organizationCount", count, portal.GetProperty("organizationCount"), index: null);
            }
            Order(Of(EntityKind.Party), shown.Keys, "in /api/v1/parties");

            // Each party page has the participation history: the only place its grounds and sources are.
            var pages = await GetAllAsync(shown.Values.Select(p => $"api/v1/parties/{Uri.EscapeDataString(p.GetProperty("key").GetString()!)}"));
            var history = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var representatives = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var page in pages.OfType<JsonDocument>())
            {
                var key = page.RootElement.GetProperty("key").GetString();
                foreach (var change in page.RootElement.GetProperty("participationHistory").EnumerateArray())
                    history[$"participation/{key}/{change.GetProperty("date").GetString()}/{change.GetProperty("status").GetString()}"] = change;
                // A portal from before representatives were public lists none: any the record has are then missing from it.
                if (page.RootElement.TryGetProperty("representatives", out var current))
                {
                    foreach (var representative in current.EnumerateArray())
                    {
                        var subject = $"representative/{representative.GetProperty("appointment").GetString()}";
                        if (!representatives.TryAdd(subject, representative))
                            Differences.Add(new(DifferenceKind.FieldDiffers, subject, "appointment", "one appointment", "listed more than once", state.Entities.GetValueOrDefault(subject)?.Index));
                    }
                }
            }
            // ParticipationChangeDto: date, status, grounds, source as in the event; its party is the page's,
            // part of the subject the change is matched by.
            foreach (var (_, record, portal) in Match(EntityKind.Participation, history))
                Fields(record, portal, "date", "status", "grounds", "source");

            // RepresentativeDto: appointment, party, organization, since, credentials (id, publicKey, algorithm), as
            // in the event: the appointments the portal acts on must be those the record carries, with the same keys.
            foreach (var (_, record, portal) in Match(EntityKind.Representative, representatives))
                Fields(record, portal, "appointment", "party", "organization", "since", "credentials");
        }

        public async Task OrganizationsAsync()
        {
            using var list = await GetAsync("api/v1/organizations");
            var shown = Keyed(list!.RootElement, "organization/", "shortName");
            // OrganizationDto: shortName, name, party, fictional, as in the event.
            foreach (var (_, record, portal) in Match(EntityKind.Organization, shown))
                Fields(record, portal, "shortName", "name", "party", "fictional");
            // Listed by party, then by position within the party: the order within each party is the position.
            foreach (var party in shown.Values.Select(o => o.GetProperty("party").GetString()).Distinct())
            {
                Order(Of(EntityKind.Organization).Where(o => Data(o).GetProperty("party").GetString() == party),
                    shown.Where(o => o.Value.GetProperty("party").GetString() == party).Select(o => o.Key),
                    $"among {party}'s organisations in /api/v1/organizations");
            }
        }

        public async Task PlansAsync()
        {
            using var list = await GetAsync("api/v1/plans");
            var shown = Keyed(list!.RootElement, "plan/", "number");
            var matched = Match(EntityKind.Plan, shown);
            var commitments = Of(EntityKind.Commitment).ToList();
            foreach (var (subject, record, summary) in matched)
            {
                var number = Data(record).GetProperty("number").GetInt32();
                Value(subject, "commitmentCount", commitments.Count(c => Data(c).GetProperty("plan").GetInt32() == number),
                    summary.GetProperty("commitmentCount"), index: null);
            }

            var pages = await GetAllAsync(matched.Select(m => $"api/v1/plans/{Data(m.Record).GetProperty("number").GetInt32()}"));
            for (var i = 0; i < matched.Count; i++)
            {
                var (subject, record, _) = matched[i];
                if (pages[i] is not { } page)
                {
                    Differences.Add(new(DifferenceKind.MissingFromPortal, subject, null, null, null, record.Index));
                    continue;
                }
                // PlanDto: number, title, period, state, fictional, coCreation, irm, source as in the event;
                // commitments (summaries) give the order of the plan's commitments, their position.
                Fields(record, page.RootElement, "number", "title", "period", "state", "fictional", "coCreation", "irm", "source");
                var number = Data(record).GetProperty("number").GetInt32();
                Order(commitments.Where(c => Data(c).GetProperty("plan").GetInt32() == number),
                    page.RootElement.GetProperty("commitments").EnumerateArray().Select(c => "commitment/" + c.GetProperty("code").GetString()),
                    $"in /api/v1/plans/{number}");
            }
        }

        public async Task CommitmentsAsync()
        {
            using var list = await GetAsync("api/v1/commitments");
            var shown = Keyed(list!.RootElement, "commitment/", "code");
            var matched = Match(EntityKind.Commitment, shown);
            var pages = await GetAllAsync(matched.Select(m => $"api/v1/commitments/{Uri.EscapeDataString(Data(m.Record).GetProperty("code").GetString()!)}"));
            for (var i = 0; i < matched.Count; i++)
            {
                var (subject, record, _) = matched[i];
                if (pages[i] is not { } page)
                {
                    Differences.Add(new(DifferenceKind.MissingFromPortal, subject, null, null, null, record.Index));
                    continue;
                }
                // CommitmentDto: every field of the event but position (the plan's order, compared with the
                // plan); fictional is its plan's, from the plan's event.
                Fields(record, page.RootElement, "code", "plan", "title", "policyArea", "problem", "statusQuo", "objective", "ogpValues",
                    "leadInstitution", "supportingInstitutions", "startDate", "endDate", "shortTermDeadline", "verifiable", "provenance", "milestones");
                var plan = state.Entities.GetValueOrDefault($"plan/{Data(record).GetProperty("plan").GetInt32()}");
                if (plan is not null)
                    Compare(subject, plan.Index, "fictional", Data(plan).GetProperty("fictional"), Member(page.RootElement, "fictional"));
                // An agreed commitment's event names the version every party approved; an imported one's names none.
                // A portal from before co-creation has no such fields: then only agreed commitments differ.
                foreach (var name in (string[])["agreedVersion", "agreedVersionHash"])
                {
                    var held = Member(Data(record), name);
                    var given = Member(page.RootElement, name);
                    if (held.ValueKind == JsonValueKind.Undefined && given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
                    Compare(subject, record.Index, name, held.ValueKind == JsonValueKind.Undefined ? Null : held, given);
                }
            }
        }

        public async Task IncidentsAsync()
        {
            // A portal from before the incident register has no such list: it shows no incident, which is a
            // difference only if the record has one.
            using var list = await GetAsync("api/v1/incidents", notFound: true);
            var shown = list is null ? [] : Keyed(list.RootElement, "incident/", "id");
            // IncidentDto: id, party, category, month, summary, as in the event.
            foreach (var (_, record, portal) in Match(EntityKind.Incident, shown))
                Fields(record, portal, "id", "party", "category", "month", "summary");
        }

        /// <summary>
        /// Working tables (<c>/api/v1/working-tables</c>) and, for every commitment the record or a table names, its
        /// versions and their votes (<c>/api/v1/commitments/{code}/versions</c>), field by field as in their events.
        /// A portal from before co-creation has neither: it shows none, a difference only if the record has some.
        /// </summary>
        public async Task CoCreationAsync()
        {
            using var list = await GetAsync("api/v1/working-tables", notFound: true);
            var shown = list is null ? [] : Keyed(list.RootElement, "working-table/", "id");
            foreach (var (_, record, portal) in Match(EntityKind.WorkingTable, shown)) Fields(record, portal, "id", "plan", "theme");

            var codes = Of(EntityKind.Version).Select(v => Data(v).GetProperty("commitment").GetString()!)
                .Concat(shown.Values.SelectMany(t => t.GetProperty("commitments").EnumerateArray().Select(c => c.GetString()!)))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var pages = list is null ? [] : await GetAllAsync(codes.Select(c => $"api/v1/commitments/{Uri.EscapeDataString(c)}/versions"));
            var versions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var votes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var page in pages.OfType<JsonDocument>())
            {
                foreach (var version in page.RootElement.EnumerateArray())
                {
                    var subject = string.Create(CultureInfo.InvariantCulture, $"commitment/{version.GetProperty("commitment").GetString()}/version/{version.GetProperty("version").GetInt32()}");
                    versions.TryAdd(subject, version);
                    VotesOf(subject, version, votes);
                }
            }
            // CommitmentVersionDto and VoteDto: the fields of their events, by the same names.
            foreach (var (_, record, portal) in Match(EntityKind.Version, versions))
                Fields(record, portal, "commitment", "plan", "table", "version", "hash", "text", "organization", "reason", "effect");
            foreach (var (_, record, portal) in Match(EntityKind.Vote, votes))
                Fields(record, portal, ["commitment", "version", "versionHash", .. SignedVoteFields]);
        }

        /// <summary>Adds the <c>votes</c> the portal lists under <paramref name="decided"/> (a version, a stage proposal), by subject; a vote listed twice is a difference.</summary>
        private void VotesOf(string subject, JsonElement decided, Dictionary<string, JsonElement> votes)
        {
            foreach (var vote in decided.GetProperty("votes").EnumerateArray())
            {
                var organization = vote.GetProperty("organization");
                var voteSubject = $"{subject}/vote/{vote.GetProperty("party").GetString()}"
                    + (organization.ValueKind == JsonValueKind.String ? "/" + organization.GetString() : "");
                if (!votes.TryAdd(voteSubject, vote))
                    Differences.Add(new(DifferenceKind.FieldDiffers, voteSubject, "party", "one vote", "listed more than once", state.Entities.GetValueOrDefault(voteSubject)?.Index));
            }
        }

        /// <summary>What every signed vote's event and DTO carry after what it decides, by the same names (AgreementEvents.SignedVote).</summary>
        private static readonly string[] SignedVoteFields = ["party", "organization", "decision", "reason", "appointment", "credential", "relyingParty", "assertion"];

        private static readonly JsonElement Null = JsonElement.Parse("null");

        /// <summary>
        /// Progress reports and disputes (<c>/api/v1/plans/{n}/progress</c> for every plan the record has), field by field as
        /// in their events; a portal from before progress answers 404 there and shows none.
        /// </summary>
        public async Task ProgressAsync()
        {
            var plans = Of(EntityKind.Plan).Select(p => Data(p).GetProperty("number").GetInt32()).ToList();
            var pages = await GetAllAsync(plans.Select(n => string.Create(CultureInfo.InvariantCulture, $"api/v1/plans/{n}/progress")));
            var reports = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var disputes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var page in pages.OfType<JsonDocument>())
            {
                foreach (var report in page.RootElement.EnumerateArray())
                {
                    reports.TryAdd($"progress/{report.GetProperty("id").GetString()}", report);
                    foreach (var dispute in report.GetProperty("disputes").EnumerateArray()) disputes.TryAdd($"dispute/{dispute.GetProperty("id").GetString()}", dispute);
                }
            }
            foreach (var (_, record, portal) in Match(EntityKind.Progress, reports))
                Fields(record, portal, "id", "commitment", "milestone", "completion", "narrative", "party", "organization", "evidence");
            foreach (var (_, record, portal) in Match(EntityKind.Dispute, disputes))
                Fields(record, portal, "id", "report", "party", "organization", "reason", "answer", "answeredBy");
        }

        /// <summary>
        /// Stage proposals and their votes (<c>/api/v1/plans/{n}/stages</c> for every plan the record has), field by field
        /// as in their events; a portal from before stages answers 404 there and shows none. The plan's stage itself is
        /// compared with the plan (<see cref="PlansAsync"/>).
        /// </summary>
        public async Task StagesAsync()
        {
            var plans = Of(EntityKind.Plan).Select(p => Data(p).GetProperty("number").GetInt32()).ToList();
            var pages = await GetAllAsync(plans.Select(n => string.Create(CultureInfo.InvariantCulture, $"api/v1/plans/{n}/stages")));
            var proposals = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var votes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var page in pages.OfType<JsonDocument>())
            {
                foreach (var proposal in page.RootElement.EnumerateArray())
                {
                    var subject = string.Create(CultureInfo.InvariantCulture, $"plan/{proposal.GetProperty("plan").GetInt32()}/stage/{proposal.GetProperty("proposal").GetInt32()}");
                    proposals.TryAdd(subject, proposal);
                    VotesOf(subject, proposal, votes);
                }
            }
            foreach (var (_, record, portal) in Match(EntityKind.StageProposal, proposals)) Fields(record, portal, "plan", "proposal", "from", "to", "organization", "reason");
            foreach (var (_, record, portal) in Match(EntityKind.StageVote, votes))
                Fields(record, portal, ["plan", "proposal", "from", "to", .. SignedVoteFields]);
        }

        /// <summary>Compares the named fields, the same name in the event's data and the API's object.</summary>
        private void Fields(ReplayedEntity record, JsonElement portal, params string[] names)
        {
            var data = Data(record);
            foreach (var name in names) Compare(record.Subject, record.Index, name, Member(data, name), Member(portal, name));
        }

        /// <summary>Compares two values of the same field: kinds, then text, numbers, arrays item by item, objects member by member.</summary>
        private void Compare(string subject, long? index, string path, JsonElement record, JsonElement portal)
        {
            var recordKind = Kind(record);
            if (recordKind != Kind(portal))
            {
                Differ(subject, index, path, record, portal);
                return;
            }
            switch (recordKind)
            {
                case JsonValueKind.String:
                    if (!string.Equals(record.GetString(), portal.GetString(), StringComparison.Ordinal)) Differ(subject, index, path, record, portal);
                    break;
                case JsonValueKind.Number:
                    if (!SameNumber(record, portal)) Differ(subject, index, path, record, portal);
                    break;
                case JsonValueKind.True:
                    if (record.GetBoolean() != portal.GetBoolean()) Differ(subject, index, path, record, portal);
                    break;
                case JsonValueKind.Array:
                    var recordItems = record.GetArrayLength();
                    var portalItems = portal.GetArrayLength();
                    if (recordItems != portalItems)
                        Differences.Add(new(DifferenceKind.FieldDiffers, subject, path, Items(recordItems), Items(portalItems), index));
                    for (var i = 0; i < Math.Min(recordItems, portalItems); i++)
                        Compare(subject, index, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), record[i], portal[i]);
                    break;
                case JsonValueKind.Object:
                    foreach (var member in record.EnumerateObject())
                        Compare(subject, index, $"{path}.{member.Name}", member.Value, Member(portal, member.Name));
                    foreach (var member in portal.EnumerateObject().Where(m => !record.TryGetProperty(m.Name, out _)))
                        Compare(subject, index, $"{path}.{member.Name}", default, member.Value);
                    break;
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                case JsonValueKind.False:
                default:
                    break;
            }
        }

        private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

        private static JsonValueKind Kind(JsonElement value) => value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;

        private static bool SameNumber(JsonElement a, JsonElement b) =>
            a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetDouble().Equals(b.GetDouble());

        private void Value(string subject, string field, int recordValue, JsonElement portal, long? index)
        {
            if (portal.ValueKind != JsonValueKind.Number || !portal.TryGetInt32(out var shown) || shown != recordValue)
                Differences.Add(new(DifferenceKind.FieldDiffers, subject, field, recordValue.ToString(CultureInfo.InvariantCulture), Show(portal), index));
        }

        /// <summary>A party's current status is that of its latest change (dates sort as text); changes on one date may come in either order.</summary>
        private void Status(ReplayedEntity party, List<ReplayedEntity> changes, JsonElement portal)
        {
            var latest = changes.Select(c => Data(c).GetProperty("date").GetString()!).DefaultIfEmpty().Max(StringComparer.Ordinal);
            var candidates = changes.Where(c => Data(c).GetProperty("date").GetString() == latest).ToList();
            var shown = portal.ValueKind == JsonValueKind.String ? portal.GetString() : null;
            if (candidates.Count == 0 ? shown is null : candidates.Any(c => Data(c).GetProperty("status").GetString() == shown)) return;
            var statuses = string.Join(" or ", candidates.Select(c => Show(Data(c).GetProperty("status"))));
            Differences.Add(new(DifferenceKind.FieldDiffers, party.Subject, "participationStatus", candidates.Count == 0 ? "null" : statuses, Show(portal),
                candidates.Count == 1 ? candidates[0].Index : null));
        }

        /// <summary>
        /// Compares the order of the entities both sides have: the portal's list must be in the order of the
        /// record's positions. Equal positions may come in any order (the portal breaks such ties by a name, in
        /// its database's collation). Each entity listed where its position cannot be is reported.
        /// </summary>
        private void Order(IEnumerable<ReplayedEntity> record, IEnumerable<string> portal, string where)
        {
            var positions = record.ToDictionary(e => e.Subject, e => (Entity: e, Position: Data(e).GetProperty("position").GetInt32()), StringComparer.Ordinal);
            var shown = portal.Where(positions.ContainsKey).ToList();
            var all = shown.Select(s => positions[s].Position).ToList();
            for (var rank = 0; rank < shown.Count; rank++)
            {
                var (entity, position) = positions[shown[rank]];
                var first = all.Count(p => p < position);
                var last = all.Count(p => p <= position) - 1;
                if (rank >= first && rank <= last) continue;
                var expected = first == last ? $"#{first + 1}" : $"#{first + 1} to #{last + 1}";
                Differences.Add(new(DifferenceKind.FieldDiffers, entity.Subject, "position",
                    string.Create(CultureInfo.InvariantCulture, $"{position}, so {expected} {where}"),
                    string.Create(CultureInfo.InvariantCulture, $"#{rank + 1} {where}"), entity.Index));
            }
        }

        /// <summary>Reports an entity only one side has; true when both have it.</summary>
        private bool Presence(string subject, ReplayedEntity? record, bool shown)
        {
            if (record is not null && !shown) Differences.Add(new(DifferenceKind.MissingFromPortal, subject, null, null, null, record.Index));
            if (record is null && shown) Differences.Add(new(DifferenceKind.NotInRecord, subject, null, null, null, null));
            return record is not null && shown;
        }

        /// <summary>The entities of <paramref name="kind"/> both sides have, in subject order, after reporting those only one side has.</summary>
        private List<(string Subject, ReplayedEntity Record, JsonElement Portal)> Match(EntityKind kind, Dictionary<string, JsonElement> shown)
        {
            var matched = new List<(string Subject, ReplayedEntity Record, JsonElement Portal)>();
            foreach (var subject in Of(kind).Select(e => e.Subject).Union(shown.Keys).Order(StringComparer.Ordinal))
            {
                var record = state.Entities.GetValueOrDefault(subject);
                if (record is not null && record.Kind != kind) record = null;
                if (Presence(subject, record, shown.ContainsKey(subject))) matched.Add((subject, record!, shown[subject]));
            }
            return matched;
        }

        /// <summary>A list's items by subject (<c>prefix</c> + the value of <paramref name="key"/>); a subject listed twice is one entity shown twice.</summary>
        private Dictionary<string, JsonElement> Keyed(JsonElement list, string prefix, string key)
        {
            var items = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                var id = item.GetProperty(key);
                var subject = prefix + (id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString());
                if (!items.TryAdd(subject, item))
                    Differences.Add(new(DifferenceKind.FieldDiffers, subject, key, "one entity", "listed more than once", state.Entities.GetValueOrDefault(subject)?.Index));
            }
            return items;
        }

        private IEnumerable<ReplayedEntity> Of(EntityKind kind) => state.OfKind(kind).OrderBy(e => e.Subject, StringComparer.Ordinal);

        private JsonElement Data(ReplayedEntity entity)
        {
            if (_data.TryGetValue(entity.Subject, out var data)) return data;
            var document = JsonDocument.Parse(entity.Data);
            _documents.Add(document);
            return _data[entity.Subject] = document.RootElement;
        }

        private static JsonElement Member(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) ? member : default;

        private void Differ(string subject, long? index, string path, JsonElement record, JsonElement portal) =>
            Differences.Add(new(DifferenceKind.FieldDiffers, subject, path, Show(record), Show(portal), index));

        private static string Show(JsonElement value) =>
            value.ValueKind == JsonValueKind.Undefined ? "absent" : Difference.Shorten(JsonSerializer.Serialize(value, Display));

        private async Task<JsonDocument?[]> GetAllAsync(IEnumerable<string> paths)
        {
            var list = paths.ToList();
            var documents = new JsonDocument?[list.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, list.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (i, _) => documents[i] = await GetAsync(list[i], notFound: true));
            lock (_documents) _documents.AddRange(documents.OfType<JsonDocument>());
            return documents;
        }

        /// <summary>GETs one API path as JSON; a 404 is null when <paramref name="notFound"/> says it may happen.</summary>
        private async Task<JsonDocument?> GetAsync(string path, bool notFound = false)
        {
            HttpResponseMessage response;
            try
            {
                response = await portal.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new PortalReadException($"GET {path}: {e.Message}", e);
            }
            using (response)
            {
                if (notFound && response.StatusCode == HttpStatusCode.NotFound) return null;
                if (!response.IsSuccessStatusCode)
                    throw new PortalReadException($"GET {path}: the portal answered {(int)response.StatusCode} {response.ReasonPhrase}");
                try
                {
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    return await JsonDocument.ParseAsync(body, default, cancellationToken);
                }
                catch (JsonException e)
                {
                    throw new PortalReadException($"GET {path}: the answer is not JSON ({e.Message})", e);
                }
            }
        }

        public void Dispose()
        {
            foreach (var document in _documents) document.Dispose();
        }
    }
}
