using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Core.Record;

namespace Pacta.Core.Agreements;

/// <summary>
/// The text of a commitment in OGP's template, as one version holds it: what every party reads and approves.
/// Institutions are named by their short name (their public id), dates are whole days.
/// </summary>
/// <remarks>
/// Its JSON (<see cref="ToJson"/>) uses the member names of a <c>commitment.imported</c> event, so the agreed
/// text and the commitment's public state compare field by field; its hash is the SHA-256 of that JSON in
/// RFC 8785 canonical form, which is what a representative's signature covers.
/// </remarks>
public sealed record CommitmentText(
    LocalizedText Title,
    string? PolicyArea,
    LocalizedText Problem,
    LocalizedText StatusQuo,
    LocalizedText Objective,
    IReadOnlyList<string> OgpValues,
    string? LeadInstitution,
    IReadOnlyList<string> SupportingInstitutions,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<MilestoneText> Milestones)
{
    public const int MaxTitle = 300;
    public const int MaxParagraph = 8000;
    public const int MaxPolicyArea = 200;
    public const int MaxMilestones = 40;

    /// <summary>The names of the template's members, in the order pages show them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["title", "policyArea", "problem", "statusQuo", "objective", "ogpValues", "leadInstitution", "supportingInstitutions", "startDate", "endDate", "milestones"];

    public JsonObject ToJson() => new()
    {
        ["title"] = Text(Title),
        ["policyArea"] = PolicyArea,
        ["problem"] = Text(Problem),
        ["statusQuo"] = Text(StatusQuo),
        ["objective"] = Text(Objective),
        ["ogpValues"] = new JsonArray([.. OgpValues.Select(v => (JsonNode?)v)]),
        ["leadInstitution"] = LeadInstitution,
        ["supportingInstitutions"] = new JsonArray([.. SupportingInstitutions.Select(s => (JsonNode?)s)]),
        ["startDate"] = Iso(StartDate),
        ["endDate"] = Iso(EndDate),
        ["milestones"] = new JsonArray([.. Milestones.Select(m => (JsonNode?)new JsonObject
        {
            ["number"] = m.Number,
            ["title"] = Text(m.Title),
            ["responsibleInstitution"] = m.ResponsibleInstitution,
            ["startDate"] = Iso(m.StartDate),
            ["endDate"] = Iso(m.EndDate),
            ["weight"] = m.Weight is { } w ? (double)w : null,
        })]),
    };

    /// <summary>The canonical JSON (RFC 8785) of the text: the bytes its hash is taken of.</summary>
    public byte[] Canonical() => CanonicalJson.Serialize(ToJson());

    /// <summary>The SHA-256 of <see cref="Canonical"/>, lower-case hex.</summary>
    public string Hash() => HashOf(Canonical());

    public static string HashOf(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>Reads a text from its JSON (a stored version); throws on a shape it never writes.</summary>
    public static CommitmentText FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new CommitmentText(
            Text(root.GetProperty("title")),
            root.GetProperty("policyArea").GetString(),
            Text(root.GetProperty("problem")),
            Text(root.GetProperty("statusQuo")),
            Text(root.GetProperty("objective")),
            [.. root.GetProperty("ogpValues").EnumerateArray().Select(v => v.GetString()!)],
            root.GetProperty("leadInstitution").GetString(),
            [.. root.GetProperty("supportingInstitutions").EnumerateArray().Select(v => v.GetString()!)],
            Date(root.GetProperty("startDate")),
            Date(root.GetProperty("endDate")),
            [.. root.GetProperty("milestones").EnumerateArray().Select(m => new MilestoneText(
                m.GetProperty("number").GetInt32(),
                Text(m.GetProperty("title")),
                m.GetProperty("responsibleInstitution").GetString(),
                Date(m.GetProperty("startDate")),
                Date(m.GetProperty("endDate")),
                m.GetProperty("weight").ValueKind == JsonValueKind.Number ? m.GetProperty("weight").GetDecimal() : null))]);
    }

    /// <summary>
    /// Every rule of the template a text can break by itself, each naming its field: a title, an objective, a lead
    /// institution, OGP's values from OGP's list, end dates not before start dates, positive weights, lengths.
    /// Whether the institutions exist is the operation's check (it has the database).
    /// </summary>
    public List<Refusal> Problems()
    {
        var problems = new List<Refusal>();
        void Add(string field, string code, string message) => problems.Add(new Refusal(field, code, message));

        if (Title.IsUnknown) Add("title", "Required", "title: give the commitment a title, in Spanish or English");
        Length("title", Title, MaxTitle);
        if (PolicyArea is { Length: > MaxPolicyArea }) Add("policyArea", "TooLong", $"policyArea: at most {MaxPolicyArea} characters");
        Length("problem", Problem, MaxParagraph);
        Length("statusQuo", StatusQuo, MaxParagraph);
        Length("objective", Objective, MaxParagraph);
        if (Objective.IsUnknown) Add("objective", "Required", "objective: say what the commitment will achieve");
        foreach (var value in OgpValues.Where(v => !Commitments.OgpValues.All.Contains(v)))
            Add("ogpValues", "UnknownValue", $"ogpValues: \"{value}\" is not one of OGP's values ({string.Join(", ", Commitments.OgpValues.All)})");
        if (OgpValues.Distinct().Count() != OgpValues.Count) Add("ogpValues", "Repeated", "ogpValues: a value is listed twice");
        if (LeadInstitution is null) Add("leadInstitution", "Required", "leadInstitution: name the institution that leads the commitment");
        if (SupportingInstitutions.Distinct().Count() != SupportingInstitutions.Count || SupportingInstitutions.Contains(LeadInstitution))
            Add("supportingInstitutions", "Repeated", "supportingInstitutions: an institution is listed twice, or is also the lead");
        if (StartDate is { } start && EndDate is { } end && end < start)
            Add("endDate", "EndBeforeStart", $"endDate: {Iso(end)} is before the start date {Iso(start)}");
        if (Milestones.Count > MaxMilestones) Add("milestones", "TooMany", $"milestones: at most {MaxMilestones}");
        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"milestones[{i}]");
            if (m.Number != i + 1) Add($"{at}.number", "Numbering", $"{at}.number: milestones are numbered 1, 2, 3… in order; this one should be {i + 1}");
            if (m.Title.IsUnknown) Add($"{at}.title", "Required", $"{at}.title: give milestone {i + 1} a title");
            Length($"{at}.title", m.Title, MaxTitle);
            if (m.StartDate is { } s && m.EndDate is { } e && e < s)
                Add($"{at}.endDate", "EndBeforeStart", $"{at}.endDate: {Iso(e)} is before the start date {Iso(s)}");
            if (m.Weight is { } w && (w <= 0 || w > 100_000 || decimal.Round(w, 4) != w))
                Add($"{at}.weight", "NotPositive", $"{at}.weight: {w.ToString(CultureInfo.InvariantCulture)} is not a positive number with at most 4 decimals");
        }
        return problems;

        void Length(string field, LocalizedText text, int max)
        {
            if ((text.Es?.Length ?? 0) > max || (text.En?.Length ?? 0) > max) Add(field, "TooLong", $"{field}: at most {max} characters in each language");
        }
    }

    internal static JsonObject Text(LocalizedText text) => new() { ["es"] = text.Es, ["en"] = text.En };

    private static LocalizedText Text(JsonElement text) => new(text.GetProperty("es").GetString(), text.GetProperty("en").GetString());

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}

/// <summary>A milestone as a version's text holds it.</summary>
public sealed record MilestoneText(int Number, LocalizedText Title, string? ResponsibleInstitution, DateOnly? StartDate, DateOnly? EndDate, decimal? Weight);
