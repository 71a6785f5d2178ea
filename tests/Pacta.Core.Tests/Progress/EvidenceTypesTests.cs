using System.Text;
using Pacta.Core.Progress;

namespace Pacta.Core.Tests.Progress;

public class EvidenceTypesTests
{
    [Theory]
    [InlineData("%PDF-1.7\n%…", "application/pdf")]
    [InlineData("municipio,contratos\nGuadalajara,12\n", "text/plain; charset=utf-8")]
    public void Sniff_ReadsTheContent(string content, string expected) => Assert.Equal(expected, EvidenceTypes.Sniff(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Sniff_PngAndJpeg() 
    {
        Assert.Equal("image/png", EvidenceTypes.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal("image/jpeg", EvidenceTypes.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0]));
    }

    [Fact]
    public void Sniff_AnOpenDocumentText_ByItsMimetypeEntry()
    {
        byte[] zip = [.. "PK\u0003\u0004"u8, .. new byte[26], .. "mimetypeapplication/vnd.oasis.opendocument.textPK\u0003\u0004"u8];
        Assert.Equal("application/vnd.oasis.opendocument.text", EvidenceTypes.Sniff(zip));
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })] // a Windows program, whatever its name says
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 })] // an ELF program
    [InlineData(new byte[] { 0xC3, 0x28 })] // not UTF-8
    [InlineData(new byte[] { 0x61, 0x00, 0x62 })] // text with a NUL
    [InlineData(new byte[0])]
    public void Sniff_AnythingElse_IsRefused(byte[] content) => Assert.Null(EvidenceTypes.Sniff(content));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\windows\\system.ini")]
    [InlineData("carpeta/informe.pdf")]
    public void CleanName_AFolderOrDotDot_IsAProblem(string name)
    {
        Assert.Null(EvidenceTypes.CleanName(name, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void CleanName_KeepsAPlainName_WithoutControlOrQuoteCharacters()
    {
        Assert.Equal("informe final.pdf", EvidenceTypes.CleanName("informe \"final\u0007\".pdf", out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public async Task Files_AreKeptOnceByTheirHash()
    {
        var directory = Directory.CreateTempSubdirectory("pacta-evidence-").FullName;
        try
        {
            var files = new EvidenceFiles(directory);
            var (first, created) = await files.SaveAsync("%PDF-1.7 informe"u8.ToArray());
            var (second, again) = await files.SaveAsync("%PDF-1.7 informe"u8.ToArray());

            Assert.Equal(first, second);
            Assert.True(created);
            Assert.False(again);
            Assert.Equal("%PDF-1.7 informe", await File.ReadAllTextAsync(files.Find(first)!));
            Assert.Single(Directory.GetFiles(directory, "*", SearchOption.AllDirectories));
            Assert.Null(files.Find("../" + first[3..]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html lang=\"es\">", "text/html")]
    [InlineData("\uFEFF\n  <html>\n<head>", "text/html")]
    [InlineData("<!-- portal --> <p>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><rss/>", "text/xml")]
    [InlineData("%PDF-1.4\n", "application/pdf")]
    [InlineData("municipio,contratos\n", "text/plain; charset=utf-8")]
    [InlineData("<htmlish>", "text/plain; charset=utf-8")] // not a tag the patterns know
    public void SniffLink_ReadsTheHead(string content, string expected) =>
        Assert.Equal(expected, EvidenceTypes.SniffLink(System.Text.Encoding.UTF8.GetBytes(content), whole: true));

    [Fact]
    public void SniffLink_AHeadCutInsideACharacter_IsStillText()
    {
        byte[] head = [.. "Año"u8, 0xC3]; // the first byte of "ñ", cut off
        Assert.Equal("text/plain; charset=utf-8", EvidenceTypes.SniffLink(head, whole: false));
        Assert.Null(EvidenceTypes.SniffLink(head, whole: true));
    }

    [Fact]
    public void SniffLink_Unrecognised_IsNull() => Assert.Null(EvidenceTypes.SniffLink([0x1F, 0x8B, 0x08, 0x00], whole: true)); // gzip
}
