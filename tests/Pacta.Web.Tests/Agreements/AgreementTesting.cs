using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Agreements;
using Pacta.Core.People;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Agreements;

/// <summary>A representative with a passkey in software, signed in: what the agreement tests act as.</summary>
internal sealed record Representative(Member Member, TestAuthenticator Key, HttpClient Client, string Party, string? Organization);

/// <summary>Steps the agreement tests share: representatives with real key pairs, their votes, a sound draft.</summary>
internal static class AgreementTesting
{
    /// <summary>
    /// A representative of <paramref name="organization"/> (of its whole party unless <paramref name="ofOrganization"/>) whose
    /// passkey is <paramref name="key"/>, published in the record as registering a passkey publishes it, and signed in.
    /// </summary>
    public static async Task<Representative> RepresentativeAsync(this PactaApp app, string organization, bool ofOrganization = false, TestAuthenticator? key = null)
    {
        key ??= new TestAuthenticator();
        var member = await app.CreateMemberAsync(organization, AccountKind.Participant, representative: true, representsOrganization: ofOrganization);
        await app.StorePasskeyAsync(member, key.CredentialId, key.PublicKey);
        await using var scope = app.Services.CreateAsyncScope();
        await new PublishAppointment(scope.ServiceProvider.GetRequiredService<Pacta.Core.RecordStore.RecordWriter>(), TimeProvider.System).ExecuteAsync(member.Id);
        await using var db = app.CreateDbContext();
        var party = await db.Organizations.Where(o => o.ShortName == organization).Select(o => o.PartyKey).SingleAsync();
        return new Representative(member, key, await app.SignInAsync(member), party, ofOrganization ? organization : null);
    }

    /// <summary>What a browser sends after <c>navigator.credentials.get</c>: the credential's <c>toJSON()</c>.</summary>
    public static string CredentialJson(byte[] credentialId, WebAuthnAssertion assertion) => JsonSerializer.Serialize(new
    {
        id = PublicCredential.Base64Url(credentialId),
        rawId = PublicCredential.Base64Url(credentialId),
        type = "public-key",
        response = new
        {
            authenticatorData = PublicCredential.Base64Url(assertion.AuthenticatorData),
            clientDataJSON = PublicCredential.Base64Url(assertion.ClientDataJson),
            signature = PublicCredential.Base64Url(assertion.Signature),
        },
    });

    /// <summary>Votes as the vote page does with script: the statement signed by <paramref name="signer"/> (the representative's own key by default).</summary>
    /// <param name="formOf">The version whose vote page gives the form (its tokens); by default the one voted on. Another one
    /// makes a post no page offers, as someone crafting requests would.</param>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> VoteAsync(this Representative representative, string code, int version, string hash,
        VoteDecision decision = VoteDecision.Approval, string? reason = null, TestAuthenticator? signer = null, int? formOf = null)
    {
        var statement = new VoteStatement(code, version, hash, representative.Party, representative.Organization ?? await OrganizationOfWholePartyVoter(representative), decision);
        var assertion = (signer ?? representative.Key).Assert(statement.Challenge());
        var result = await PostFormWithLocationAsync(representative.Client, $"/es/commitments/{code}/versions/{formOf ?? version}/vote", "vote",
            $"/es/commitments/{code}/versions/{version}/vote",
            ("Vote.Decision", VoteStatement.Name(decision)), ("Vote.Reason", reason ?? ""), ("Vote.Credential", CredentialJson(representative.Key.CredentialId, assertion)),
            ("Vote.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (result.Status, result.Document);
    }

    /// <summary>Votes on a plan's stage proposal as the stage vote page does with script: the stage statement signed by <paramref name="signer"/>.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Document)> StageVoteAsync(this Representative representative, int plan, int proposal,
        Pacta.Core.Plans.PlanState from, Pacta.Core.Plans.PlanState to, VoteDecision decision = VoteDecision.Approval, string? reason = null, TestAuthenticator? signer = null)
    {
        var statement = new Pacta.Core.Plans.StageStatement(plan, proposal, from, to, representative.Party,
            representative.Organization ?? await OrganizationOfWholePartyVoter(representative), decision);
        var assertion = (signer ?? representative.Key).Assert(statement.Challenge());
        var path = $"/es/plans/{plan}/stages/{proposal}/vote";
        var result = await PostFormWithLocationAsync(representative.Client, path, "stage-vote", path,
            ("Vote.Decision", VoteStatement.Name(decision)), ("Vote.Reason", reason ?? ""), ("Vote.Credential", CredentialJson(representative.Key.CredentialId, assertion)));
        return (result.Status, result.Document);
    }

    // A whole-party representative of a party deciding by its organisations votes for their own organisation; in a
    // single-representative party, for the party (no organisation).
    private static Task<string?> OrganizationOfWholePartyVoter(Representative representative) =>
        Task.FromResult<string?>(representative.Party == "civil-society" ? throw new InvalidOperationException("Give civil society's voters their organisation.") : null);

    /// <summary>The fields of a sound draft: title, objective, lead, dates and one milestone; <paramref name="more"/> replace or add.</summary>
    public static (string, string)[] Draft(string title, params (string, string)[] more)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Draft.title.es"] = title,
            ["Draft.objective.es"] = "Que toda intervención de comunicaciones privadas tenga control judicial y se publique en datos abiertos.",
            ["Draft.problem.es"] = "Las intervenciones de comunicaciones se autorizan sin controles independientes.",
            ["Draft.lead"] = "SFP",
            ["Draft.supporting"] = "INAI",
            ["Draft.ogpValues"] = "public-accountability",
            ["Draft.start"] = "2027-07-01",
            ["Draft.end"] = "2029-06-30",
            ["Draft.milestones[0].title.es"] = "Diagnóstico de las intervenciones autorizadas",
            ["Draft.milestones[0].responsible"] = "SFP",
            ["Draft.milestones[0].start"] = "2027-07-01",
            ["Draft.milestones[0].end"] = "2027-12-31",
            ["Draft.milestones[0].weight"] = "40",
        };
        foreach (var (name, value) in more) fields[name] = value;
        return [.. fields.Select(f => (f.Key, f.Value))];
    }
}
