using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Core.Record;

namespace Pacta.Core.Tests.Record;

/// <summary>
/// RFC 8785 against the vectors in testdata/jcs (see its SOURCE.md): the reference implementation's
/// input/output files byte for byte, the RFC's number table, and the ES6 number "mega-test" regenerated
/// here and checked against its published SHA-256.
/// </summary>
public sealed class CanonicalJsonTests
{
    private static string Jcs(params string[] parts) => RepositoryFiles.Path(["testdata", "jcs", .. parts]);

    private static byte[] Canonicalize(string json) => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json));

    private static string CanonicalText(string json) => Encoding.UTF8.GetString(Canonicalize(json));

    private static CanonicalJsonException Refusal(string json) =>
        Assert.Throws<CanonicalJsonException>(() => Canonicalize(json));

    public static TheoryData<string> VectorFiles() =>
        [.. Directory.GetFiles(Jcs("testdata", "input"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Canonicalize_ReferenceVector_GivesExpectedBytes(string file)
    {
        var input = File.ReadAllBytes(Jcs("testdata", "input", file));
        var expected = File.ReadAllBytes(Jcs("testdata", "output", file));
        var expectedHex = File.ReadAllText(Jcs("testdata", "outhex", Path.ChangeExtension(file, ".txt")));

        var actual = CanonicalJson.Canonicalize(input);

        Assert.Equal(expected, actual);
        Assert.Equal(Convert.FromHexString(string.Concat(expectedHex.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))), actual);
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void Serialize_ReferenceVectorAsJsonNode_GivesExpectedBytes(string file)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(Jcs("testdata", "input", file)));

        var actual = CanonicalJson.Serialize(node);

        Assert.Equal(File.ReadAllBytes(Jcs("testdata", "output", file)), actual);
    }

    public static TheoryData<string, string> AppendixBRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Jcs("rfc8785-appendixB-numbers.csv")))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("ieee_hex", StringComparison.Ordinal)) continue;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            rows.Add(line[..comma], line[(comma + 1)..]);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(AppendixBRows))]
    public void Format_AppendixBSample_GivesExpectedText(string ieeeHex, string expected)
    {
        var value = BitConverter.UInt64BitsToDouble(ulong.Parse(ieeeHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.Equal(expected, EcmaScriptNumber.Format(value));
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Serialize(JsonValue.Create(value))));
    }

    [Fact]
    public void AppendixBRows_AreAllRead()
    {
        Assert.True(AppendixBRows().Count >= 25);
    }

    [Theory]
    [InlineData(1000, "be18b62b6f69cdab33a7e0dae0d9cfa869fda80ddc712221570f9f40a5878687")]
    [InlineData(10_000, "b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892")]
    [InlineData(100_000, "22776e6d4b49fa294a0d0f349268e5c28808fe7e0cb2bcbe28f63894e494d4c7")]
    [InlineData(1_000_000, "49415fee2c56c77864931bd3624faad425c3c577d6d74e89a83bc725506dad16")]
    public void Format_Es6MegaTestFirstLines_HashAsPublished(int lines, string expectedSha256)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> line = stackalloc byte[64];
        var generator = new Es6TestValues(File.ReadLines(Jcs("es6-numgen-static-u64.txt")).Where(l => !l.StartsWith('#')));

        for (var i = 0; i < lines; i++)
        {
            var bits = generator.Next();
            // Node's BigInt.toString(16): lower case, no leading zeros.
            bits.TryFormat(line, out var w, "x", CultureInfo.InvariantCulture);
            line[w++] = (byte)',';
            w += EcmaScriptNumber.Format(BitConverter.UInt64BitsToDouble(bits), line[w..]);
            line[w++] = (byte)'\n';
            hash.AppendData(line[..w]);
        }

        Assert.Equal(expectedSha256, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// The values of the mega-test, in order (testdata/jcs/SOURCE.md): the fixed list, 2000 serial values
    /// from the smallest normal, then doubles read from a SHA-256 chain, skipping zeros and non-finite ones.
    /// </summary>
    private sealed class Es6TestValues(IEnumerable<string> staticHex)
    {
        private readonly ulong[] fixedValues = [.. staticHex.Select(h => ulong.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
        private readonly byte[] block = new byte[32];
        private int index;
        private int used = 4;

        public ulong Next()
        {
            var i = index++;
            if (i < fixedValues.Length) return fixedValues[i];
            if (i < fixedValues.Length + 2000) return 0x0010000000000000UL + (ulong)(i - fixedValues.Length);
            while (true)
            {
                if (used == 4)
                {
                    SHA256.HashData(block, block);
                    used = 0;
                }
                var bits = BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(8 * used++));
                var value = BitConverter.UInt64BitsToDouble(bits);
                if (value != 0 && double.IsFinite(value)) return bits;
            }
        }
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(100.0, "100")]
    [InlineData(0.000123, "0.000123")]
    public void Format_Double_GivesEcmaScriptText(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumber.Format(value));
    }

    [Fact]
    public void Format_NegativeZero_IsZero()
    {
        Assert.Equal("0", EcmaScriptNumber.Format(-0.0));
        Assert.Equal("[0]"u8.ToArray(), CanonicalJson.Serialize(new JsonArray(JsonValue.Create(-0.0))));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Serialize_NaNOrInfinity_IsRefused(double value)
    {
        var node = new JsonObject { ["n"] = JsonValue.Create(value) };

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(node));

        Assert.Equal("n", error.Path);
        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaScriptNumber.Format(value));
    }

    [Fact]
    public void Serialize_FloatNaN_IsRefused()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JsonObject { ["x"] = float.NaN }));

        Assert.Equal("x", error.Path);
    }

    [Theory]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("[-0e10,0E-3]", "[0,0]")]
    [InlineData("1.0", "1")]
    [InlineData("1E21", "1e+21")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("1e-400", "0")]
    public void Canonicalize_Number_IsReadAsDoubleAndWrittenAsEcmaScript(string json, string expected)
    {
        Assert.Equal(expected, CanonicalText(json));
    }

    [Fact]
    public void Canonicalize_NumberBeyondDouble_IsRefused()
    {
        var error = Refusal("""{"a":[1e400]}""");

        Assert.Equal("a[0]", error.Path);
        Assert.Contains("double", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\u2028\\u2029\"", "\"\u2028\u2029\"")]
    [InlineData("\"\\ud83d\\ude00\"", "\"😀\"")]
    [InlineData("\"😀\"", "\"😀\"")]
    [InlineData("\"\\u000F\\u001f\\u0000\"", "\"\\u000f\\u001f\\u0000\"")]
    [InlineData("\"\\b\\t\\n\\f\\r\"", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\"\\u0008\\u0009\\u000a\\u000C\\u000d\"", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\"\\\"\\\\\\/\"", "\"\\\"\\\\/\"")]
    [InlineData("\"\\u0041\\u00e9\\u20ac<>&'\\u007f\"", "\"Aé€<>&'\u007f\"")]
    public void Canonicalize_String_EscapesOnlyWhatRfc8785Says(string json, string expected)
    {
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Canonicalize(json));
    }

    [Fact]
    public void Canonicalize_U2028AndEmoji_AreRawUtf8Bytes()
    {
        Assert.Equal([0x22, 0xE2, 0x80, 0xA8, 0xF0, 0x9F, 0x98, 0x80, 0x22], Canonicalize("\"\\u2028\\ud83d\\ude00\""));
    }

    [Fact]
    public void Canonicalize_MemberNames_AreSortedByUtf16CodeUnits()
    {
        // U+1F600 is above U+FB33 as a code point but below it in UTF-16 (0xD83D < 0xFB33): RFC 8785 sorts by UTF-16.
        var json = """{"\ufb33":1,"\ud83d\ude00":2,"b":3,"a":{"z":1,"A":2,"":3},"\u00e9":4,"B":5}""";

        Assert.Equal("{\"\":3,\"A\":2,\"z\":1}", CanonicalText("""{"z":1,"A":2,"":3}"""));
        Assert.Equal("{\"B\":5,\"a\":{\"\":3,\"A\":2,\"z\":1},\"b\":3,\"é\":4,\"😀\":2,\"\ufb33\":1}", CanonicalText(json));
    }

    [Fact]
    public void Canonicalize_Whitespace_IsRemoved()
    {
        Assert.Equal("""{"a":[1,true,false,null,"x"],"b":{}}""", CanonicalText(" {\n\t\"b\" : { } , \"a\" : [ 1 , true , false , null , \"x\" ] }\r\n"));
    }

    [Fact]
    public void Canonicalize_DuplicateMemberName_IsRefusedWithPath()
    {
        var error = Refusal("""{"plans":[{"number":1,"title":"x","number":2}]}""");

        Assert.Equal("plans[0].number", error.Path);
        Assert.Contains("duplicate", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_DuplicateMemberNameWrittenDifferently_IsRefused()
    {
        // The same name once escaped, once not: equal after unescaping, so a duplicate.
        var error = Refusal("""{"a":1,"\u0061":2}""");

        Assert.Equal("a", error.Path);
    }

    [Fact]
    public void Serialize_ElementWithDuplicateMemberFromLenientParse_IsRefused()
    {
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(document.RootElement));

        Assert.Equal("a", error.Path);
    }

    [Theory]
    [InlineData("""{"a":["\ud800"]}""", "a[0]")]
    [InlineData("""{"a":["x\udc00y"]}""", "a[0]")]
    [InlineData("""{"a":{"\ud83dx":1}}""", "a")]
    [InlineData("""["\ude00\ud83d"]""", "[0]")]
    public void Canonicalize_EscapedLoneSurrogate_IsRefusedWithPath(string json, string path)
    {
        var error = Refusal(json);

        Assert.Equal(path, error.Path);
        Assert.Contains("surrogate", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_JsonNodeWithLoneSurrogate_IsRefused()
    {
        var node = new JsonObject { ["data"] = new JsonObject { ["title"] = "ok\ud800" } };

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(node));

        Assert.Equal("data.title", error.Path);
        Assert.Contains("lone surrogate", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 }, "column 2")]
    [InlineData(new byte[] { 0x5B, 0x22, 0xC3, 0x22, 0x5D }, "column 3")]
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 }, "column 2")] // U+D800 encoded as if it were a character (CESU-8)
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 }, "column 2")] // an overlong "/"
    public void Canonicalize_InvalidUtf8_IsRefusedWithPlace(byte[] json, string where)
    {
        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(json));

        Assert.Contains("not valid UTF-8", error.Problem, StringComparison.Ordinal);
        Assert.Contains(where, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a":1,}""")]
    [InlineData("""[1,2,]""")]
    [InlineData("""{"a":1} // comment""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""{'a':1}""")]
    [InlineData("""[NaN]""")]
    [InlineData("""[01]""")]
    [InlineData("[\"tab\there\"]")]
    [InlineData("\uFEFF{}")]
    [InlineData("")]
    public void Canonicalize_MalformedJson_IsRefused(string json)
    {
        var error = Refusal(json);

        Assert.Equal("", error.Path);
        Assert.Contains("malformed JSON", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrictJson_ReturnsDocument()
    {
        using var document = CanonicalJson.Parse(Encoding.UTF8.GetBytes("""{"b":[1,2],"a":"x"}"""));

        Assert.Equal("""{"a":"x","b":[1,2]}""", Encoding.UTF8.GetString(CanonicalJson.Serialize(document.RootElement)));
    }

    [Fact]
    public void Parse_DuplicateMemberName_IsRefused()
    {
        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(Encoding.UTF8.GetBytes("""{"a":{"b":1,"b":1}}""")));

        Assert.Equal("a.b", error.Path);
    }

    [Fact]
    public void Serialize_JsonObjectBuiltInCode_GivesCanonicalBytes()
    {
        var node = new JsonObject
        {
            ["type"] = "commitment.imported",
            ["time"] = "2025-01-02T03:04:05Z",
            ["subject"] = new JsonArray("MX0081", null, true, false),
            ["data"] = new JsonObject
            {
                ["count"] = 3,
                ["big"] = 9_007_199_254_740_991L,
                ["share"] = 1.10m,
                ["ratio"] = 0.1f,
                ["minus zero"] = -0.0,
                ["id"] = JsonValue.Create(Guid.Parse("0198c0de-0000-7000-8000-000000000001")),
                ["parsed"] = JsonNode.Parse("""{"y":1e2,"x":"\u00e9"}"""),
            },
        };

        var actual = Encoding.UTF8.GetString(CanonicalJson.Serialize(node));

        Assert.Equal(
            """{"data":{"big":9007199254740991,"count":3,"id":"0198c0de-0000-7000-8000-000000000001","minus zero":0,"parsed":{"x":"é","y":100},"ratio":0.1,"share":1.1},"subject":["MX0081",null,true,false],"time":"2025-01-02T03:04:05Z","type":"commitment.imported"}""",
            actual);
    }

    [Theory]
    [InlineData(9_007_199_254_740_992L)]
    [InlineData(-9_007_199_254_740_992L)]
    [InlineData(long.MaxValue)]
    public void Serialize_LongBeyondDoublePrecision_IsRefused(long value)
    {
        var node = new JsonObject { ["id"] = value };

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(node));

        Assert.Equal("id", error.Path);
        Assert.Contains("as a string", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ElementWithInvalidUtf8FromLenientParse_IsRefused()
    {
        // JsonDocument does not check the UTF-8 inside strings; the writer must not pass it on.
        using var document = JsonDocument.Parse(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D });

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(document.RootElement));

        Assert.Equal("a", error.Path);
        Assert.Contains("not valid UTF-8", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NullNode_IsJsonNull()
    {
        Assert.Equal("null"u8.ToArray(), CanonicalJson.Serialize((JsonNode?)null));
    }

    [Fact]
    public void Canonicalize_CanonicalOutput_IsAFixedPoint()
    {
        foreach (var file in Directory.GetFiles(Jcs("testdata", "output"), "*.json"))
        {
            var canonical = File.ReadAllBytes(file);

            Assert.Equal(canonical, CanonicalJson.Canonicalize(canonical));
        }
    }
}
