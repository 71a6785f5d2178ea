using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Core.ForumDocuments;

/// <summary>
/// Reads an <c>open-government-forum/1</c> document strictly: unknown fields, wrong types, bad dates,
/// duplicates and dangling references inside the document are errors with their JSON path.
/// References to what is already stored are checked by <see cref="ImportForumDocument"/>.
/// </summary>
public static partial class ForumDocumentReader
{
    /// <summary>Larger files are refused before parsing: a forum's public facts are far smaller.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private const int MaxTitle = 500;
    private const int MaxText = 20_000;

    public static (ForumDocument? Document, IReadOnlyList<DocumentError> Errors) Read(string fileName, byte[] utf8)
    {
        var errors = new Errors(fileName);
        if (utf8.Length > MaxBytes)
        {
            errors.Add("", $"the file is {utf8.Length:N0} bytes; the limit is {MaxBytes:N0}");
            return (null, errors.List);
        }
        try
        {
            // Strict UTF-8: a file with invalid bytes is refused rather than stored with replacement characters.
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(utf8);
        }
        catch (DecoderFallbackException)
        {
            errors.Add("", "the file is not valid UTF-8");
            return (null, errors.List);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}: " : "";
            errors.Add(e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "", $"{where}malformed JSON: {FirstSentence(e.Message)}");
            return (null, errors.List);
        }

