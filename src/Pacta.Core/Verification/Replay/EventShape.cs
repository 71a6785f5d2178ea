using System.Text;
using System.Text.Json;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// What one JSON value of an event's <c>data</c> must be: its kind, whether it may be null, and for an
/// object its members (all required, no others), for an array the shape of every item.
/// </summary>
/// <remarks>
/// Written out per event type in <see cref="EventShapes"/> from what <c>ImportEvents</c> writes, so that a
/// verifier refuses an event that lacks a field (the portal could then show anything there) or carries one
/// it does not know (a public field it could not compare).
/// </remarks>
internal sealed class EventShape
{
    private EventShape(JsonValueKind kind, bool nullable, bool integer, (string Name, byte[] Utf8, EventShape Shape)[] members, EventShape? item,
        string? refersTo = null)
    {
        RefersTo = refersTo;
        Kind = kind;
        Nullable = nullable;
        Integer = integer;
        Members = members;
        Item = item;
    }

    public JsonValueKind Kind { get; }
    public bool Nullable { get; }
    public bool Integer { get; }
    public (string Name, byte[] Utf8, EventShape Shape)[] Members { get; }
    public EventShape? Item { get; }

    /// <summary>For a value that names another entity: the prefix that makes its subject (<c>organization/</c>).</summary>
    public string? RefersTo { get; }

    /// <summary>This shape, for a value that names an entity some earlier entry must have created.</summary>
    public EventShape Referring(string subjectPrefix) => new(Kind, Nullable, Integer, Members, Item, subjectPrefix);

    public static readonly EventShape Text = new(JsonValueKind.String, false, false, [], null);
    public static readonly EventShape TextOrNull = new(JsonValueKind.String, true, false, [], null);
    public static readonly EventShape WholeNumber = new(JsonValueKind.Number, false, true, [], null);
    public static readonly EventShape WholeNumberOrNull = new(JsonValueKind.Number, true, true, [], null);
    public static readonly EventShape NumberOrNull = new(JsonValueKind.Number, true, false, [], null);
    public static readonly EventShape Boolean = new(JsonValueKind.True, false, false, [], null);
    public static readonly EventShape BooleanOrNull = new(JsonValueKind.True, true, false, [], null);

    /// <summary>A bilingual text: <c>{"es": …, "en": …}</c>, either language null when the source does not give it.</summary>
    public static readonly EventShape Bilingual = Object(("es", TextOrNull), ("en", TextOrNull));

    /// <summary>An object of exactly these members, kept in canonical order (ordinal), the order entries hold them in.</summary>
    public static EventShape Object(params (string Name, EventShape Shape)[] members) =>
        new(JsonValueKind.Object, false, false,
            [.. members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Name, Encoding.UTF8.GetBytes(m.Name), m.Shape))], null);

    public static EventShape ArrayOf(EventShape item) => new(JsonValueKind.Array, false, false, [], item);

    public static EventShape ArrayOrNullOf(EventShape item) => new(JsonValueKind.Array, true, false, [], item);

    /// <summary>
    /// The position of the member named <paramref name="rawName"/> (canonical, so compared as bytes) in
    /// <see cref="Members"/>, or -1. Tried first at <paramref name="expected"/>: members of a canonical entry
    /// come in the shape's order, so one comparison usually finds it.
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> rawName, int expected)
    {
        if (expected < Members.Length && rawName.SequenceEqual(Members[expected].Utf8)) return expected;
        for (var i = 0; i < Members.Length; i++)
            if (rawName.SequenceEqual(Members[i].Utf8)) return i;
        return -1;
    }

    /// <summary>The position of the member called <paramref name="name"/>; for the replay's direct lookups.</summary>
    public int Find(string name) => Array.FindIndex(Members, m => m.Name == name) is var i and >= 0
        ? i : throw new ArgumentException($"No member {name}.", nameof(name));

    public string KindName => Kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => Integer ? "a whole number" : "a number",
        JsonValueKind.True => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Kind.ToString(),
    } + (Nullable ? " or null" : "");

    /// <summary>Whether the reader's current token starts a value of this shape's kind (not looking inside objects and arrays).</summary>
    public bool KindMatches(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => Nullable,
        JsonTokenType.True or JsonTokenType.False => Kind == JsonValueKind.True,
        JsonTokenType.Number => Kind == JsonValueKind.Number && (!Integer || reader.TryGetInt32(out _)),
        JsonTokenType.String => Kind == JsonValueKind.String,
        JsonTokenType.StartObject => Kind == JsonValueKind.Object,
        JsonTokenType.StartArray => Kind == JsonValueKind.Array,
        _ => false,
    };
}

