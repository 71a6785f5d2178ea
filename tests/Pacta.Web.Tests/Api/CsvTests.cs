using System.Text;
using Pacta.Web.Api;

namespace Pacta.Web.Tests.Api;

/// <summary>The CSV writer on its own: RFC 4180 quoting and the neutralising of spreadsheet formulas.</summary>
public sealed class CsvTests
{
    [Fact]
    public void WriteRow_PlainFields_AreUnquotedAndEndInCrlf()
    {
        var csv = new Csv();

        csv.WriteRow("MX0075", "Gasto abierto", null, "");

        Assert.Equal("MX0075,Gasto abierto,,\r\n", csv.ToString());
    }

    [Fact]
    public void WriteRow_CommaQuoteAndNewlines_AreQuotedWithQuotesDoubled()
    {
        var csv = new Csv();

        csv.WriteRow("a,b", "say \"no\"", "line\nbreak", "carriage\rreturn");

        Assert.Equal("\"a,b\",\"say \"\"no\"\"\",\"line\nbreak\",\"carriage\rreturn\"\r\n", csv.ToString());
        Assert.Equal(["a,b", "say \"no\"", "line\nbreak", "carriage\rreturn"], CsvReader.Parse(csv.ToString()).Single());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+52 55", "'+52 55")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tindent", "'\tindent")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("a=b", "a=b")]
    [InlineData("Controles democráticos", "Controles democráticos")]
    public void WriteRow_FormulaStart_GetsLeadingApostrophe(string value, string expected)
    {
        var csv = new Csv();

        csv.WriteRow(value);

        Assert.Equal(expected, CsvReader.Parse(csv.ToString()).Single().Single());
    }

    [Fact]
    public void ToBytes_Always_StartsWithUtf8ByteOrderMarkAndKeepsAccents()
    {
        var csv = new Csv();
        csv.WriteRow("Función Pública");

        var bytes = csv.ToBytes();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("Función Pública\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public void CommitmentsCsv_TitleStartingWithEquals_IsNeutralised()
    {
        var commitment = Commitment("=HYPERLINK(\"https://example.invalid\",\"click\")");

        var records = CsvReader.Parse(Encoding.UTF8.GetString(CommitmentsCsv.Write([commitment]).AsSpan(3)));

        var row = records[1];
        Assert.Equal("'=HYPERLINK(\"https://example.invalid\",\"click\")", row[Column("title_es")]);
        Assert.Equal("'-leading minus", row[Column("title_en")]);
    }

    [Fact]
    public void CommitmentsCsv_OneCommitment_WritesEveryColumnInOrder()
    {
        var commitment = Commitment("Título, con coma");

        var records = CsvReader.Parse(Encoding.UTF8.GetString(CommitmentsCsv.Write([commitment]).AsSpan(3)));

        Assert.Equal(2, records.Count);
        Assert.Equal(CommitmentsCsv.Columns, records[0]);
        Assert.Equal(
            ["DEMO09", "99", "Título, con coma", "'-leading minus", "Civic Space", "SEJ", "AGE; Red Ejemplo", "access-to-information; civic-participation",
             "Problema", "", "", "", "", "Objective", "2025-02", "2026", "", "", "imported-from-public-sources", "true"],
            records[1]);
    }

    private static int Column(string name) => CommitmentsCsv.Columns.ToList().IndexOf(name);

    private static CommitmentDto Commitment(string titleEs) => new(
        "DEMO09", 99, new BilingualText(titleEs, "-leading minus"), "Civic Space",
        new BilingualText("Problema", null), new BilingualText(null, null), new BilingualText(null, "Objective"),
        ["access-to-information", "civic-participation"], "SEJ", ["AGE", "Red Ejemplo"],
        "2025-02", "2026", null, null, "imported-from-public-sources", null, null, null, null, true, []);
}