        using (json)
        {
            var document = new Reader(errors).Document(new Node(json.RootElement, ""));
            return errors.List.Count == 0 ? (document, errors.List) : (null, errors.List);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    private sealed class Errors(string file)
    {
        public List<DocumentError> List { get; } = [];
        public void Add(string path, string problem) => List.Add(new DocumentError(file, path, problem));
    }

    private readonly record struct Node(JsonElement Element, string Path)
    {
        public Node Child(string name) => new(Element.GetProperty(name), Path.Length == 0 ? name : $"{Path}.{name}");
        public string ChildPath(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
        public bool IsNull => Element.ValueKind == JsonValueKind.Null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabKey();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    private static partial Regex CommitmentCode();

    private sealed class Reader(Errors errors)
    {
        private readonly Dictionary<string, string> _partyPaths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _organizationPaths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _commitmentPaths = new(StringComparer.Ordinal);

        public ForumDocument? Document(Node root)
        {
            if (!Fields(root, "format", "note", "member", "forum", "organizations", "participationEvents", "plans")) return null;
            var format = String(root, "format", required: true, MaxTitle);
            if (format is not null && format != ForumDocument.Format)
                errors.Add("format", $"\"{format}\" is not a format Pacta reads; expected \"{ForumDocument.Format}\"");
            if (format is null) return null;

            var note = String(root, "note", required: false, MaxText);
            var member = Optional(root, "member", Member);
            var forum = Optional(root, "forum", Forum);
            var organizations = new List<OrganizationPart>();
            if (forum is not null) organizations.AddRange(forum.Value.Organizations);
            organizations.AddRange(Array(root, "organizations", TopLevelOrganization));
            var events = Array(root, "participationEvents", Participation);
            var plans = Array(root, "plans", Plan);
            return new ForumDocument(note, member, forum?.Part, organizations, events, plans);
        }

        private MemberPart Member(Node node)
        {
            Fields(node, "name", "kind", "ogpMemberSince", "foundingMember");
            var kind = String(node, "kind", required: false, 32);
            if (kind is not null and not ("national" or "local"))
                errors.Add(node.ChildPath("kind"), $"\"{kind}\" is not an OGP member kind; expected \"national\" or \"local\"");
            return new MemberPart(Text(node, "name", MaxTitle), kind, Int(node, "ogpMemberSince", 2011, 2100), Bool(node, "foundingMember"));
        }

        private (ForumPart Part, List<OrganizationPart> Organizations) Forum(Node node)
        {
            Fields(node, "name", "formerName", "parties");
            var name = Text(node, "name", MaxTitle, required: true);
            var organizations = new List<OrganizationPart>();
            var parties = Array(node, "parties", p => Party(p, organizations), required: true);
            if (parties.Count is < 2 or > 5 && Has(node, "parties"))
                errors.Add(node.ChildPath("parties"), $"a forum has 2 to 5 parties; this one has {parties.Count}");
            return (new ForumPart(name, Text(node, "formerName", MaxTitle), parties), organizations);
        }

        private PartyPart Party(Node node, List<OrganizationPart> organizations)
        {
            Fields(node, "key", "name", "decisionRule", "organizations");
            var key = Key(node, "key") ?? "";
            if (key.Length > 0 && !_partyPaths.TryAdd(key, node.ChildPath("key")))
                errors.Add(node.ChildPath("key"), $"duplicate party key \"{key}\" (first at {_partyPaths[key]})");
            var rule = Enum(node, "decisionRule", required: true, DecisionRules);
            var position = 0;
            organizations.AddRange(Array(node, "organizations", o => Organization(o, key, node.ChildPath("key"), position++)));
            return new PartyPart(node.Path, key, Text(node, "name", MaxTitle, required: true), rule ?? default);
        }

        private OrganizationPart TopLevelOrganization(Node node)
        {
            Fields(node, "party", "short", "name", "fictional");
            var party = Key(node, "party") ?? "";
            return Organization(node, party, node.ChildPath("party"), position: int.MaxValue, checkFields: false);
        }

        private OrganizationPart Organization(Node node, string partyKey, string partyPath, int position, bool checkFields = true)
        {
            if (checkFields) Fields(node, "short", "name", "fictional");
            var shortName = String(node, "short", required: true, 128) ?? "";
            if (shortName.Length > 0 && !_organizationPaths.TryAdd(shortName, node.ChildPath("short")))
                errors.Add(node.ChildPath("short"), $"duplicate organisation \"{shortName}\" (first at {_organizationPaths[shortName]})");
            var fictional = Bool(node, "fictional") == true;
            return new OrganizationPart(node.Path, partyKey, partyPath, shortName, Text(node, "name", MaxTitle, required: true), fictional, position);
        }

        private ParticipationPart Participation(Node node)
        {
            Fields(node, "date", "party", "status", "source", "grounds");
            var grounds = Array(node, "grounds", g => StringValue(g, 128, kebab: true) ?? "");
            return new ParticipationPart(node.Path,
                Date(node, "date", required: true) ?? default,
                Key(node, "party") ?? "",
                Enum(node, "status", required: true, ParticipationStatuses) ?? default,
                String(node, "source", required: false, 1000),
                grounds);
        }

        private PlanPart Plan(Node node)
        {
            Fields(node, "number", "title", "period", "state", "fictional", "source", "cocreation", "irm", "commitments");
            var number = Int(node, "number", 1, 999, required: true) ?? 0;
            var period = Optional(node, "period", p =>
            {
                Fields(p, "from", "to", "extendedTo");
                var (from, to) = Range(p, "from", "to");
                return (From: from, To: to, ExtendedTo: Date(p, "extendedTo"));
            });
            var cocreation = Optional(node, "cocreation", c =>
            {
                Fields(c, "consultation", "onlineParticipants", "inPersonParticipants");
                var consultation = Optional(c, "consultation", k =>
                {
                    Fields(k, "from", "to");
                    return Range(k, "from", "to");
                });
                return (consultation?.From, consultation?.To, Online: Int(c, "onlineParticipants", 0, 100_000_000), InPerson: Int(c, "inPersonParticipants", 0, 100_000_000));
            });
            var irm = Optional(node, "irm", i =>
            {
                Fields(i, "relevantToOgpValues", "transformative", "earlyResults");
                var results = Optional(i, "earlyResults", r =>
                {
                    Fields(r, "marginal", "major", "outstanding", "noEvidence");
                    return (Marginal: Count(r, "marginal"), Major: Count(r, "major"), Outstanding: Count(r, "outstanding"), NoEvidence: Count(r, "noEvidence"));
                });
                return (Relevant: Count(i, "relevantToOgpValues"), Transformative: Count(i, "transformative"), Results: results);
            });
            var commitments = Array(node, "commitments", Commitment);
            return new PlanPart(node.Path, number, Text(node, "title", MaxTitle, required: true),
                period?.From, period?.To, period?.ExtendedTo,
                Enum(node, "state", required: false, PlanStates), Bool(node, "fictional") == true, String(node, "source", required: false, 4000),
                cocreation?.From, cocreation?.To, cocreation?.Online, cocreation?.InPerson,
                irm?.Relevant, irm?.Transformative,
                irm?.Results?.Marginal, irm?.Results?.Major, irm?.Results?.Outstanding, irm?.Results?.NoEvidence,
                commitments);
        }

        private CommitmentPart Commitment(Node node)
        {
            Fields(node, "code", "title", "policyArea", "problem", "statusQuo", "objective", "ogpValues",
                "lead", "supporting", "start", "end", "shortTermDeadline", "verifiable", "milestones");
            var code = String(node, "code", required: true, 32) ?? "";
            if (code.Length > 0 && !CommitmentCode().IsMatch(code))
                errors.Add(node.ChildPath("code"), $"\"{code}\" is not a commitment code: use capital letters, digits and '-' (like MX0081)");
            else if (code.Length > 0 && !_commitmentPaths.TryAdd(code, node.ChildPath("code")))
                errors.Add(node.ChildPath("code"), $"duplicate commitment code \"{code}\" (first at {_commitmentPaths[code]})");

            List<string>? values = null;
            if (Has(node, "ogpValues"))
            {
                values = Array(node, "ogpValues", v =>
                {
                    var value = StringValue(v, 64, kebab: false) ?? "";
                    if (value.Length > 0 && !OgpValues.All.Contains(value))
                        errors.Add(v.Path, $"\"{value}\" is not an OGP value; expected one of {string.Join(", ", OgpValues.All)}");
                    return value;
                });
                NoDuplicates(node.ChildPath("ogpValues"), values);
            }
            var supporting = Array(node, "supporting", s => new Reference(s.Path, StringValue(s, 128, kebab: false) ?? ""));
            NoDuplicates(node.ChildPath("supporting"), supporting.Select(s => s.ShortName).ToList());
            var (start, end) = Range(node, "start", "end");
            var milestones = Array(node, "milestones", Milestone);
            return new CommitmentPart(node.Path, code, Text(node, "title", MaxTitle, required: true), String(node, "policyArea", required: false, 200),
                Text(node, "problem", MaxText), Text(node, "statusQuo", MaxText), Text(node, "objective", MaxText), values,
                Has(node, "lead") ? new Reference(node.ChildPath("lead"), String(node, "lead", required: false, 128) ?? "") : null,
                supporting, start, end, Date(node, "shortTermDeadline"), Bool(node, "verifiable"), milestones);
        }

        private MilestonePart Milestone(Node node)
        {
            Fields(node, "title", "responsible", "start", "end", "weight");
            var (start, end) = Range(node, "start", "end");
            decimal? weight = null;
            if (Has(node, "weight"))
            {
                var w = node.Child("weight");
                if (w.Element.ValueKind != JsonValueKind.Number || !w.Element.TryGetDecimal(out var value) || value <= 0 || value > 10_000)
                    errors.Add(w.Path, $"{Show(w)} is not a weight: it must be a positive number (at most 10000)");
                else weight = value;
            }
            return new MilestonePart(node.Path, Text(node, "title", MaxTitle, required: true),
                Has(node, "responsible") ? new Reference(node.ChildPath("responsible"), String(node, "responsible", required: false, 128) ?? "") : null,
                start, end, weight);
        }

        // ---- building blocks ----

        /// <summary>Checks the node is an object and has no field outside <paramref name="allowed"/>.</summary>
        private bool Fields(Node node, params string[] allowed)
        {
            if (node.Element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(node.Path, $"expected an object, found {Kind(node.Element)}");
                return false;
            }
            foreach (var property in node.Element.EnumerateObject())
                if (!allowed.Contains(property.Name))
                    errors.Add(node.ChildPath(property.Name), $"unknown field \"{property.Name}\"; expected one of {string.Join(", ", allowed)}");
            return true;
        }

        private static bool Has(Node node, string name) =>
            node.Element.ValueKind == JsonValueKind.Object && node.Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

        private static T? Optional<T>(Node node, string name, Func<Node, T> read) where T : struct =>
            Has(node, name) ? read(node.Child(name)) : null;

        private static MemberPart? Optional(Node node, string name, Func<Node, MemberPart> read) =>
            Has(node, name) ? read(node.Child(name)) : null;

        private List<T> Array<T>(Node node, string name, Func<Node, T> read, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) errors.Add(node.ChildPath(name), "is required");
                return [];
            }
            var array = node.Child(name);
            if (array.Element.ValueKind != JsonValueKind.Array)
            {
                errors.Add(array.Path, $"expected an array, found {Kind(array.Element)}");
                return [];
            }
            var items = new List<T>();
            var i = 0;
            foreach (var item in array.Element.EnumerateArray())
                items.Add(read(new Node(item, $"{array.Path}[{i++}]")));
            return items;
        }

        private string? String(Node node, string name, bool required, int maxLength)
        {
            if (!Has(node, name))
            {
                if (required) errors.Add(node.ChildPath(name), "is required");
                return null;
            }
            return StringValue(node.Child(name), maxLength, kebab: false);
        }

        private string? StringValue(Node node, int maxLength, bool kebab)
        {
            if (node.Element.ValueKind != JsonValueKind.String)
            {
                errors.Add(node.Path, $"expected a string, found {Kind(node.Element)}");
                return null;
            }
            var value = node.Element.GetString()!;
            if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
                errors.Add(node.Path, "must not be empty (use null when it is not known)");
            else if (value.Length > maxLength)
                errors.Add(node.Path, $"is {value.Length} characters long; the limit is {maxLength}");
            else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
                errors.Add(node.Path, "contains a control character");
            else if (kebab && !KebabKey().IsMatch(value))
                errors.Add(node.Path, $"\"{value}\" is not a key: use lower-case letters, digits and '-'");
            else return value;
            return null;
        }

        private string? Key(Node node, string name)
        {
            if (!Has(node, name))
            {
                errors.Add(node.ChildPath(name), "is required");
                return null;
            }
            return StringValue(node.Child(name), 64, kebab: true);
        }

        private LocalizedText Text(Node node, string name, int maxLength, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) errors.Add(node.ChildPath(name), "is required (an object with \"es\" and \"en\", either may be null)");
                return LocalizedText.Unknown;
            }
            var text = node.Child(name);
            if (!Fields(text, "es", "en")) return LocalizedText.Unknown;
            var result = new LocalizedText(String(text, "es", false, maxLength), String(text, "en", false, maxLength));
            if (required && result.IsUnknown && errors.List.All(e => !e.Path.StartsWith(text.Path, StringComparison.Ordinal)))
                errors.Add(text.Path, "needs at least one of \"es\" and \"en\"");
            return result;
        }

