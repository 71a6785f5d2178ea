using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Pacta.Core.Record;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// Replays the record's events, in index order, into the public state they establish, and collects every
/// entry that cannot be replayed as it is (<see cref="Problems"/>, each naming its index).
/// </summary>
/// <remarks>
/// <para>
/// Each entry must be exactly its RFC 8785 canonical form (the bytes that were hashed are the event; a
/// second spelling of it would be a second event), a JSON object of <c>type</c>, <c>time</c>, <c>actor</c>,
/// <c>subject</c> and <c>data</c>, of a known type whose <c>data</c> has every member that type carries and
/// no other (<see cref="EventShapes"/>), whose subject is the one its data make, and which refers only to
/// entities an earlier entry created (a commitment's plan and institutions, an organisation's or a
/// participation change's party).
/// </para>
/// <para>
/// An event's data is the complete public state of its subject, so the latest one about a subject is its
/// state. Entries that are not canonical but otherwise sound, and entries that refer to an entity no earlier
/// entry created, still set their subject's state (so the comparison with the portal stays meaningful);
/// entries of no known shape do not.
/// </para>
/// <para>
/// Built to be called a million times: one parse per entry into buffers reused across entries, subjects
/// looked up without allocating a string; an entity's state is copied into a buffer it keeps.
/// </para>
/// </remarks>
public sealed class PublicStateReplay
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // Duplicates are let through so that the canonical walk refuses them naming where they are.
        AllowDuplicateProperties = true,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly Dictionary<string, ReplayedEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplayedEntity>.AlternateLookup<ReadOnlySpan<char>> _bySubject;
    private readonly List<ReplayProblem> _problems = [];
    private readonly ArrayBufferWriter<byte> _canonical = new(4096);
    private readonly List<(string? Name, int Index)> _path = [];
    private byte[] _entry = new byte[4096];
    private byte[] _subject = new byte[256];
    private char[] _chars = new char[256];

    public PublicStateReplay()
    {
        _bySubject = _entities.GetAlternateLookup<ReadOnlySpan<char>>();
        State = new PublicState(_entities);
    }

    /// <summary>How many entries have been applied; the next one's index.</summary>
    public long Count { get; private set; }

    /// <summary>The entries that could not be replayed as they are, in index order.</summary>
    public IReadOnlyList<ReplayProblem> Problems => _problems;

    /// <summary>The state so far (the same object throughout; it grows as entries are applied).</summary>
    public PublicState State { get; }

    /// <summary>Applies entry <paramref name="index"/>; entries come in index order from 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not <see cref="Count"/>.</exception>
    public void Apply(long index, ReadOnlySpan<byte> eventBytes)
    {
        if (index != Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"Entries are replayed in index order; the next is {Count}.");
        Count++;

        // JsonDocument reads from memory, not a span: one buffer, reused, outlives nothing but this call.
        if (_entry.Length < eventBytes.Length) _entry = new byte[Math.Max(eventBytes.Length, _entry.Length * 2)];
        eventBytes.CopyTo(_entry);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_entry.AsMemory(0, eventBytes.Length), Options);
        }
        catch (JsonException e)
        {
            Problem(index, $"is not JSON: {Where(e)}{JsonErrors.FirstSentence(e.Message)}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            _canonical.ResetWrittenCount();
            try
            {
                CanonicalJson.Write(_canonical, root);
            }
            catch (CanonicalJsonException e)
            {
                // A duplicate member or a string that is not text: there is no one meaning to replay.
                Problem(index, $"is not canonical JSON: it has no canonical form ({e.Message})");
                return;
            }
            var written = _canonical.WrittenSpan;
            if (!written.SequenceEqual(eventBytes))
            {
                var at = written.CommonPrefixLength(eventBytes);
                Problem(index, $"is not canonical JSON (RFC 8785): it differs from its canonical form from byte {at}");
            }
            Replay(index, root);
        }
    }

    private void Replay(long index, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem(index, $"is not an event: a JSON object is expected, not {Describe(root.ValueKind)}");
            return;
        }

        JsonElement type = default, time = default, actor = default, subject = default, data = default;
        foreach (var member in root.EnumerateObject())
        {
            if (member.NameEquals("type"u8)) type = member.Value;
            else if (member.NameEquals("time"u8)) time = member.Value;
            else if (member.NameEquals("actor"u8)) actor = member.Value;
            else if (member.NameEquals("subject"u8)) subject = member.Value;
            else if (member.NameEquals("data"u8)) data = member.Value;
            else Problem(index, $"has a member \"{member.Name}\" that no event has");
        }

        var sound = Member(index, "type", type, JsonValueKind.String)
            & Member(index, "time", time, JsonValueKind.String)
            & Member(index, "actor", actor, JsonValueKind.Object)
            & Member(index, "subject", subject, JsonValueKind.String)
            & Member(index, "data", data, JsonValueKind.Object);
        if (time.ValueKind == JsonValueKind.String && !IsTime(time))
            Problem(index, $"time \"{time.GetString()}\" is not a UTC time in RFC 3339 ending in Z");
        if (!sound) return;

        EntityKind kind;
        EventShape shape;
        if (type.ValueEquals("commitment.imported"u8)) (kind, shape) = (EntityKind.Commitment, EventShapes.Commitment);
        else if (type.ValueEquals("organization.imported"u8)) (kind, shape) = (EntityKind.Organization, EventShapes.Organization);
        else if (type.ValueEquals("party.imported"u8)) (kind, shape) = (EntityKind.Party, EventShapes.Party);
        else if (type.ValueEquals("participation.changed"u8)) (kind, shape) = (EntityKind.Participation, EventShapes.Participation);
        else if (type.ValueEquals("plan.imported"u8)) (kind, shape) = (EntityKind.Plan, EventShapes.Plan);
        else if (type.ValueEquals("forum.imported"u8)) (kind, shape) = (EntityKind.Forum, EventShapes.Forum);
        else
        {
            Problem(index, $"has an unknown event type \"{type.GetString()}\"");
            return;
        }

        _path.Clear();
        _path.Add(("data", -1));
        if (!Conforms(index, type, data, shape)) return;
        if (!SubjectMatches(index, kind, subject, data)) return;

        CheckReferences(index, kind, data);

        var rawData = JsonMarshal.GetRawUtf8Value(data);
        var subjectChars = Chars(subject, out var subjectText);
        if (_bySubject.TryGetValue(subjectChars, out var entity)) entity.Set(index, rawData);
        else
        {
            subjectText ??= subjectChars.ToString();
            _entities.Add(subjectText, new ReplayedEntity(subjectText, kind, index, rawData));
        }
    }

    private bool Member(long index, string name, JsonElement value, JsonValueKind kind)
    {
        if (value.ValueKind == JsonValueKind.Undefined) Problem(index, $"has no \"{name}\" member");
        else if (value.ValueKind != kind) Problem(index, $"{name} must be {Describe(kind)}, not {Describe(value.ValueKind)}");
        else return true;
        return false;
    }

    /// <summary>Whether <paramref name="value"/> has <paramref name="shape"/>, reporting every place where it does not.</summary>
    private bool Conforms(long index, JsonElement type, JsonElement value, EventShape shape)
    {
        if (!shape.KindMatches(value))
        {
            Problem(index, $"{PathText()} must be {shape.KindName}, not {Describe(value)} (in a {type.GetString()} event)");
            return false;
        }
        var sound = true;
        if (value.ValueKind == JsonValueKind.Object)
        {
            // Every shape has fewer than 32 members: one bit each for "seen".
            var seen = 0;
            foreach (var member in value.EnumerateObject())
            {
                var i = shape.IndexOf(member);
                if (i < 0)
                {
                    _path.Add((member.Name, -1));
                    Problem(index, $"{PathText()} is not a member of a {type.GetString()} event");
                    _path.RemoveAt(_path.Count - 1);
                    sound = false;
                    continue;
                }
                seen |= 1 << i;
                _path.Add((shape.Members[i].Name, -1));
                sound &= Conforms(index, type, member.Value, shape.Members[i].Shape);
                _path.RemoveAt(_path.Count - 1);
            }
            for (var i = 0; i < shape.Members.Length; i++)
            {
                if ((seen & (1 << i)) != 0) continue;
                _path.Add((shape.Members[i].Name, -1));
                Problem(index, $"{PathText()} is missing (a {type.GetString()} event carries it, null when unknown)");
                _path.RemoveAt(_path.Count - 1);
                sound = false;
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                _path.Add((null, i++));
                sound &= Conforms(index, type, item, shape.Item!);
                _path.RemoveAt(_path.Count - 1);
            }
        }
        return sound;
    }

    /// <summary>Whether the subject is the one the data make (<c>commitment/</c> and the code, …), compared as raw UTF-8.</summary>
    private bool SubjectMatches(long index, EntityKind kind, JsonElement subject, JsonElement data)
    {
        var length = 0;
        Append(ref length, "\""u8);
        switch (kind)
        {
            case EntityKind.Forum:
                Append(ref length, "forum"u8);
                break;
            case EntityKind.Party:
                Append(ref length, "party/"u8);
                AppendInner(ref length, data.GetProperty("key"u8));
                break;
            case EntityKind.Organization:
                Append(ref length, "organization/"u8);
                AppendInner(ref length, data.GetProperty("shortName"u8));
                break;
            case EntityKind.Participation:
                Append(ref length, "participation/"u8);
                AppendInner(ref length, data.GetProperty("party"u8));
                Append(ref length, "/"u8);
                AppendInner(ref length, data.GetProperty("date"u8));
                Append(ref length, "/"u8);
                AppendInner(ref length, data.GetProperty("status"u8));
                break;
            case EntityKind.Plan:
                Append(ref length, "plan/"u8);
                Reserve(length + 11);
                Utf8Formatter.TryFormat(data.GetProperty("number"u8).GetInt32(), _subject.AsSpan(length), out var digits);
                length += digits;
                break;
            case EntityKind.Commitment:
                Append(ref length, "commitment/"u8);
                AppendInner(ref length, data.GetProperty("code"u8));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
        Append(ref length, "\""u8);

        var expected = _subject.AsSpan(0, length);
        if (expected.SequenceEqual(JsonMarshal.GetRawUtf8Value(subject))) return true;
        using var document = JsonDocument.Parse(expected.ToArray());
        Problem(index, $"its subject \"{subject.GetString()}\" is not the one its data make, \"{document.RootElement.GetString()}\"");
        return false;
    }

    private void CheckReferences(long index, EntityKind kind, JsonElement data)
    {
        switch (kind)
        {
            case EntityKind.Organization:
            case EntityKind.Participation:
                Refers(index, "data.party", -1, null, "party/", data.GetProperty("party"u8));
                break;
            case EntityKind.Commitment:
                var plan = data.GetProperty("plan"u8).GetInt32();
                Span<char> planSubject = stackalloc char[16];
                "plan/".CopyTo(planSubject);
                plan.TryFormat(planSubject[5..], out var digits, default, CultureInfo.InvariantCulture);
                if (!_bySubject.ContainsKey(planSubject[..(5 + digits)]))
                    Problem(index, $"data.plan names {planSubject[..(5 + digits)]}, which no earlier entry created");
                Refers(index, "data.leadInstitution", -1, null, "organization/", data.GetProperty("leadInstitution"u8));
                var i = 0;
                foreach (var institution in data.GetProperty("supportingInstitutions"u8).EnumerateArray())
                    Refers(index, "data.supportingInstitutions", i++, null, "organization/", institution);
                i = 0;
                foreach (var milestone in data.GetProperty("milestones"u8).EnumerateArray())
                    Refers(index, "data.milestones", i++, ".responsibleInstitution", "organization/", milestone.GetProperty("responsibleInstitution"u8));
                break;
            case EntityKind.Forum:
            case EntityKind.Party:
            case EntityKind.Plan:
            default:
                break;
        }
    }

    /// <summary>Reports <paramref name="name"/> (at <c>member[item]after</c>) when no earlier entry created <c>prefix + name</c>.</summary>
    private void Refers(long index, string member, int item, string? after, string prefix, JsonElement name)
    {
        if (name.ValueKind != JsonValueKind.String) return;
        var inner = JsonMarshal.GetRawUtf8Value(name)[1..^1];
        var length = prefix.Length + Encoding.UTF8.GetMaxCharCount(inner.Length);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        prefix.CopyTo(_chars);
        int written;
        if (inner.IndexOf((byte)'\\') < 0) written = prefix.Length + Encoding.UTF8.GetChars(inner, _chars.AsSpan(prefix.Length));
        else
        {
            var text = prefix + name.GetString();
            if (_chars.Length < text.Length) _chars = new char[text.Length];
            text.CopyTo(_chars);
            written = text.Length;
        }
        var referred = _chars.AsSpan(0, written);
        if (!_bySubject.ContainsKey(referred))
        {
            // The path is only written out for a problem: a million entries of many institutions each stay allocation-free.
            var path = item < 0 ? member : string.Create(CultureInfo.InvariantCulture, $"{member}[{item}]{after}");
            Problem(index, $"{path} names {referred}, which no earlier entry created");
        }
    }

    /// <summary>The subject as characters, decoded into a reused buffer; <paramref name="text"/> is set only when it had to be allocated.</summary>
    private ReadOnlySpan<char> Chars(JsonElement value, out string? text)
    {
        var inner = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (inner.IndexOf((byte)'\\') >= 0)
        {
            text = value.GetString()!;
            return text;
        }
        text = null;
        var length = Encoding.UTF8.GetMaxCharCount(inner.Length);
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        return _chars.AsSpan(0, Encoding.UTF8.GetChars(inner, _chars));
    }

    private void Append(ref int length, ReadOnlySpan<byte> bytes)
    {
        Reserve(length + bytes.Length);
        bytes.CopyTo(_subject.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Appends a string value's raw bytes without its quotes: escapes stay escaped, as in the subject's raw bytes.</summary>
    private void AppendInner(ref int length, JsonElement value) => Append(ref length, JsonMarshal.GetRawUtf8Value(value)[1..^1]);

    private void Reserve(int length)
    {
        if (_subject.Length < length) Array.Resize(ref _subject, Math.Max(length, _subject.Length * 2));
    }

    private static bool IsTime(JsonElement time)
    {
        var raw = JsonMarshal.GetRawUtf8Value(time)[1..^1];
        Span<char> chars = stackalloc char[40];
        if (raw.Length > chars.Length || raw.IndexOf((byte)'\\') >= 0) return false;
        var n = Encoding.UTF8.GetChars(raw, chars);
        return DateTime.TryParseExact(chars[..n], "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
    }

    private string PathText() =>
        _path.Aggregate("", (text, segment) => segment.Name is null
            ? string.Create(CultureInfo.InvariantCulture, $"{text}[{segment.Index}]")
            : JsonErrors.Member(text, segment.Name));

    private void Problem(long index, string message) => _problems.Add(new ReplayProblem(index, message));

    private static string Where(JsonException e) =>
        e.BytePositionInLine is { } column && e.LineNumber is { } line ? $"line {line + 1}, column {column + 1}: " : "";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "the number " + value.GetRawText(),
        var kind => Describe(kind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        _ => kind.ToString(),
    };
}
