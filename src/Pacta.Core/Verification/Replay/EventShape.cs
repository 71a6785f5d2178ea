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
    private EventShape(JsonValueKind kind, bool nullable, bool integer, (string Name, byte[] Utf8, EventShape Shape)[] members, EventShape? item)
    {
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

    public static readonly EventShape Text = new(JsonValueKind.String, false, false, [], null);
    public static readonly EventShape TextOrNull = new(JsonValueKind.String, true, false, [], null);
    public static readonly EventShape WholeNumber = new(JsonValueKind.Number, false, true, [], null);
    public static readonly EventShape WholeNumberOrNull = new(JsonValueKind.Number, true, true, [], null);
    public static readonly EventShape NumberOrNull = new(JsonValueKind.Number, true, false, [], null);
    public static readonly EventShape Boolean = new(JsonValueKind.True, false, false, [], null);
    public static readonly EventShape BooleanOrNull = new(JsonValueKind.True, true, false, [], null);

    /// <summary>A bilingual text: <c>{"es": …, "en": …}</c>, either language null when the source does not give it.</summary>
    public static readonly EventShape Bilingual = Object(("es", TextOrNull), ("en", TextOrNull));

    public static EventShape Object(params (string Name, EventShape Shape)[] members) =>
        new(JsonValueKind.Object, false, false, [.. members.Select(m => (m.Name, Encoding.UTF8.GetBytes(m.Name), m.Shape))], null);

    public static EventShape ArrayOf(EventShape item) => new(JsonValueKind.Array, false, false, [], item);

    public static EventShape ArrayOrNullOf(EventShape item) => new(JsonValueKind.Array, true, false, [], item);

    /// <summary>The member's shape and its position in <see cref="Members"/>, or -1.</summary>
    public int IndexOf(JsonProperty property)
    {
        for (var i = 0; i < Members.Length; i++)
            if (property.NameEquals(Members[i].Utf8)) return i;
        return -1;
    }

    public string KindName => Kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => Integer ? "a whole number" : "a number",
        JsonValueKind.True => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Kind.ToString(),
    } + (Nullable ? " or null" : "");

    /// <summary>Whether <paramref name="value"/> is of this shape's kind (not looking inside objects and arrays).</summary>
    public bool KindMatches(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Nullable,
        JsonValueKind.False => Kind == JsonValueKind.True,
        JsonValueKind.Number => Kind == JsonValueKind.Number && (!Integer || value.TryGetInt32(out _)),
        var kind => kind == Kind,
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
        ("party", EventShape.Text),
        ("fictional", EventShape.Boolean),
        ("position", EventShape.WholeNumber));

    public static readonly EventShape Participation = EventShape.Object(
        ("party", EventShape.Text),
        ("date", EventShape.Text),
        ("status", EventShape.Text),
        ("grounds", EventShape.ArrayOf(EventShape.Text)),
        ("source", EventShape.TextOrNull));

    public static readonly EventShape Plan = EventShape.Object(
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
        ("source", EventShape.TextOrNull));

    public static readonly EventShape Commitment = EventShape.Object(
        ("code", EventShape.Text),
        ("plan", EventShape.WholeNumber),
        ("position", EventShape.WholeNumber),
        ("title", EventShape.Bilingual),
        ("policyArea", EventShape.TextOrNull),
        ("problem", EventShape.Bilingual),
        ("statusQuo", EventShape.Bilingual),
        ("objective", EventShape.Bilingual),
        ("ogpValues", EventShape.ArrayOrNullOf(EventShape.Text)),
        ("leadInstitution", EventShape.TextOrNull),
        ("supportingInstitutions", EventShape.ArrayOf(EventShape.Text)),
        ("startDate", EventShape.TextOrNull),
        ("endDate", EventShape.TextOrNull),
        ("shortTermDeadline", EventShape.TextOrNull),
        ("verifiable", EventShape.BooleanOrNull),
        ("provenance", EventShape.Text),
        ("milestones", EventShape.ArrayOf(EventShape.Object(
            ("number", EventShape.WholeNumber),
            ("title", EventShape.Bilingual),
            ("responsibleInstitution", EventShape.TextOrNull),
            ("startDate", EventShape.TextOrNull),
            ("endDate", EventShape.TextOrNull),
            ("weight", EventShape.NumberOrNull)))));
}
