using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
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

    private static readonly JsonReaderOptions JsonOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The error for a file of <paramref name="length"/> bytes, or null when it is small enough to read.</summary>
    /// <remarks>Public so that a caller can refuse a large file before reading it into memory.</remarks>
    public static DocumentError? CheckSize(string fileName, long length) => length > MaxBytes
        ? new DocumentError(fileName, "", $"the file is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; the limit is {MaxBytes.ToString("N0", CultureInfo.InvariantCulture)}")
        : null;

    public static (ForumDocument? Document, IReadOnlyList<DocumentError> Errors) Read(string fileName, byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var errors = new Errors(fileName);
        if (CheckSize(fileName, utf8.Length) is { } tooLarge) return (null, [tooLarge]);

        // A byte-order mark says nothing in UTF-8; editors on Windows still write one, so it is skipped rather than refused.
        ReadOnlyMemory<byte> json = utf8;
        if (json.Span.StartsWith(Utf8ByteOrderMark)) json = json[Utf8ByteOrderMark.Length..];

        // Strict UTF-8: a file with invalid bytes is refused rather than stored with replacement characters.
        var status = Utf8.ToUtf16(json.Span, new char[json.Length], out var valid, out _, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            errors.Add("", $"{JsonErrors.Where(json.Span, valid)}the file is not valid UTF-8 (byte 0x{json.Span[valid]:X2})");
            return (null, errors.List);
        }

        if (!JsonScan.Check(json.Span, errors)) return (null, errors.List);
        // The scan has read every token with the same options, so parsing cannot fail here.
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonOptions.MaxDepth, AllowDuplicateProperties = false });
        var result = new Reader(errors).Document(new Node(document.RootElement, ""));
        return errors.List.Count == 0 ? (result, errors.List) : (null, errors.List);
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];


    /// <summary>
    /// Reads every token once before the document is parsed, keeping track of the JSON path, because
    /// <see cref="JsonDocument"/> reports a syntax error, a duplicate field or a broken escape without one.
    /// </summary>
    private static class JsonScan
    {
        private sealed class Frame(bool isArray)
        {
            public bool IsArray { get; } = isArray;
            public int Index { get; set; } = -1;
            public string? Name { get; set; }
            public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
        }

        public static bool Check(ReadOnlySpan<byte> json, Errors errors)
        {
            var count = errors.List.Count;
            var frames = new List<Frame>();
            var reader = new Utf8JsonReader(json, JsonOptions);
            try
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            var frame = frames[^1];
                            frame.Name = reader.GetString()!;
                            if (!frame.Names.Add(frame.Name))
                                errors.Add(PathOf(frames), $"duplicate field: \"{frame.Name}\" appears more than once in the same object");
                            break;
                        case JsonTokenType.StartObject or JsonTokenType.StartArray:
                            NextElement(frames);
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                            break;
                        case JsonTokenType.EndObject or JsonTokenType.EndArray:
                            frames.RemoveAt(frames.Count - 1);
                            break;
                        case JsonTokenType.String:
                            NextElement(frames);
                            // Throws for an escaped lone surrogate ("\ud800"), which no UTF-8 text can hold.
                            _ = reader.GetString();
                            break;
                        default:
                            NextElement(frames);
                            break;
                    }
                }
            }
            catch (JsonException e)
            {
                var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}: " : "";
                errors.Add(PathOf(frames), $"{where}malformed JSON: {JsonErrors.FirstSentence(e.Message)}");
            }
            catch (InvalidOperationException)
            {
                errors.Add(PathOf(frames), $"{JsonErrors.Where(json, reader.TokenStartIndex)}the string escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF alone), which is not text");
            }
            return errors.List.Count == count;
        }

        private static void NextElement(List<Frame> frames)
        {
            if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
        }

        private static string PathOf(List<Frame> frames)
        {
            var path = "";
            foreach (var frame in frames)
            {
                if (frame.IsArray && frame.Index >= 0) path += $"[{frame.Index}]";
                else if (!frame.IsArray && frame.Name is not null) path = JsonErrors.Member(path, frame.Name);
            }
            return path;
        }
    }

    private sealed class Errors(string file)
    {
        public List<DocumentError> List { get; } = [];
        public void Add(string path, string problem) => List.Add(new DocumentError(file, path, problem));
    }

    private readonly record struct Node(JsonElement Element, string Path)
    {
        public Node Child(string name) => new(Element.GetProperty(name), ChildPath(name));
        public string ChildPath(string name) => JsonErrors.Member(Path, name);
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
            if (!Fields(root, DocumentFields.Document)) return null;
            var format = String(root, "format", required: true, MaxTitle);
            if (format is null) return null;
            if (format != ForumDocument.Format)
            {
                // Another format's fields would only produce noise: say what the file is and stop.
                errors.Add("format", $"\"{format}\" is not a format Pacta reads; expected \"{ForumDocument.Format}\"");
                return null;
            }

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
            Fields(node, DocumentFields.Member);
            var kind = String(node, "kind", required: false, 32);
            if (kind is not null and not ("national" or "local"))
                errors.Add(node.ChildPath("kind"), $"\"{kind}\" is not an OGP member kind; expected \"national\" or \"local\"");
            return new MemberPart(Text(node, "name", MaxTitle), kind, Int(node, "ogpMemberSince", 2011, 2100), Bool(node, "foundingMember"));
        }

        private (ForumPart Part, List<OrganizationPart> Organizations) Forum(Node node)
        {
            Fields(node, DocumentFields.Forum);
            var name = Text(node, "name", MaxTitle, required: true);
            var organizations = new List<OrganizationPart>();
            var parties = Array(node, "parties", p => Party(p, organizations), required: true);
            if (parties.Count is < 2 or > 5 && Has(node, "parties") && node.Element.GetProperty("parties").ValueKind == JsonValueKind.Array)
                errors.Add(node.ChildPath("parties"), $"a forum has 2 to 5 parties; this one has {parties.Count}");
            return (new ForumPart(name, Text(node, "formerName", MaxTitle), parties), organizations);
        }

        private PartyPart Party(Node node, List<OrganizationPart> organizations)
        {
            Fields(node, DocumentFields.Party);
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
            Fields(node, DocumentFields.TopLevelOrganization);
            var party = Key(node, "party") ?? "";
            return Organization(node, party, node.ChildPath("party"), position: int.MaxValue, checkFields: false);
        }

        private OrganizationPart Organization(Node node, string partyKey, string partyPath, int position, bool checkFields = true)
        {
            if (checkFields) Fields(node, DocumentFields.Organization);
            var shortName = String(node, "short", required: true, 128) ?? "";
            if (shortName.Length > 0 && !_organizationPaths.TryAdd(shortName, node.ChildPath("short")))
                errors.Add(node.ChildPath("short"), $"duplicate organisation \"{shortName}\" (first at {_organizationPaths[shortName]})");
            var fictional = Bool(node, "fictional") == true;
            return new OrganizationPart(node.Path, partyKey, partyPath, shortName, Text(node, "name", MaxTitle, required: true), fictional, position);
        }

        private ParticipationPart Participation(Node node)
        {
            Fields(node, DocumentFields.ParticipationEvent);
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
            Fields(node, DocumentFields.Plan);
            var number = Int(node, "number", 1, 999, required: true) ?? 0;
            var period = Optional(node, "period", p =>
            {
                Fields(p, DocumentFields.Period);
                var (from, to) = Range(p, "from", "to");
                var extendedTo = Date(p, "extendedTo");
                if (extendedTo is not null && (to ?? from) is { } end && extendedTo.Value.End < end.Start)
                    errors.Add(p.ChildPath("extendedTo"), $"{extendedTo} is before {(to is null ? "from" : "to")} {end}: an extension ends later");
                return (From: from, To: to, ExtendedTo: extendedTo);
            });
            var cocreation = Optional(node, "cocreation", c =>
            {
                Fields(c, DocumentFields.Cocreation);
                var consultation = Optional(c, "consultation", k =>
                {
                    Fields(k, DocumentFields.Consultation);
                    return Range(k, "from", "to");
                });
                return (consultation?.From, consultation?.To, Online: Int(c, "onlineParticipants", 0, 100_000_000), InPerson: Int(c, "inPersonParticipants", 0, 100_000_000));
            });
            var irm = Optional(node, "irm", i =>
            {
                Fields(i, DocumentFields.Irm);
                var results = Optional(i, "earlyResults", r =>
                {
                    Fields(r, DocumentFields.EarlyResults);
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
            Fields(node, DocumentFields.Commitment);
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
            Fields(node, DocumentFields.Milestone);
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
        private bool Fields(Node node, IReadOnlyList<string> allowed)
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

        /// <summary>Reports a missing required field, unless its parent is not an object (already reported).</summary>
        private void Missing(Node node, string name, string problem = "is required")
        {
            if (node.Element.ValueKind == JsonValueKind.Object) errors.Add(node.ChildPath(name), problem);
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
                if (required) Missing(node, name);
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
                if (required) Missing(node, name);
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
                Missing(node, name);
                return null;
            }
            return StringValue(node.Child(name), 64, kebab: true);
        }

        private LocalizedText Text(Node node, string name, int maxLength, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) Missing(node, name, "is required (an object with \"es\" and \"en\", either may be null)");
                return LocalizedText.Unknown;
            }
            var text = node.Child(name);
            if (!Fields(text, DocumentFields.Text)) return LocalizedText.Unknown;
            var result = new LocalizedText(String(text, "es", false, maxLength), String(text, "en", false, maxLength));
            if (required && result.IsUnknown && errors.List.All(e => !e.Path.StartsWith(text.Path, StringComparison.Ordinal)))
                errors.Add(text.Path, "needs at least one of \"es\" and \"en\"");
            return result;
        }

        private int? Int(Node node, string name, int min, int max, bool required = false)
        {
            if (!Has(node, name))
            {
                if (required) Missing(node, name);
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
                if (required) Missing(node, name);
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

    /// <summary>
    /// The fields each kind of object may have, by the name of its definition in
    /// docs/forum-document.schema.json (<c>Document</c> is the top level); a test holds the two equal.
    /// </summary>
    internal static class DocumentFields
    {
        public static readonly IReadOnlyList<string> Document = ["format", "note", "member", "forum", "organizations", "participationEvents", "plans"];
        public static readonly IReadOnlyList<string> Member = ["name", "kind", "ogpMemberSince", "foundingMember"];
        public static readonly IReadOnlyList<string> Forum = ["name", "formerName", "parties"];
        public static readonly IReadOnlyList<string> Party = ["key", "name", "decisionRule", "organizations"];
        public static readonly IReadOnlyList<string> Organization = ["short", "name", "fictional"];
        public static readonly IReadOnlyList<string> TopLevelOrganization = ["party", "short", "name", "fictional"];
        public static readonly IReadOnlyList<string> ParticipationEvent = ["date", "party", "status", "source", "grounds"];
        public static readonly IReadOnlyList<string> Plan = ["number", "title", "period", "state", "fictional", "source", "cocreation", "irm", "commitments"];
        public static readonly IReadOnlyList<string> Period = ["from", "to", "extendedTo"];
        public static readonly IReadOnlyList<string> Cocreation = ["consultation", "onlineParticipants", "inPersonParticipants"];
        public static readonly IReadOnlyList<string> Consultation = ["from", "to"];
        public static readonly IReadOnlyList<string> Irm = ["relevantToOgpValues", "transformative", "earlyResults"];
        public static readonly IReadOnlyList<string> EarlyResults = ["marginal", "major", "outstanding", "noEvidence"];
        public static readonly IReadOnlyList<string> Commitment =
            ["code", "title", "policyArea", "problem", "statusQuo", "objective", "ogpValues", "lead", "supporting", "start", "end", "shortTermDeadline", "verifiable", "milestones"];
        public static readonly IReadOnlyList<string> Milestone = ["title", "responsible", "start", "end", "weight"];
        public static readonly IReadOnlyList<string> Text = ["es", "en"];
    }

    internal static readonly IReadOnlyDictionary<string, DecisionRule> DecisionRules = PublicNames.All<DecisionRule>(PublicNames.Name);
    internal static readonly IReadOnlyDictionary<string, ParticipationStatus> ParticipationStatuses = PublicNames.All<ParticipationStatus>(PublicNames.Name);
    internal static readonly IReadOnlyDictionary<string, PlanState> PlanStates = PublicNames.All<PlanState>(PublicNames.Name);
}