/// <summary>The <c>data</c> of each event type the import writes (src/Pacta.Core/ForumDocuments/ImportEvents.cs).</summary>
internal static class EventShapes
{
    public static readonly EventShape Forum = EventShape.Object(
        ("name", EventShape.Bilingual),
        ("formerName", EventShape.Bilingual),
        ("member", EventShape.Object(
            ("name", EventShape.Bilingual),
            ("kind", EventShape.TextOrNull),
            ("ogpMemberSince", EventShape.WholeNumberOrNull),
            ("foundingMember", EventShape.BooleanOrNull))),
        ("source", EventShape.TextOrNull));

    public static readonly EventShape Party = EventShape.Object(
        ("key", EventShape.Text),
        ("name", EventShape.Bilingual),
        ("decisionRule", EventShape.Text),
        ("position", EventShape.WholeNumber));

    public static readonly EventShape Organization = EventShape.Object(
        ("shortName", EventShape.Text),
        ("name", EventShape.Bilingual),
        ("party", EventShape.Text.Referring("party/")),
        ("fictional", EventShape.Boolean),
        ("position", EventShape.WholeNumber));

    public static readonly EventShape Participation = EventShape.Object(
        ("party", EventShape.Text.Referring("party/")),
        ("date", EventShape.Text),
        ("status", EventShape.Text),
        ("grounds", EventShape.ArrayOf(EventShape.Text)),
        ("source", EventShape.TextOrNull));

    private static readonly (string Name, EventShape Shape)[] PlanMembers =
    [
        ("number", EventShape.WholeNumber),
        ("title", EventShape.Bilingual),
        ("period", EventShape.Object(("from", EventShape.TextOrNull), ("to", EventShape.TextOrNull), ("extendedTo", EventShape.TextOrNull))),
        ("state", EventShape.TextOrNull),
        ("fictional", EventShape.Boolean),
        ("coCreation", EventShape.Object(
            ("consultationFrom", EventShape.TextOrNull),
            ("consultationTo", EventShape.TextOrNull),
            ("onlineParticipants", EventShape.WholeNumberOrNull),
            ("inPersonParticipants", EventShape.WholeNumberOrNull))),
        ("irm", EventShape.Object(
            ("relevantToOgpValues", EventShape.WholeNumberOrNull),
            ("transformative", EventShape.WholeNumberOrNull),
            ("earlyResults", EventShape.Object(
                ("marginal", EventShape.WholeNumberOrNull),
                ("major", EventShape.WholeNumberOrNull),
                ("outstanding", EventShape.WholeNumberOrNull),
                ("noEvidence", EventShape.WholeNumberOrNull))))),
        ("source", EventShape.TextOrNull),
    ];

    public static readonly EventShape Plan = EventShape.Object(PlanMembers);

    /// <summary><c>plan.stage.changed</c>: the plan's state in its new stage, and the proposal every party approved.</summary>
    public static readonly EventShape PlanStageChanged = EventShape.Object([.. PlanMembers, ("proposal", EventShape.WholeNumber)]);

    /// <summary><c>plan.stage.proposed</c> (src/Pacta.Core/Plans/PlanStageEvents.cs).</summary>
    public static readonly EventShape StageProposed = EventShape.Object(
        ("plan", EventShape.WholeNumber.Referring("plan/")),
        ("proposal", EventShape.WholeNumber),
        ("from", EventShape.Text),
        ("to", EventShape.Text),
        ("organization", EventShape.Text.Referring("organization/")),
        ("reason", EventShape.Bilingual));

    /// <summary>
    /// What every signed vote carries after what it decides (AgreementEvents.SignedVote): the voting unit, the decision, and
    /// the passkey's assertion with the appointment whose published credential checks it.
    /// </summary>
    private static readonly (string Name, EventShape Shape)[] SignedVoteMembers =
    [
        ("party", EventShape.Text.Referring("party/")),
        ("organization", EventShape.TextOrNull.Referring("organization/")),
        ("decision", EventShape.Text),
        ("reason", EventShape.TextOrNull),
        // An appointment a removal ended is gone from the state: a vote under it is reported here.
        ("appointment", EventShape.Text.Referring("representative/")),
        ("credential", EventShape.Text),
        ("relyingParty", EventShape.Text),
        ("assertion", EventShape.Object(
            ("authenticatorData", EventShape.Text),
            ("clientDataJSON", EventShape.Text),
            ("signature", EventShape.Text))),
    ];