        private int? Int(Node node, string name, int min, int max, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) errors.Add(node.ChildPath(name), "is required");
                return null;
            }
            var value = node.Child(name);
            if (value.Element.ValueKind == JsonValueKind.Number && value.Element.TryGetInt32(out var number) && number >= min && number <= max)
                return number;
            errors.Add(value.Path, $"{Show(value)} is not a whole number from {min} to {max}");
            return null;
        }

        private int? Count(Node node, string name) => Int(node, name, 0, 10_000);

        private bool? Bool(Node node, string name)
        {
            if (!Has(node, name)) return null;
            var value = node.Child(name);
            if (value.Element.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.Element.GetBoolean();
            errors.Add(value.Path, $"{Show(value)} is not true or false");
            return null;
        }

        private PartialDate? Date(Node node, string name, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) errors.Add(node.ChildPath(name), "is required");
                return null;
            }
            var value = node.Child(name);
            if (value.Element.ValueKind == JsonValueKind.String && PartialDate.TryParse(value.Element.GetString(), out var date))
                return date;
            errors.Add(value.Path, $"{Show(value)} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD with a real month and day");
            return null;
        }

        /// <summary>Reads two dates that bound a period; the end may not come before the start.</summary>
        private (PartialDate? From, PartialDate? To) Range(Node node, string fromName, string toName)
        {
            var from = Date(node, fromName);
            var to = Date(node, toName);
            if (from is not null && to is not null && to.Value.End < from.Value.Start)
                errors.Add(node.ChildPath(toName), $"{to} is before {fromName} {from}");
            return (from, to);
        }

        private TEnum? Enum<TEnum>(Node node, string name, bool required, IReadOnlyDictionary<string, TEnum> names) where TEnum : struct
        {
            var text = required ? String(node, name, true, 64) : String(node, name, false, 64);
            if (text is null) return null;
            if (names.TryGetValue(text, out var value)) return value;
            errors.Add(node.ChildPath(name), $"\"{text}\" is not allowed; expected one of {string.Join(", ", names.Keys)}");
            return null;
        }

        private void NoDuplicates(string path, List<string> values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
                if (values[i].Length > 0 && !seen.Add(values[i]))
                    errors.Add($"{path}[{i}]", $"\"{values[i]}\" is listed twice");
        }

        private static string Show(Node node) => node.Element.ValueKind == JsonValueKind.String
            ? JsonSerializer.Serialize(node.Element.GetString())
            : node.Element.GetRawText() is { Length: <= 40 } raw ? raw : Kind(node.Element);

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }

    internal static readonly IReadOnlyDictionary<string, DecisionRule> DecisionRules = new Dictionary<string, DecisionRule>
    {
        ["single-representative"] = DecisionRule.SingleRepresentative,
        ["unanimity"] = DecisionRule.Unanimity,
        ["majority"] = DecisionRule.Majority,
    };

    internal static readonly IReadOnlyDictionary<string, ParticipationStatus> ParticipationStatuses = new Dictionary<string, ParticipationStatus>
    {
        ["active"] = ParticipationStatus.Active,
        ["suspended"] = ParticipationStatus.Suspended,
        ["withdrawn"] = ParticipationStatus.Withdrawn,
    };

    internal static readonly IReadOnlyDictionary<string, PlanState> PlanStates = new Dictionary<string, PlanState>
    {
        ["co-creation"] = PlanState.CoCreation,
        ["implementation"] = PlanState.Implementation,
        ["closed"] = PlanState.Closed,
    };

    /// <summary>The document name of an enum value (the inverse of the tables above).</summary>
    internal static string NameOf<TEnum>(IReadOnlyDictionary<string, TEnum> names, TEnum value) where TEnum : struct =>
        names.First(pair => EqualityComparer<TEnum>.Default.Equals(pair.Value, value)).Key;
}
