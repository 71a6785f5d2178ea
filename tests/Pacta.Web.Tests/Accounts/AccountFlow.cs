using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Accounts;

/// <summary>
/// Pacta with a clock the test moves (every TOTP step is the test's choice), and the steps a person takes:
/// open an invitation page, fill in its form, sign in. Pages are read with AngleSharp, as a browser would.
/// </summary>
public sealed class AccountFlow : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public AccountFlow(PactaApp app)
    {
        App = app;
        // Five seconds into a step, so a test that stays within one step never crosses into the next.
        var now = DateTimeOffset.UtcNow;
        Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / 30 * 30) + 5));
        _factory = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
    }

    public PactaApp App { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Moves the clock to the start of the next 30-second step (plus five seconds).</summary>
    public void NextStep() => Clock.Advance(TimeSpan.FromSeconds(30));

    public async Task<(string Token, Invitation Invitation)> InviteAsync(
        string organization = "SFP", bool representative = false, TimeSpan? expiresIn = null)
    {
        await using var db = App.CreateDbContext();
        var org = await db.Organizations.SingleAsync(o => o.ShortName == organization);
        var (token, hash) = InvitationToken.Create();
        var now = Clock.GetUtcNow();
        var invitation = new Invitation
        {
            TokenHash = hash,
            Email = $"i{Guid.NewGuid():N}@example.org",
            Kind = AccountKind.Participant,
            PartyKey = org.PartyKey,
            OrganizationId = org.Id,
            Representative = representative,
            CreatedAt = now,
            ExpiresAt = now + (expiresIn ?? Invitation.Lifetime),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (token, invitation);
    }

    public static async Task<IDocument> ReadAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The named form's fields as the page filled them in (hidden fields included).</summary>
    public static Dictionary<string, string> FieldsOf(IDocument page, string formName)
    {
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null);
        return form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>The account a person opens without JavaScript: password and authenticator app.</summary>
    public sealed record OpenedAccount(string Email, string Password, string Secret, IReadOnlyList<string> RecoveryCodes, HttpResponseMessage Response, IDocument Page);

    public async Task<OpenedAccount> AcceptWithoutJavaScriptAsync(string token, string email, string displayName = "Ana Prueba", HttpClient? client = null)
    {
        client ??= CreateClient();
        using var get = await client.GetAsync(new Uri($"/es/account/invitation/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var page = await ReadAsync(get);
        var secret = page.QuerySelector("code.secret")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var fields = FieldsOf(page, "invitation");
        const string password = "una frase larga de prueba para pacta";
        fields["Input.DisplayName"] = displayName;
        fields["Input.Password"] = password;
        fields["Input.TotpCode"] = TotpCodes.CodeAt(secret, Clock.GetUtcNow());
        var response = await PostAsync(client, $"/es/account/invitation/{token}", fields);
        var result = await ReadAsync(response);
        var codes = result.QuerySelectorAll(".recovery-codes li code").Select(c => c.TextContent).ToList();
        return new OpenedAccount(email, password, secret, codes, response, result);
    }

    /// <summary>Posts the sign-in page's password form from a fresh browser.</summary>
    public async Task<(HttpResponseMessage Response, HttpClient Client)> SignInAsync(string email, string password, string? code, string? recoveryCode = null, string query = "")
    {
        var client = CreateClient();
        using var get = await client.GetAsync(new Uri("/es/account/sign-in" + query, UriKind.Relative));
        var fields = FieldsOf(await ReadAsync(get), "sign-in");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        fields["Input.Code"] = code ?? "";
        fields["Input.RecoveryCode"] = recoveryCode ?? "";
        return (await PostAsync(client, "/es/account/sign-in" + query, fields), client);
    }

    public void Dispose() => _factory.Dispose();
}