    /// <summary><c>plan.stage.approved</c> and <c>plan.stage.objected</c>: a signed vote on a stage proposal.</summary>
    public static readonly EventShape StageVote = EventShape.Object(
        [("plan", EventShape.WholeNumber.Referring("plan/")), ("proposal", EventShape.WholeNumber), ("from", EventShape.Text), ("to", EventShape.Text),
        .. SignedVoteMembers]);

    private static readonly EventShape Milestone = EventShape.Object(
        ("number", EventShape.WholeNumber),
        ("title", EventShape.Bilingual),
        ("responsibleInstitution", EventShape.TextOrNull.Referring("organization/")),
        ("startDate", EventShape.TextOrNull),
        ("endDate", EventShape.TextOrNull),
        ("weight", EventShape.NumberOrNull));

    private static readonly (string Name, EventShape Shape)[] CommitmentMembers =
    [
        ("code", EventShape.Text),
        ("plan", EventShape.WholeNumber.Referring("plan/")),
        ("position", EventShape.WholeNumber),
        ("title", EventShape.Bilingual),
        ("policyArea", EventShape.TextOrNull),
        ("problem", EventShape.Bilingual),
        ("statusQuo", EventShape.Bilingual),
        ("objective", EventShape.Bilingual),
        ("ogpValues", EventShape.ArrayOrNullOf(EventShape.Text)),
        ("leadInstitution", EventShape.TextOrNull.Referring("organization/")),
        ("supportingInstitutions", EventShape.ArrayOf(EventShape.Text.Referring("organization/"))),
        ("startDate", EventShape.TextOrNull),
        ("endDate", EventShape.TextOrNull),
        ("shortTermDeadline", EventShape.TextOrNull),
        ("verifiable", EventShape.BooleanOrNull),
        ("provenance", EventShape.Text),
        ("milestones", EventShape.ArrayOf(Milestone)),
    ];

    public static readonly EventShape Commitment = EventShape.Object(CommitmentMembers);

    /// <summary><c>commitment.agreed</c> and <c>amendment.agreed</c>: the commitment's state, and the version every party approved.</summary>
    public static readonly EventShape CommitmentAgreed = EventShape.Object(
        [.. CommitmentMembers, ("agreedVersion", EventShape.WholeNumber), ("agreedVersionHash", EventShape.Text)]);

    /// <summary><c>working-table.opened</c> (src/Pacta.Core/Agreements/AgreementEvents.cs).</summary>
    public static readonly EventShape WorkingTable = EventShape.Object(
        ("id", EventShape.Text),
        ("plan", EventShape.WholeNumber.Referring("plan/")),
        ("theme", EventShape.Bilingual));

    /// <summary>A version's text: the template's fields as a commitment carries them (CommitmentText.ToJson).</summary>
    private static readonly EventShape VersionText = EventShape.Object(
        ("title", EventShape.Bilingual),
        ("policyArea", EventShape.TextOrNull),
        ("problem", EventShape.Bilingual),
        ("statusQuo", EventShape.Bilingual),
        ("objective", EventShape.Bilingual),
        ("ogpValues", EventShape.ArrayOf(EventShape.Text)),
        ("leadInstitution", EventShape.TextOrNull.Referring("organization/")),
        ("supportingInstitutions", EventShape.ArrayOf(EventShape.Text.Referring("organization/"))),
        ("startDate", EventShape.TextOrNull),
        ("endDate", EventShape.TextOrNull),
        ("milestones", EventShape.ArrayOf(Milestone)));

    /// <summary><c>commitment.version.proposed</c> and <c>amendment.proposed</c>.</summary>
    public static readonly EventShape Version = EventShape.Object(
        ("commitment", EventShape.Text),
        ("plan", EventShape.WholeNumber.Referring("plan/")),
        ("table", EventShape.TextOrNull.Referring("working-table/")),
        ("version", EventShape.WholeNumber),
        ("hash", EventShape.Text),
        ("text", VersionText),
        ("organization", EventShape.Text.Referring("organization/")),
        ("reason", EventShape.Bilingual),
        ("effect", EventShape.Bilingual));

    /// <summary><c>commitment.approved</c> and <c>commitment.objected</c>: the signed vote, checkable from the record alone.</summary>
    public static readonly EventShape Vote = EventShape.Object(
        [("commitment", EventShape.Text), ("version", EventShape.WholeNumber), ("versionHash", EventShape.Text), .. SignedVoteMembers]);

