using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Sessions;

/// <summary>
/// The notice of a new sign-in: by email through a real SMTP server (Python's aiosmtpd, started by the test),
/// and in the in-app inbox when no server is configured or the server cannot be reached.
/// </summary>
public abstract partial class SignInNoticeTests(PactaApp app)
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    [Fact]
    public async Task WithAnSmtpServer_TheNoticeIsEmailedInTheMembersLanguage_NamingTheDevice_WithoutAnAddress()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var factory = WithSmtp("127.0.0.1", smtp.Port);
        var member = await app.CreateMemberAsync("SFP");

        await SignInAsync(factory, member.Id);

        var message = await smtp.WaitForMessageAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(member.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("pacta@forum.example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Nuevo inicio de sesión en Pacta", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Firefox · Linux", body, StringComparison.Ordinal);
        Assert.Contains("Si no fue usted", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(IpAddress(), body);
        Assert.DoesNotContain("127.0.0.1", message.ToString(), StringComparison.Ordinal);

        // Emailed, so not also in the inbox.
        await using var db = app.CreateDbContext();
        Assert.False(await db.InboxMessages.AnyAsync(m => m.MemberId == member.Id));
    }

    [Fact]
    public async Task WhenTheSmtpServerIsDown_TheSignInSucceeds_TheNoticeGoesToTheInbox_AndTheLogSaysWhy()
    {
        var log = new CapturedLog();
        await using var factory = WithSmtp("127.0.0.1", FreePort(), log);
        var member = await app.CreateMemberAsync("SFP");

        await SignInAsync(factory, member.Id);

        Assert.Contains(log.Lines, l => l.Contains(member.Id.ToString(), StringComparison.Ordinal) && l.Contains("sending the email failed", StringComparison.Ordinal));

        await using var db = app.CreateDbContext();
        var notice = await db.InboxMessages.SingleAsync(m => m.MemberId == member.Id);
        Assert.Equal("Nuevo inicio de sesión en Pacta", notice.Subject);
        Assert.Contains("Firefox · Linux", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSmtp_TheNoticeGoesToTheInbox_InEnglishForAnEnglishSpeaker_AndTheInboxPageShowsIt()
    {
        var member = await app.CreateMemberAsync("SFP");
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Language, "en"));
        }
        using var client = await app.SignInAsync(member);

        var (response, document) = await AccountForms.GetAsync(client, "/en/account/inbox");
        using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(document.QuerySelectorAll("ol.inbox > li"));
        Assert.Equal("New sign-in to Pacta new", AccountForms.Text(item.QuerySelector("h2")));
        Assert.Contains("If it was not you", AccountForms.Text(item), StringComparison.Ordinal);
        Assert.Equal("1 unread message", AccountForms.Text(document.QuerySelector("main > p")));

        using (var marked = await AccountForms.SubmitAsync(client, "/en/account/inbox", "form:has(button[name^='Mark.'])", ("Mark.MessageId", item.GetAttribute("data-message")!)))
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var (again, afterwards) = await AccountForms.GetAsync(client, "/en/account/inbox");
        again.Dispose();
        Assert.Equal("read", Assert.Single(afterwards.QuerySelectorAll("ol.inbox > li")).ClassList[^1]);
        Assert.Equal("0 unread messages", AccountForms.Text(afterwards.QuerySelector("main > p")));
    }

    [Fact]
    public async Task TheInbox_ListsNewestFirst_AndOnlyTheMembersOwnMessages_AndCannotMarkAnotherMembersMessage()
    {
        var member = await app.CreateMemberAsync("SFP");
        var other = await app.CreateMemberAsync("INAI");
        using var otherClient = await app.SignInAsync(other);
        using var first = await app.SignInAsync(member);
        using var client = await app.SignInAsync(member);
        Guid othersMessage;
        await using (var db = app.CreateDbContext())
        {
            othersMessage = (await db.InboxMessages.SingleAsync(m => m.MemberId == other.Id)).Id;
            var mine = (await db.InboxMessages.Where(m => m.MemberId == member.Id).ToListAsync()).OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Select(m => m.Id).ToList();
            var (response, document) = await AccountForms.GetAsync(client, "/es/account/inbox");
            response.Dispose();
            Assert.Equal(mine.Select(i => i.ToString()), document.QuerySelectorAll("ol.inbox > li").Select(li => li.GetAttribute("data-message")));
        }

        using (var refused = await AccountForms.SubmitAsync(client, "/es/account/inbox", "form:has(button[name^='Mark.'])", ("Mark.MessageId", othersMessage.ToString())))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
            Assert.Contains("No se encontró ese aviso entre los suyos.", AccountForms.Text(page.QuerySelector("main")), StringComparison.Ordinal);
        }
        await using var check = app.CreateDbContext();
        Assert.Null((await check.InboxMessages.SingleAsync(m => m.Id == othersMessage)).ReadAt);
    }

    [Fact]
    public async Task WithoutSmtp_TheLogSaysTheNoticeWentToTheInbox_AndWhy()
    {
        var log = new CapturedLog();
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        var member = await app.CreateMemberAsync("SFP");

        await SignInAsync(factory, member.Id);

        Assert.Single(log.Lines, l => l.Contains(member.Id.ToString(), StringComparison.Ordinal) && l.Contains("no SMTP server configured", StringComparison.Ordinal));
    }

    private WebApplicationFactory<Program> WithSmtp(string host, int port, CapturedLog? log = null) => app.WithWebHostBuilder(b =>
    {
        if (log is not null) b.ConfigureLogging(l => l.AddProvider(log));
        b.UseSetting("Pacta:Smtp:Host", host);
        b.UseSetting("Pacta:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Pacta:Smtp:From", "Pacta <pacta@forum.example.org>");
        b.UseSetting("Pacta:Smtp:StartTls", "none");
        b.UseSetting("Pacta:Smtp:TimeoutSeconds", "10");
    });

    private static async Task SignInAsync(WebApplicationFactory<Program> factory, Guid memberId)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, TestSignIn.PathPrefix + memberId);
        request.Headers.UserAgent.ParseAdd(Firefox);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b", RegexOptions.IgnoreCase)]
    private static partial Regex IpAddress();

    /// <summary>The app's log lines, as an operator would read them.</summary>
    private sealed class CapturedLog : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose() { }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));
        }
    }

    /// <summary>aiosmtpd on a free loopback port, saving messages to a directory; stopped (stdin closed, then killed) at the end.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;

        private SmtpSink(Process process, string directory, int port) => (_process, _directory, Port) = (process, directory, port);

        public int Port { get; }

        public static async Task<SmtpSink> StartAsync()
        {
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var directory = Directory.CreateTempSubdirectory("pacta-smtp-").FullName;
            var port = FreePort();
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(RepositoryFiles.Path("tests", "Pacta.Web.Tests", "Sessions", "smtp_sink.py"));
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.ArgumentList.Add(directory);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3.");
            var sink = new SmtpSink(process, directory, port);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line != "ready")
                    throw new InvalidOperationException($"The SMTP sink did not start (python3-aiosmtpd missing? test.sh installs it): {await process.StandardError.ReadToEndAsync(timeout.Token)}");
            }
            catch
            {
                await sink.DisposeAsync();
                throw;
            }
            return sink;
        }

        public async Task<MimeMessage> WaitForMessageAsync(TimeSpan timeout)
        {
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < timeout)
            {
                if (Directory.GetFiles(_directory, "*.eml") is [var file])
                    return await MimeMessage.LoadAsync(file);
                await Task.Delay(50);
            }
            throw new TimeoutException($"No message reached the SMTP sink in {timeout}.");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                _process.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await _process.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
            }
            finally
            {
                _process.Dispose();
                try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
            }
        }
    }
}

public sealed class SignInNoticeTestsOnSqlite(SqliteApp app) : SignInNoticeTests(app), IClassFixture<SqliteApp>;

public sealed class SignInNoticeTestsOnPostgres(PostgresApp app) : SignInNoticeTests(app), IClassFixture<PostgresApp>;
