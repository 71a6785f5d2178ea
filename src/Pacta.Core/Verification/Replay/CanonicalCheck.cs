using System.Text.Json;
using System.Text.Unicode;
using Pacta.Core.Record;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// Whether UTF-8 bytes are exactly their RFC 8785 canonical form, in one pass and without allocating:
/// the answer <c>CanonicalJson.Canonicalize(bytes)</c> equals <c>bytes</c> gives, at a fraction of its cost.
/// On the way it notes where the top-level members of an event are (<see cref="EventLayout"/>).
/// </summary>
/// <remarks>
/// A verifier checks this for every entry of the record, a million times in one run, and the canonical
/// writer builds a string per value to do it. The conditions, together exactly the canonical form: valid
/// JSON (System.Text.Json's reader, no comments or trailing commas); no whitespace between tokens; strings
/// valid UTF-8 with only RFC 8785's escapes (<c>\" \\ \b \t \n \f \r</c>, other controls as lower-case
/// <c>\u00xx</c>); numbers as ECMAScript writes their double; members in the order of the UTF-16 code
/// units of their names, none twice. Callers that find bytes not canonical ask <see cref="CanonicalJson"/>
/// why (the tests hold the two to the same answers).
/// </remarks>
internal sealed class CanonicalCheck
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    // Per open object: where its previous member's name is, for the order check.
    private readonly List<NameLevel> _levels = [];

    public bool IsCanonical(ReadOnlySpan<byte> utf8, EventLayout layout)
    {
        layout.Clear();
        var reader = new Utf8JsonReader(utf8, Options);
        var depth = 0;
        long end = 0;
        var member = EventMember.None;
        long valueStart = -1;
        try
        {
            while (reader.Read())
            {
                var start = reader.TokenStartIndex;
                // Between two tokens there is nothing, or the one comma the syntax needs; the colon is part of the name.
                if (start != end && (start != end + 1 || utf8[(int)end] != (byte)',')) return false;
                var span = reader.ValueSpan;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        if (depth == 0) layout.RootIsObject = true;
                        while (_levels.Count <= depth) _levels.Add(new NameLevel());
                        _levels[depth++].Length = -1;
                        break;
                    case JsonTokenType.EndObject:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        if (reader.BytesConsumed != start + span.Length + 3) return false;
                        if (!IsCanonicalString(span, reader.ValueIsEscaped)) return false;
                        if (!InOrder(_levels[depth - 1], utf8, (int)start + 1, span.Length, ref reader)) return false;
                        if (depth == 1)
                        {
                            member = EventLayout.MemberOf(span);
                            if (member == EventMember.Unknown) layout.Unknown.Add(((int)start + 1, span.Length));
                            valueStart = -1;
                        }
                        break;
                    case JsonTokenType.String:
                        if (!IsCanonicalString(span, reader.ValueIsEscaped)) return false;
                        break;
                    case JsonTokenType.Number:
                        if (!IsCanonicalNumber(ref reader, span)) return false;
                        break;
                    case JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                    case JsonTokenType.Null:
                    case JsonTokenType.None:
                    case JsonTokenType.Comment:
                    default:
                        break;
                }
                end = reader.BytesConsumed;
                if (member != EventMember.None && reader.TokenType != JsonTokenType.PropertyName)
                {
                    if (valueStart < 0) valueStart = start;
                    // Back at the root object's level: the member's value is complete.
                    if (depth == 1)
                    {
                        layout.Set(member, (int)valueStart, (int)(end - valueStart));
                        member = EventMember.None;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return end == utf8.Length && utf8.Length > 0;
    }

    private static bool IsCanonicalString(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!Utf8.IsValid(raw)) return false;
        if (!escaped) return true;
        var i = raw.IndexOf((byte)'\\');
        while (i >= 0)
        {
            if (i + 1 >= raw.Length) return false;
            switch (raw[i + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'t' or (byte)'n' or (byte)'f' or (byte)'r':
                    i += 2;
                    break;
                case (byte)'u':
                    // Only the control characters without a short escape, as \u00 and two lower-case hex digits.
                    if (i + 5 >= raw.Length || raw[i + 2] != (byte)'0' || raw[i + 3] != (byte)'0' || raw[i + 4] is not ((byte)'0' or (byte)'1'))
                        return false;
                    var last = raw[i + 5];
                    if (!char.IsAsciiDigit((char)last) && last is < (byte)'a' or > (byte)'f') return false;
                    var value = ((raw[i + 4] - '0') << 4) | (last <= '9' ? last - '0' : last - 'a' + 10);
                    if (value is 0x08 or 0x09 or 0x0A or 0x0C or 0x0D) return false;
                    i += 6;
                    break;
                default:
                    return false;
            }
            var next = raw[i..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + next;
        }
        return true;
    }

    private static bool IsCanonicalNumber(ref Utf8JsonReader reader, ReadOnlySpan<byte> raw)
    {
        // The common case, a small whole number: ECMAScript writes every integer below 2^53 as its digits.
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        if (digits.Length is > 0 and <= 15 && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            return digits[0] != (byte)'0' || (digits.Length == 1 && raw.Length == 1);

        if (!reader.TryGetDouble(out var number) || !double.IsFinite(number)) return false;
        Span<byte> canonical = stackalloc byte[EcmaScriptNumber.MaxLength];
        var length = EcmaScriptNumber.Format(number, canonical);
        return canonical[..length].SequenceEqual(raw);
    }

    /// <summary>Whether the name at <paramref name="start"/> sorts after the previous member's (RFC 8785 3.2.3).</summary>
    private static bool InOrder(NameLevel level, ReadOnlySpan<byte> utf8, int start, int length, ref Utf8JsonReader reader)
    {
        var name = utf8.Slice(start, length);
        // UTF-8 bytes sort as code points, UTF-16 code units as RFC 8785 wants; the two differ only between
        // a character above U+FFFF and one from U+E000 (lead bytes from 0xEE), and escapes sort by what they
        // stand for: names with either are compared as UTF-16.
        var plain = !reader.ValueIsEscaped && name.IndexOfAnyInRange((byte)0xEE, (byte)0xFF) < 0;
        if (level.Length >= 0)
        {
            var previous = utf8.Slice(level.Start, level.Length);
            var order = plain && level.Plain
                ? name.SequenceCompareTo(previous)
                : Utf16(name, ref reader).AsSpan().SequenceCompareTo(Unescape(previous));
            if (order <= 0) return false;
        }
        level.Start = start;
        level.Length = length;
        level.Plain = plain;
        return true;
    }

    private static string Utf16(ReadOnlySpan<byte> raw, ref Utf8JsonReader reader) =>
        raw.IndexOf((byte)'\\') < 0 ? System.Text.Encoding.UTF8.GetString(raw) : reader.GetString()!;

    // Rare (a name with an escaped control character): a small parse is simpler than unescaping by hand.
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'\\') < 0) return System.Text.Encoding.UTF8.GetString(raw);
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
    }

    private sealed class NameLevel
    {
        public int Start;
        public int Length = -1;
        public bool Plain;
    }
}

/// <summary>The five members of an event, as <see cref="EventLayout"/> finds them.</summary>
internal enum EventMember
{
    None,
    Actor,
    Data,
    Subject,
    Time,
    Type,
    Unknown,
}

/// <summary>Where an entry's top-level members are: byte ranges of their values (strings with their quotes).</summary>
internal sealed class EventLayout
{
    public bool RootIsObject { get; set; }
    public (int Start, int Length) Actor;
    public (int Start, int Length) Data;
    public (int Start, int Length) Subject;
    public (int Start, int Length) Time;
    public (int Start, int Length) Type;

    /// <summary>Names (raw, without quotes) of members no event has.</summary>
    public List<(int Start, int Length)> Unknown { get; } = [];

    public void Clear()
    {
        RootIsObject = false;
        Actor = Data = Subject = Time = Type = (0, -1);
        Unknown.Clear();
    }

    public static EventMember MemberOf(ReadOnlySpan<byte> rawName) =>
        rawName.SequenceEqual("actor"u8) ? EventMember.Actor
        : rawName.SequenceEqual("data"u8) ? EventMember.Data
        : rawName.SequenceEqual("subject"u8) ? EventMember.Subject
        : rawName.SequenceEqual("time"u8) ? EventMember.Time
        : rawName.SequenceEqual("type"u8) ? EventMember.Type
        : EventMember.Unknown;

    public void Set(EventMember member, int start, int length)
    {
        switch (member)
        {
            case EventMember.Actor: Actor = (start, length); break;
            case EventMember.Data: Data = (start, length); break;
            case EventMember.Subject: Subject = (start, length); break;
            case EventMember.Time: Time = (start, length); break;
            case EventMember.Type: Type = (start, length); break;
            case EventMember.None:
            case EventMember.Unknown:
            default:
                break;
        }
    }
}