    /// <summary><c>representative.appointed</c> (src/Pacta.Core/People/RepresentativeEvents.cs): the role and its public credentials.</summary>
    public static readonly EventShape RepresentativeAppointed = EventShape.Object(
        ("appointment", EventShape.Text),
        ("party", EventShape.Text.Referring("party/")),
        ("organization", EventShape.TextOrNull.Referring("organization/")),
        ("since", EventShape.Text),
        ("credentials", EventShape.ArrayOf(EventShape.Object(
            ("id", EventShape.Text),
            ("publicKey", EventShape.Text),
            ("algorithm", EventShape.WholeNumberOrNull)))));

    /// <summary><c>representative.removed</c>: the appointment that ended, and when.</summary>
    public static readonly EventShape RepresentativeRemoved = EventShape.Object(
        ("appointment", EventShape.Text),
        ("party", EventShape.Text.Referring("party/")),
        ("organization", EventShape.TextOrNull.Referring("organization/")),
        ("since", EventShape.Text),
        ("until", EventShape.Text));
    /// <summary>What <c>PublishIncident</c> writes (src/Pacta.Core/PrivateSpaces): never the details, the date or a name.</summary>
    public static readonly EventShape Incident = EventShape.Object(
        ("id", EventShape.Text),
        ("party", EventShape.Text.Referring("party/")),
        ("category", EventShape.Text),
        ("month", EventShape.Text),
        ("summary", EventShape.Bilingual));

    /// <summary><c>progress.reported</c> (src/Pacta.Core/Progress/ProgressEvents.cs): a report on a milestone with its evidence.</summary>
    public static readonly EventShape ProgressReported = EventShape.Object(
        ("id", EventShape.Text),
        ("commitment", EventShape.Text.Referring("commitment/")),
        ("milestone", EventShape.WholeNumber),
        ("completion", EventShape.Text),
        ("narrative", EventShape.Bilingual),
        ("party", EventShape.Text.Referring("party/")),
        ("organization", EventShape.Text.Referring("organization/")),
        ("evidence", EventShape.ArrayOf(EventShape.Object(
            ("kind", EventShape.Text),
            ("sha256", EventShape.TextOrNull),
            ("name", EventShape.TextOrNull),
            ("mediaType", EventShape.TextOrNull),
            ("size", EventShape.NumberOrNull),
            ("url", EventShape.TextOrNull)))));

    /// <summary><c>progress.disputed</c> and <c>progress.dispute.answered</c>: a dispute's whole state.</summary>
    public static readonly EventShape Dispute = EventShape.Object(
        ("id", EventShape.Text),
        ("report", EventShape.Text.Referring("progress/")),
        ("party", EventShape.Text.Referring("party/")),
        ("organization", EventShape.Text.Referring("organization/")),
        ("reason", EventShape.Text),
        ("answer", EventShape.TextOrNull),
        ("answeredBy", EventShape.TextOrNull.Referring("organization/")));

    // Top-level members the replay reads (the subject's parts and references), by position in their shape;
    // after the shapes, since static fields are initialized in the order they are written.
    public static readonly int PartyKey = Party.Find("key");
    public static readonly int OrganizationShortName = Organization.Find("shortName");
    public static readonly int ParticipationParty = Participation.Find("party");
    public static readonly int ParticipationDate = Participation.Find("date");
    public static readonly int ParticipationStatus = Participation.Find("status");
    public static readonly int PlanNumber = Plan.Find("number");
    public static readonly int StagePlan = StageProposed.Find("plan");
    public static readonly int StageProposal = StageProposed.Find("proposal");
    public static readonly int StageVotePlan = StageVote.Find("plan");
    public static readonly int StageVoteProposal = StageVote.Find("proposal");
    public static readonly int StageVoteParty = StageVote.Find("party");
    public static readonly int StageVoteOrganization = StageVote.Find("organization");
    public static readonly int CommitmentCode = Commitment.Find("code");
    public static readonly int AgreedCode = CommitmentAgreed.Find("code");
    public static readonly int TableId = WorkingTable.Find("id");
    public static readonly int VersionCommitment = Version.Find("commitment");
    public static readonly int VersionNumber = Version.Find("version");
    public static readonly int VoteCommitment = Vote.Find("commitment");
    public static readonly int VoteVersion = Vote.Find("version");
    public static readonly int VoteParty = Vote.Find("party");
    public static readonly int VoteOrganization = Vote.Find("organization");
    public static readonly int ProgressId = ProgressReported.Find("id");
    public static readonly int DisputeId = Dispute.Find("id");
    public static readonly int AppointedAppointment = RepresentativeAppointed.Find("appointment");
    public static readonly int RemovedAppointment = RepresentativeRemoved.Find("appointment");
    public static readonly int IncidentId = Incident.Find("id");
}
