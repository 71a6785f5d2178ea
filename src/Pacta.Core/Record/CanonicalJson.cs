using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Pacta.Core.Record;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that the record hashes
/// and signs. A strict reader (<see cref="Parse"/>), and writers from UTF-8 text, <see cref="JsonElement"/>
/// and <see cref="JsonNode"/>.
/// </summary>
/// <remarks>
/// System.Text.Json cannot be used to write it: its escaping differs (it escapes emoji, U+2028, and writes
/// <c>\u000F</c> in upper case) and its numbers are .NET's (<c>1E+21</c>). So values are walked here:
/// members sorted by the UTF-16 code units of their names, strings escaped only where RFC 8785 says,
/// numbers as ECMAScript writes them (<see cref="EcmaScriptNumber"/>). Anything without a canonical form
/// (a duplicate member name, a lone surrogate, NaN or Infinity, a number beyond a double) is refused with
/// a <see cref="CanonicalJsonException"/> naming where.
/// </remarks>
public static partial class CanonicalJson
{
    /// <summary>
    /// Parses strict JSON from UTF-8: no byte order mark, comments or trailing commas, valid UTF-8, no
    /// duplicate member names, no escaped lone surrogate, every number within a double. The caller disposes
    /// the document.
    /// </summary>
    /// <exception cref="CanonicalJsonException">The text is not strict JSON, or has no canonical form.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        var document = ParseSyntax(utf8Json);
        try
        {
            // The whole check is the canonical walk itself, so what Parse accepts the writers accept.
            new Writer(new ArrayBufferWriter<byte>(utf8Json.Length)).Value(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The canonical UTF-8 bytes of the JSON text <paramref name="utf8Json"/>, read as strictly as <see cref="Parse"/> does.</summary>
    /// <exception cref="CanonicalJsonException">The text is not strict JSON, or has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = ParseSyntax(utf8Json);
        var output = new ArrayBufferWriter<byte>(utf8Json.Length);
        new Writer(output).Value(document.RootElement);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/>.</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form (e.g. a duplicate member name from a lenient parse).</exception>
    public static byte[] Serialize(JsonElement value)
    {
        var output = new ArrayBufferWriter<byte>();
        Write(output, value);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="value"/> (<see langword="null"/> is JSON <c>null</c>).</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form (NaN, a lone surrogate in a string, …).</exception>
    public static byte[] Serialize(JsonNode? value)
    {
        var output = new ArrayBufferWriter<byte>();
        Write(output, value);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical UTF-8 bytes of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form; part of it may have been written.</exception>
    public static void Write(IBufferWriter<byte> output, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(output);
        new Writer(output).Value(value);
    }

    /// <summary>Writes the canonical UTF-8 bytes of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <exception cref="CanonicalJsonException">The value has no canonical form; part of it may have been written.</exception>
    public static void Write(IBufferWriter<byte> output, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(output);
        new Writer(output).Value(value);
    }

    private static JsonDocument ParseSyntax(ReadOnlyMemory<byte> utf8Json)
    {
        // System.Text.Json does not check the UTF-8 inside strings until they are read, and then only as
        // an exception without a place: check it first, to name the byte.
        var text = utf8Json.Span;
        if (!Utf8.IsValid(text))
        {
            var offset = 0;
            while (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
            throw new CanonicalJsonException("", $"{JsonErrors.Where(text, offset)}not valid UTF-8 (byte 0x{text[offset]:X2})");
        }

        try
        {
            // Duplicate member names are allowed through here on purpose: the walk refuses them with their
            // path, which JsonDocument's own refusal does not give.
            return JsonDocument.Parse(utf8Json, new JsonDocumentOptions
            {
                AllowDuplicateProperties = true,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}: " : "";
            throw new CanonicalJsonException("", $"{where}malformed JSON: {JsonErrors.FirstSentence(e.Message)}", e);
        }
    }


    /// <summary>One canonical walk. Keeps the path of the value being written, turned into text only for an error.</summary>
    private sealed class Writer(IBufferWriter<byte> output)
    {
        // A member name (string) or an array index (int) per level.
        private readonly List<object> path = [];

        public void Value(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(value);
                    break;
                case JsonValueKind.Array:
                    Raw("["u8);
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (index > 0) Raw(","u8);
                        path.Add(index++);
                        Value(item);
                        path.RemoveAt(path.Count - 1);
                    }
                    Raw("]"u8);
                    break;
                case JsonValueKind.String:
                    String(ReadString(value));
                    break;
                case JsonValueKind.Number:
                    // A double, as ECMAScript (and RFC 8785) read every JSON number: 1.0, 1e0 and 10E-1 are all "1".
                    if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
                        throw Error("the number is beyond the range of a double, so it has no canonical form");
                    Number(number);
                    break;
                case JsonValueKind.True:
                    Raw("true"u8);
                    break;
                case JsonValueKind.False:
                    Raw("false"u8);
                    break;
                case JsonValueKind.Null:
                    Raw("null"u8);
                    break;
                case JsonValueKind.Undefined:
                default:
                    throw Error("no value (a default JsonElement)");
            }
        }

        public void Value(JsonNode? value)
        {
            switch (value)
            {
                case null:
                    Raw("null"u8);
                    break;
                case JsonObject obj:
                    var members = new (string Name, JsonNode? Value)[obj.Count];
                    var i = 0;
                    foreach (var (name, member) in obj) members[i++] = (name, member);
                    Members(members, static (writer, node) => writer.Value(node));
                    break;
                case JsonArray array:
                    Raw("["u8);
                    for (var index = 0; index < array.Count; index++)
                    {
                        if (index > 0) Raw(","u8);
                        path.Add(index);
                        Value(array[index]);
                        path.RemoveAt(path.Count - 1);
                    }
                    Raw("]"u8);
                    break;
                case JsonValue leaf:
                    Leaf(leaf);
                    break;
                default:
                    throw Error($"an unknown kind of JsonNode ({value.GetType().Name})");
            }
        }

        private void Leaf(JsonValue value)
        {
            // A value parsed from text holds a JsonElement; one built in code holds a CLR value.
            if (value.TryGetValue(out JsonElement element)) Value(element);
            else if (value.TryGetValue(out string? text)) String(text);
            else if (value.TryGetValue(out bool flag)) Raw(flag ? "true"u8 : "false"u8);
            else if (value.TryGetValue(out double number)) Number(number);
            else if (value.TryGetValue(out int small)) Number(small);
            else if (value.TryGetValue(out long large)) Integer(large);
            else
            {
                // Anything else (decimal, float, Guid, DateTimeOffset, an enum, …) is written as System.Text.Json
                // writes it and read back, so it is canonicalized exactly as that text would be.
                var written = new ArrayBufferWriter<byte>();
                try
                {
                    using (var json = new Utf8JsonWriter(written)) value.WriteTo(json);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or JsonException)
                {
                    // E.g. float.NaN, which System.Text.Json refuses to write.
                    throw Error($"the value cannot be written as JSON: {e.Message}", e);
                }
                using var document = JsonDocument.Parse(written.WrittenMemory);
                Value(document.RootElement);
            }
        }

        private void Object(JsonElement value)
        {
            var members = new List<(string Name, JsonElement Value)>();
            foreach (var property in value.EnumerateObject())
            {
                string name;
                try
                {
                    name = property.Name;
                }
                catch (InvalidOperationException e)
                {
                    throw Error($"a member name is not text: {TextProblem(JsonMarshal.GetRawUtf8PropertyName(property))}", e);
                }
                members.Add((name, property.Value));
            }
            Members(members.ToArray(), static (writer, element) => writer.Value(element));
        }

        private void Members<T>((string Name, T Value)[] members, Action<Writer, T> write)
        {
            // RFC 8785 3.2.3: sorted by the UTF-16 code units of the names, which is what ordinal comparison does.
            Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            Raw("{"u8);
            for (var i = 0; i < members.Length; i++)
            {
                var (name, value) = members[i];
                path.Add(name);
                // Equal names end up side by side once sorted.
                if (i > 0 && string.Equals(members[i - 1].Name, name, StringComparison.Ordinal))
                    throw Error($"duplicate member name: \"{name}\" appears more than once in the same object");
                if (i > 0) Raw(","u8);
                String(name);
                Raw(":"u8);
                write(this, value);
                path.RemoveAt(path.Count - 1);
            }
            Raw("}"u8);
        }

        private string ReadString(JsonElement value)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException e)
            {
                throw Error($"the string is not text: {TextProblem(JsonMarshal.GetRawUtf8Value(value))}", e);
            }
        }

        // GetString throws for invalid UTF-8 (checked up front by Parse, but not in an element parsed elsewhere)
        // and for an escaped lone surrogate ("\ud800"), which no UTF-8 can hold; the raw bytes tell which.
        private static string TextProblem(ReadOnlySpan<byte> raw) =>
            Utf8.IsValid(raw) ? "it escapes half of a UTF-16 surrogate pair (\\uD800-\\uDFFF alone)" : "it is not valid UTF-8";

        private void Integer(long value)
        {
            // Parsed text follows RFC 8785 and rounds to a double, but a long built in code that a double cannot
            // hold exactly would put a different number in the record than in the database: refuse it.
            if (value is > MaxSafeInteger or < -MaxSafeInteger)
                throw Error($"the integer {value} is beyond ±(2^53 - 1), where a JSON number loses precision; write it as a string");
            Number(value);
        }

        private const long MaxSafeInteger = (1L << 53) - 1;

        private void Number(double value)
        {
            if (!double.IsFinite(value)) throw Error($"{value} has no JSON representation");
            var span = output.GetSpan(EcmaScriptNumber.MaxLength);
            output.Advance(EcmaScriptNumber.Format(value, span));
        }

        private void String(string value)
        {
            // Worst cases: a control character takes 6 bytes (\u001f), a BMP character 3, a surrogate pair 4 for 2 chars.
            var span = output.GetSpan(checked(value.Length * 6 + 2));
            var w = 0;
            span[w++] = (byte)'"';
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c < 0x80)
                {
                    if (c >= 0x20 && c != '"' && c != '\\')
                    {
                        span[w++] = (byte)c;
                        continue;
                    }
                    span[w++] = (byte)'\\';
                    switch (c)
                    {
                        case '"': span[w++] = (byte)'"'; break;
                        case '\\': span[w++] = (byte)'\\'; break;
                        case '\b': span[w++] = (byte)'b'; break;
                        case '\t': span[w++] = (byte)'t'; break;
                        case '\n': span[w++] = (byte)'n'; break;
                        case '\f': span[w++] = (byte)'f'; break;
                        case '\r': span[w++] = (byte)'r'; break;
                        default:
                            // RFC 8785 3.2.2.2: other control characters as \u00xx, hex in lower case.
                            span[w++] = (byte)'u';
                            span[w++] = (byte)'0';
                            span[w++] = (byte)'0';
                            span[w++] = (byte)"0123456789abcdef"[c >> 4];
                            span[w++] = (byte)"0123456789abcdef"[c & 0xF];
                            break;
                    }
                    continue;
                }

                Rune rune;
                if (!char.IsSurrogate(c)) rune = new Rune(c);
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    rune = new Rune(c, value[++i]);
                else
                    throw Error($"the string holds a lone surrogate (U+{(int)c:X4} at character {i}), which is not text");
                // Everything else, U+2028 and emoji included, is written as itself.
                w += rune.EncodeToUtf8(span[w..]);
            }
            span[w++] = (byte)'"';
            output.Advance(w);
        }

        private void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(output.GetSpan(bytes.Length));
            output.Advance(bytes.Length);
        }

        private CanonicalJsonException Error(string problem, Exception? inner = null) => new(PathText(), problem, inner);

        // Built only when there is an error to report, so the happy path pays nothing for it.
        private string PathText() => path.Aggregate("", (text, segment) =>
            segment is int index ? $"{text}[{index}]" : JsonErrors.Member(text, (string)segment));
    }
}
