using System.Text;
using Pacta.Core.Record;
using Pacta.Core.Verification.Replay;

namespace Pacta.Core.Tests.Verification.Replay;

/// <summary>
/// The replay's one-pass canonical check gives the strict reader's answer: bytes are canonical exactly
/// when <see cref="CanonicalJson.Canonicalize"/> gives them back unchanged.
/// </summary>
public sealed class CanonicalCheckTests
{
    private static string Jcs(params string[] parts) => RepositoryFiles.Path(["testdata", "jcs", .. parts]);

    private static bool StrictAnswer(byte[] bytes)
    {
        try
        {
            return CanonicalJson.Canonicalize(bytes).AsSpan().SequenceEqual(bytes);
        }
        catch (CanonicalJsonException)
        {
            return false;
        }
    }

    private static bool Check(byte[] bytes) => new CanonicalCheck().IsCanonical(bytes, new EventLayout());

    public static TheoryData<string, bool> Texts() => new()
    {
        { """{"a":1,"b":[true,false,null,"x"],"c":{"d":-2.5}}""", true },
        { """{"a":1, "b":2}""", false },
        { """{"a" :1}""", false },
        { """{"a": 1}""", false },
        { """ {"a":1}""", false },
        { """{"a":1} """, false },
        { "{\"a\":1}\n", false },
        { """[1 ,2]""", false },
        { """{"b":1,"a":2}""", false },
        { """{"a":1,"a":1}""", false },
        { """{"a":{"y":1,"x":2}}""", false },
        { """{"":1,"a":2}""", true },
        { """{"a":1,"ab":2,"b":3}""", true },
        // UTF-16 order: U+E000 (one code unit 0xE000) sorts after U+1F600 (code units 0xD83D 0xDE00), unlike code point order.
        { "{\"\U0001F600\":1,\"\uE000\":2}", true },
        { "{\"\uE000\":1,\"\U0001F600\":2}", false },
        { """{"\u000f":1,"a":2}""", true },
        { """{"\u000F":1}""", false },
        { """["\n\t\"\\\b\f\r"]""", true },
        { """["\u000a"]""", false },
        { """["\/"]""", false },
        { """["\u0041"]""", false },
        { """["\u00e9"]""", false },
        { "[\"é😀\u2028\"]", true },
        { """["\ud800"]""", false },
        { """["\ud83d\ude00"]""", false },
        { "[0,-1,100000000000000000000,1e+21,0.1,-5e-324,1.7976931348623157e+308]", true },
        { "[-0]", false },
        { "[1.0]", false },
        { "[1e2]", false },
        { "[1E+21]", false },
        { "[1e400]", false },
        { "[00]", false },
        { "[9007199254740993]", false },
        { "[9007199254740992]", true },
        { "[123456789012345]", true },
        { "\"text\"", true },
        { "", false },
        { "{", false },
        { "{\"a\":1}{", false },
        { "[1,]", false },
        { "/*c*/1", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void IsCanonical_Text_AgreesWithTheStrictReader(string json, bool canonical)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Equal(canonical, StrictAnswer(bytes));
        Assert.Equal(canonical, Check(bytes));
    }

    [Fact]
    public void IsCanonical_InvalidUtf8_IsNot()
    {
        byte[] bytes = [(byte)'[', (byte)'"', 0xC3, (byte)'"', (byte)']'];

        Assert.False(StrictAnswer(bytes));
        Assert.False(Check(bytes));
    }

    public static TheoryData<string> VectorFiles() =>
        [.. Directory.GetFiles(Jcs("testdata", "input"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public void IsCanonical_ReferenceVectors_OutputIsAndInputIsNot(string file)
    {
        var input = File.ReadAllBytes(Jcs("testdata", "input", file));
        var output = File.ReadAllBytes(Jcs("testdata", "output", file));

        Assert.True(Check(output));
        Assert.Equal(StrictAnswer(input), Check(input));
        Assert.False(Check(input));
    }

    [Fact]
    public void IsCanonical_Rfc8785Numbers_CanonicalTextIsAndOtherSpellingsAreNot()
    {
        var rows = File.ReadLines(Jcs("rfc8785-appendixB-numbers.csv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("ieee_hex", StringComparison.Ordinal))
            .Select(l => l.Split(',')[1])
            .Where(n => n.Length > 0 && char.IsAsciiDigit(n[^1]))
            .ToList();
        Assert.NotEmpty(rows);

        foreach (var number in rows)
        {
            var canonical = Encoding.UTF8.GetBytes($"[{number}]");
            Assert.True(Check(canonical), number);
            var other = Encoding.UTF8.GetBytes(number.Contains('e', StringComparison.Ordinal) ? $"[{number.Replace("e", "E", StringComparison.Ordinal)}]" : $"[{number}.0]");
            Assert.False(Check(other), number);
            Assert.Equal(StrictAnswer(other), Check(other));
        }
    }

    [Fact]
    public void IsCanonical_AnEvent_FindsItsMembers()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"actor":{"role":"operator"},"data":{"a":[1,{"b":2}]},"extra":3,"subject":"forum","time":"t","type":"x"}""");
        var layout = new EventLayout();

        Assert.True(new CanonicalCheck().IsCanonical(bytes, layout));

        string Text((int Start, int Length) range) => Encoding.UTF8.GetString(bytes, range.Start, range.Length);
        Assert.True(layout.RootIsObject);
        Assert.Equal("""{"role":"operator"}""", Text(layout.Actor));
        Assert.Equal("""{"a":[1,{"b":2}]}""", Text(layout.Data));
        Assert.Equal("\"forum\"", Text(layout.Subject));
        Assert.Equal("\"t\"", Text(layout.Time));
        Assert.Equal("\"x\"", Text(layout.Type));
        Assert.Equal(["extra"], layout.Unknown.Select(Text));
    }
}
