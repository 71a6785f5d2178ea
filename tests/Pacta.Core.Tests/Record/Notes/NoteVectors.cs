using System.Text.Json;

namespace Pacta.Core.Tests.Record.Notes;

/// <summary>testdata/signed-note/signed-note-vectors.json and the tlog key and checkpoint, read once.</summary>
internal static class NoteVectors
{
    public static JsonElement Root { get; } = JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.Path("testdata", "signed-note", "signed-note-vectors.json"))).RootElement;

    public static JsonElement Valid(string id) => Root.GetProperty("valid").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    public static string Get(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static string PeterText => Valid("go-peter").Get("text");
    public static string PeterSkey => Valid("go-peter").Get("skey");
    public static string PeterVkey => Valid("go-peter").Get("vkey");
    public static string EnochVkey => Valid("go-enoch").Get("vkey");
    public static string EnochSig => Valid("go-enoch").Get("signature_line");

    /// <summary>The go-peter signature line, including its final newline.</summary>
    public static string PeterSig
    {
        get
        {
            var note = Valid("go-peter").Get("note");
            return note[(note.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        }
    }

    /// <summary>A file of the Go-made tlog vectors (testdata/tlog/).</summary>
    public static string TlogPath(string file) => RepositoryFiles.Path("testdata", "tlog", file);
}
