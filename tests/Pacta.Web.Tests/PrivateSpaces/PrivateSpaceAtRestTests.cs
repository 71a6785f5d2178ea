using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pacta.Core.Data;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.PrivateSpaces;

/// <summary>
/// The threat model's promise: a copy of the database alone reveals no private text (the raw SQLite file and
/// its WAL, or a pg_dump), and a server without the key ring cannot read it either.
/// </summary>
public abstract class PrivateSpaceAtRestTests(PactaApp app)
{
    private const string Space = "/es/parties/civil-society/space";

    private static string Phrase(string what) => $"{what}-{Guid.NewGuid():N}";

    [Fact]
    public async Task DatabaseCopy_HoldsNoPrivateText_WhileMembersStillReadIt()
    {
        var title = Phrase("titulo-reservado");
        var comment = Phrase("palabra-clave-pelicano");
        var answer = Phrase("respuesta-reservada");
        var documentText = Phrase("contenido-del-documento");
        var documentName = Phrase("nombre-del-documento");
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);

        var thread = (await client.SubmitAsync(Space, "new-thread", new Dictionary<string, string> { ["Thread.Title"] = title, ["Thread.Body"] = comment })).RedirectPath;
        await client.SubmitAsync(thread, "comment", new Dictionary<string, string> { ["Input.Body"] = answer });
        var uploaded = await client.UploadAsync(Space, documentName + ".txt", Encoding.UTF8.GetBytes($"Acta: {documentText}."));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);

        var page = await client.PageAsync(thread);
        Assert.Contains(title, page.Text, StringComparison.Ordinal);
        Assert.Contains(comment, page.Text, StringComparison.Ordinal);
        Assert.Contains(answer, page.Text, StringComparison.Ordinal);
        Assert.Contains(documentName, (await client.PageAsync(Space)).Text, StringComparison.Ordinal);

        var copy = await DatabaseCopyAsync();
        Assert.True(copy.Length > 100_000, $"The copy has {copy.Length} bytes: not a copy of the database.");
        // Make this check fail once: the party's name, which is public, must be found in the same bytes.
        Assert.True(Contains(copy, "Poder Ejecutivo Federal"), "The copy does not hold public text either: it is not read right.");
        foreach (var phrase in new[] { title, comment, answer, documentText, documentName })
        {
            Assert.False(Contains(copy, phrase), $"The database copy holds \"{phrase}\".");
        }
    }

    [Fact]
    public async Task AnotherKeyRing_OverTheSameDatabase_CannotReadTheSpace_AndSaysSo()
    {
        var secret = Phrase("secreto-de-la-parte");
        var member = await app.CreateMemberAsync("Fundar");
        using (var client = await app.SignInAsync(member))
        {
            var thread = (await client.SubmitAsync(Space, "new-thread", new Dictionary<string, string> { ["Thread.Title"] = secret, ["Thread.Body"] = secret })).RedirectPath;
            await client.UploadAsync(Space, "acta.txt", Encoding.UTF8.GetBytes(secret));
            Assert.Contains(secret, (await client.PageAsync(thread)).Text, StringComparison.Ordinal);
        }
        await using var db = app.CreateDbContext();
        var threadId = db.SpaceThreads.Single(t => t.PartyKey == "civil-society" && t.AuthorId == member.Id).Id;
        var documentId = db.SpaceDocuments.Single(d => d.PartyKey == "civil-society" && d.UploadedBy == member.Id).Id;

        var emptyKeys = Directory.CreateTempSubdirectory("pacta-other-keys-").FullName;
        try
        {
            await using var restored = app.WithWebHostBuilder(b => b.UseSetting("Pacta:DataProtection:KeysDirectory", emptyKeys));
            using var client = restored.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
            using (var signIn = await client.PostAsync(new Uri(TestSignIn.PathPrefix + member.Id, UriKind.Relative), null))
                Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);

            foreach (var path in new[] { Space, $"{Space}/threads/{threadId}", $"{Space}/incidents/new" })
            {
                var page = await client.PageAsync(path);
                Assert.Equal(HttpStatusCode.OK, page.Status);
                Assert.Contains("La clave de este espacio no está disponible en este servidor", page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, page.Html, StringComparison.Ordinal);
            }
            using var download = await client.GetAsync(new Uri($"{Space}/documents/{documentId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, download.StatusCode);
            Assert.DoesNotContain(secret, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyKeys, recursive: true);
        }
        // The key was not replaced by a new one: the party's own server still reads its space.
        using var again = await app.SignInAsync(member);
        Assert.Contains(secret, (await again.PageAsync($"{Space}/threads/{threadId}")).Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The text in every form a copy could hold it: UTF-8 (SQLite's text and blobs), UTF-16 (a SQLite database
    /// in UTF-16), hex (pg_dump writes bytea as <c>\x…</c>), base64.
    /// </summary>
    private static bool Contains(byte[] copy, string phrase)
    {
        var utf8 = Encoding.UTF8.GetBytes(phrase);
        return copy.AsSpan().IndexOf(utf8) >= 0
            || copy.AsSpan().IndexOf(Encoding.Unicode.GetBytes(phrase)) >= 0
            || copy.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(utf8))) >= 0
            || copy.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(utf8)[..^4])) >= 0;
    }

    /// <summary>What someone who copies the database gets: SQLite's files as they are on disk, or PostgreSQL's pg_dump.</summary>
    private async Task<byte[]> DatabaseCopyAsync()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(app.DataDirectory, "pacta.db");
            // First the files as they are (the newest pages are in the WAL), then after a checkpoint moved them into the database.
            var copy = new List<byte>(ReadShared(file, "", "-wal", "-shm"));
            await using (var connection = new SqliteConnection($"Data Source={file}"))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }
            copy.AddRange(ReadShared(file, "", "-wal", "-shm"));
            return [.. copy];
        }

        var settings = new NpgsqlConnectionStringBuilder(app.Settings.ConnectionString);
        var pgDump = Directory.GetFiles("/usr/lib/postgresql", "pg_dump", SearchOption.AllDirectories).OrderDescending().First();
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--host", settings.Host!, "--port", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", settings.Username!, "--dbname", settings.Database!, "--no-owner" },
        };
        if (settings.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        using var dump = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(dump);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        return dump.ToArray();
    }

    private static IEnumerable<byte> ReadShared(string file, params string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (!File.Exists(file + suffix)) continue;
            using var stream = new FileStream(file + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            foreach (var b in bytes.ToArray()) yield return b;
        }
    }
}

public sealed class PrivateSpaceAtRestTestsOnSqlite(SqliteApp app) : PrivateSpaceAtRestTests(app), IClassFixture<SqliteApp>;

public sealed class PrivateSpaceAtRestTestsOnPostgres(PostgresApp app) : PrivateSpaceAtRestTests(app), IClassFixture<PostgresApp>;
