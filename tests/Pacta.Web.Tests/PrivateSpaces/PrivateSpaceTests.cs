using System.Net;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.PrivateSpaces;

/// <summary>A party's private space as its members use it: threads, comments, documents, and the security log of each access.</summary>
public abstract class PrivateSpaceTests(PactaApp app)
{
    private const string Space = "/es/parties/civil-society/space";

    private static Dictionary<string, string> Thread(string title, string body) => new() { ["Thread.Title"] = title, ["Thread.Body"] = body };

    [Fact]
    public async Task Member_StartsAThread_AndAnotherMemberReadsAndAnswersIt()
    {
        var author = await app.CreateMemberAsync("Fundar");
        var reader = await app.CreateMemberAsync("SocialTIC");
        using var authorClient = await app.SignInAsync(author);
        using var readerClient = await app.SignInAsync(reader);

        var posted = await authorClient.SubmitAsync(Space, "new-thread", Thread("Agenda de la reunión", "Primer punto: **presupuesto**."));
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var threadPath = posted.RedirectPath;
        Assert.StartsWith(Space + "/threads/", threadPath, StringComparison.Ordinal);

        var list = await readerClient.PageAsync(Space);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = Assert.Single(list.Document.QuerySelectorAll("table.space-threads tbody tr"), r => r.TextContent.Contains("Agenda de la reunión", StringComparison.Ordinal));
        Assert.Contains(author.DisplayName, row.TextContent, StringComparison.Ordinal);

        var answered = await readerClient.SubmitAsync(threadPath, "comment", new Dictionary<string, string> { ["Input.Body"] = "De acuerdo, *gracias*." });
        Assert.True(answered.Status == HttpStatusCode.Redirect, answered.Text);
        var thread = await authorClient.PageAsync(threadPath);
        Assert.Equal("Agenda de la reunión", thread.Document.QuerySelector("h1")!.TextContent);
        var comments = thread.Document.QuerySelectorAll("li.comment");
        Assert.Equal(2, comments.Length);
        Assert.Equal("presupuesto", comments[0].QuerySelector(".comment-body strong")!.TextContent);
        Assert.Equal("gracias", comments[1].QuerySelector(".comment-body em")!.TextContent);
        Assert.Contains(reader.DisplayName, comments[1].TextContent, StringComparison.Ordinal);

        // The security log has each read and write, by thread id, never the text.
        var threadId = threadPath.Split('/')[^1];
        await using var db = app.CreateDbContext();
        var events = await db.SecurityEvents.AsNoTracking().Where(e => e.MemberId == author.Id || e.MemberId == reader.Id).ToListAsync();
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.PrivateSpaceWrite && e.MemberId == author.Id && e.PartyKey == "civil-society" && e.Detail == $"thread {threadId} started");
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.PrivateSpaceRead && e.MemberId == reader.Id && e.Detail == "threads and documents listed");
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.PrivateSpaceWrite && e.MemberId == reader.Id && e.Detail.EndsWith($"added to thread {threadId}", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == SecurityEventKinds.PrivateSpaceRead && e.MemberId == author.Id && e.Detail == $"thread {threadId} read");
        Assert.DoesNotContain(events, e => e.Detail.Contains("Agenda", StringComparison.Ordinal) || e.Detail.Contains("gracias", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "cuerpo", "thread-title-error", "Título: escriba un título.")]
    [InlineData("   ", "cuerpo", "thread-title-error", "Título: escriba un título.")]
    [InlineData("título", "", "thread-body-error", "Comentario: escriba algo.")]
    [InlineData("OVERLONG", "cuerpo", "thread-title-error", "Título: puede tener hasta 200 caracteres.")]
    [InlineData("título\u0007", "cuerpo", "thread-title-error", "Título: tiene caracteres de control; escriba solo texto en una línea.")]
    [InlineData("título", "línea\nlínea\u001b[2J", "thread-body-error", "Comentario: tiene caracteres de control; escriba solo texto.")]
    public async Task NewThread_BadField_SaysWhichAndStoresNothing(string title, string body, string errorId, string message)
    {
        if (title == "OVERLONG") title = new string('x', 201);
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        await using var db = app.CreateDbContext();
        var threads = await db.SpaceThreads.CountAsync();
        var comments = await db.SpaceComments.CountAsync();

        var page = await client.SubmitAsync(Space, "new-thread", Thread(title, body));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(message, page.Document.GetElementById(errorId)?.TextContent);
        Assert.Equal(threads, await db.SpaceThreads.CountAsync());
        Assert.Equal(comments, await db.SpaceComments.CountAsync());
        Assert.False(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.PrivateSpaceWrite));
    }

    [Fact]
    public async Task Comment_MarkdownWithScriptImagesAndBadLinks_IsRenderedSafely()
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        const string hostile =
            "<script>alert(1)</script>\n\n<b onclick=\"x()\">negrita cruda</b>\n\n![rastreo](https://tracker.example/pixel.png)\n\n" +
            "[malo](javascript:alert(2)) [datos](data:text/html,hi) [bueno](https://example.org/a) [correo](mailto:a@example.org)\n\n" +
            "<img src=x onerror=alert(3)> <iframe src=https://evil.example></iframe>";

        var posted = await client.SubmitAsync(Space, "new-thread", Thread("Prueba de formato", hostile));
        var thread = await client.PageAsync(posted.RedirectPath);

        var body = thread.Document.QuerySelector(".comment-body")!;
        Assert.Empty(body.QuerySelectorAll("script, img, iframe, b[onclick], [onerror], [onclick], [style], [src]"));
        Assert.DoesNotContain("tracker.example", thread.Html, StringComparison.Ordinal);
        var links = body.QuerySelectorAll("a[href]").ToList();
        Assert.Equal(["https://example.org/a", "mailto:a@example.org"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel")));
        // Raw HTML is shown as the text it is, not as markup.
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_UploadedThenDownloaded_IsAnAttachmentOfAnOpaqueType_WithASafeName()
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        var bytes = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();

        var uploaded = await client.UploadAsync(Space, "..\\..\\mi:nu?ta.html", bytes, "text/html");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var list = await client.PageAsync(Space);
        var link = list.Document.QuerySelectorAll("table.space-documents a").Single(a => a.TextContent == "minuta.html");

        using var response = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("minuta.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        var documentId = link.GetAttribute("href")!.Split('/')[^1];
        await using var db = app.CreateDbContext();
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.PrivateSpaceRead && e.Detail == $"document {documentId} downloaded"));
        Assert.True(await db.SecurityEvents.AnyAsync(e => e.MemberId == member.Id && e.Kind == SecurityEventKinds.PrivateSpaceWrite && e.Detail == $"document {documentId} uploaded"));
    }

    [Fact]
    public async Task Document_TooLarge_SaysSoAndStoresNothing()
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        await using var db = app.CreateDbContext();
        var before = await db.SpaceDocuments.CountAsync();

        var page = await client.UploadAsync(Space, "grande.bin", new byte[(10 * 1024 * 1024) + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Equal("Documento: el archivo es demasiado grande; el límite es 10 MB.", page.Document.GetElementById("document-file-error")?.TextContent);
        Assert.Equal(before, await db.SpaceDocuments.CountAsync());
    }

    [Fact]
    public async Task Document_Empty_SaysSoAndStoresNothing()
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var client = await app.SignInAsync(member);
        await using var db = app.CreateDbContext();
        var before = await db.SpaceDocuments.CountAsync();

        var page = await client.UploadAsync(Space, "vacío.txt", []);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Documento: elija un archivo que no esté vacío.", page.Document.GetElementById("document-file-error")?.TextContent);
        Assert.Equal(before, await db.SpaceDocuments.CountAsync());
    }

    [Fact]
    public async Task OnlyMembersOfTheParty_ReadItsSpace()
    {
        var member = await app.CreateMemberAsync("Fundar");
        using var memberClient = await app.SignInAsync(member);
        var thread = (await memberClient.SubmitAsync(Space, "new-thread", Thread("Solo nuestra", "texto"))).RedirectPath;
        await memberClient.UploadAsync(Space, "nota.txt", "nota"u8.ToArray());
        var document = (await memberClient.PageAsync(Space)).Document.QuerySelector("table.space-documents a")!.GetAttribute("href")!;
        string[] paths = [Space, "/en/parties/civil-society/space", thread, document, Space + "/incidents/new"];

        foreach (var other in new[]
        {
            await app.CreateMemberAsync("SFP"),
            await app.CreateMemberAsync("INAI", representative: true),
            await app.CreateMemberAsync(null, AccountKind.Reviewer),
            await app.CreateMemberAsync(null, AccountKind.Operator),
        })
        {
            using var client = await app.SignInAsync(other);
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{other.Kind} {other.DisplayName}: GET {path} answered {response.StatusCode}");
                Assert.DoesNotContain("Solo nuestra", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        using var anonymous = app.CreateHttpsClient();
        foreach (var path in paths)
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"/{path[1..3]}/account/sign-in?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThreadOfAnotherParty_IsNotFound_InsideOnesOwnSpace()
    {
        var civil = await app.CreateMemberAsync("Fundar");
        var executive = await app.CreateMemberAsync("SFP");
        using var civilClient = await app.SignInAsync(civil);
        using var executiveClient = await app.SignInAsync(executive);
        var thread = (await civilClient.SubmitAsync(Space, "new-thread", Thread("De la sociedad civil", "texto"))).RedirectPath;

        var page = await executiveClient.PageAsync(thread.Replace("civil-society", "executive", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("De la sociedad civil", page.Html, StringComparison.Ordinal);
    }
}

public sealed class PrivateSpaceTestsOnSqlite(SqliteApp app) : PrivateSpaceTests(app), IClassFixture<SqliteApp>;

public sealed class PrivateSpaceTestsOnPostgres(PostgresApp app) : PrivateSpaceTests(app), IClassFixture<PostgresApp>;
