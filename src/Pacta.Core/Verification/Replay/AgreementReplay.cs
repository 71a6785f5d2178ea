using System.Globalization;
using System.Text;
using System.Text.Json;
using Pacta.Core.Agreements;
using Pacta.Core.Forum;
using Pacta.Core.People;

namespace Pacta.Core.Verification.Replay;

/// <summary>
/// Checks, while the record is replayed, what makes an agreement an agreement (docs/adr/0004-agreements.md):
/// each version's hash is the hash of its text and versions are numbered in order; each vote is signed, by the
/// passkey the record published for a current appointment of that party, over that vote's statement; each
/// agreement holds the text of a version every party approved under the DecisionRule the record gives it; and
/// no import rewrites a commitment agreed in Pacta. Every failure is a problem naming the entry.
/// </summary>
/// <remarks>
/// Reads the state as it stands before the entry (parties, organisations, representatives and their credentials).
/// Parses each of these entries with <see cref="JsonDocument"/>: votes and versions are few next to the rest.
/// </remarks>
internal sealed class AgreementReplay(Dictionary<string, ReplayedEntity> entities, List<ReplayProblem> problems)
{
    private sealed record VersionState(long Index, string Hash, bool Amendment, byte[] Text)
    {
        public bool Agreed { get; set; }

        /// <summary>Valid votes by unit key (<c>party</c> or <c>party/organisation</c>): (party, unit, decision).</summary>
        public Dictionary<string, (string Party, string Unit, VoteDecision Decision)> Votes { get; } = new(StringComparer.Ordinal);
    }

    private sealed class CommitmentState
    {
        public List<VersionState> Versions { get; } = [];
        public int? AgreedVersion { get; set; }
    }

    private readonly Dictionary<string, CommitmentState> _commitments = new(StringComparer.Ordinal);

    /// <summary>Whether the record has shown any co-created commitment yet.</summary>
    public bool Any => _commitments.Count > 0;

    public void Check(long index, string type, string subject, ReadOnlySpan<byte> data, (int Start, int Length)[] top)
    {
        using var document = JsonDocument.Parse(data.ToArray());
        var root = document.RootElement;
        switch (type)
        {
            case AgreementEvents.VersionProposed or AgreementEvents.AmendmentProposed:
                Version(index, type, root);
                break;
            case AgreementEvents.Approved or AgreementEvents.Objected:
                Vote(index, type, root);
                break;
            case AgreementEvents.Agreed or AgreementEvents.AmendmentAgreed:
                Agreement(index, type, root);
                break;
            default:
                // commitment.imported: an import must not rewrite what every party agreed.
                if (_commitments.TryGetValue(subject["commitment/".Length..], out var agreed) && agreed.Versions.Count > 0)
                    Problem(index, $"{type} of {subject} rewrites a commitment co-created in Pacta; its text changes only by an amendment every party approves");
                break;
        }
    }

    private void Version(long index, string type, JsonElement root)
    {
        var code = root.GetProperty("commitment").GetString()!;
        var number = root.GetProperty("version").GetInt32();
        var hash = root.GetProperty("hash").GetString()!;
        var text = Encoding.UTF8.GetBytes(root.GetProperty("text").GetRawText());
        var what = string.Create(CultureInfo.InvariantCulture, $"{type} of {code} version {number}");
        if (CommitmentText.HashOf(text) != hash) Problem(index, $"{what}: its hash is not the SHA-256 of its text");
        var commitment = StateOf(code);
        if (number != commitment.Versions.Count + 1)
            Problem(index, string.Create(CultureInfo.InvariantCulture, $"{what}: versions of {code} are numbered in order; this should be version {commitment.Versions.Count + 1}"));
        var amendment = type == AgreementEvents.AmendmentProposed;
        if (amendment && commitment.AgreedVersion is null) Problem(index, $"{what}: an amendment of a commitment that no entry agreed");
        if (!amendment && commitment.AgreedVersion is not null) Problem(index, $"{what}: a draft of a commitment already agreed (a change is an amendment)");
        if (number == commitment.Versions.Count + 1) commitment.Versions.Add(new VersionState(index, hash, amendment, text));
    }

    private void Vote(long index, string type, JsonElement root)
    {
        var code = root.GetProperty("commitment").GetString()!;
        var number = root.GetProperty("version").GetInt32();
        var party = root.GetProperty("party").GetString()!;
        var organization = root.GetProperty("organization").GetString();
        var decision = root.GetProperty("decision").GetString();
        var what = string.Create(CultureInfo.InvariantCulture, $"{type} of {code} version {number} for {party}{(organization is null ? "" : "/" + organization)}");
        if ((type == AgreementEvents.Approved) != (decision == "approve") || decision is not ("approve" or "object"))
        {
            Problem(index, $"{what}: its decision \"{decision}\" is not its type's");
            return;
        }
        if (type == AgreementEvents.Objected && root.GetProperty("reason").ValueKind != JsonValueKind.String) Problem(index, $"{what}: an objection without its reason");
        if (!_commitments.TryGetValue(code, out var commitment) || number < 1 || number > commitment.Versions.Count)
        {
            Problem(index, $"{what}: no earlier entry proposed that version");
            return;
        }
        var version = commitment.Versions[number - 1];
        if (root.GetProperty("versionHash").GetString() != version.Hash) Problem(index, $"{what}: its versionHash is not the hash of that version (entry {version.Index})");
        if (version.Agreed || number < commitment.Versions.Count) Problem(index, $"{what}: a vote on a version already agreed or superseded");

        if (Data($"party/{party}") is not { } partyData) return; // reported by the shape check
        var rule = partyData.GetProperty("decisionRule").GetString();
        var appointment = root.GetProperty("appointment").GetString()!;
        if (Data($"representative/{appointment}") is not { } representative) return; // an ended or unknown appointment: reported by the shape check
        var appointedParty = representative.GetProperty("party").GetString();
        var appointedOrganization = representative.GetProperty("organization").GetString();
        if (appointedParty != party) Problem(index, $"{what}: appointment {appointment} represents {appointedParty}, not {party}");
        else if (rule == PublicNames.Name(DecisionRule.SingleRepresentative) && (organization is not null || appointedOrganization is not null))
            Problem(index, $"{what}: {party} decides by a single representative, who represents the whole party");
        else if (rule != PublicNames.Name(DecisionRule.SingleRepresentative) && organization is null)
            Problem(index, $"{what}: {party} decides by its organisations ({rule}); a vote names one");
        else if (appointedOrganization is not null && appointedOrganization != organization)
            Problem(index, $"{what}: appointment {appointment} represents {appointedOrganization}, not {organization}");
        else if (Signature(root, representative, new VoteStatement(code, number, version.Hash, party, organization,
                     decision == "approve" ? VoteDecision.Approval : VoteDecision.Objection)) is { } problem)
            Problem(index, $"{what}: {problem}");
        else
        {
            var unit = organization ?? VoteStatement.WholeParty;
            if (!version.Votes.TryAdd($"{party}/{unit}", (party, unit, decision == "approve" ? VoteDecision.Approval : VoteDecision.Objection)))
                Problem(index, $"{what}: a second vote of the same party or organisation on one version");
        }
    }

    /// <summary>The signature's problem, or null: the credential is one the appointment's latest entry publishes, and it signed the statement.</summary>
    private static string? Signature(JsonElement vote, JsonElement representative, VoteStatement statement)
    {
        var credential = vote.GetProperty("credential").GetString();
        var key = representative.GetProperty("credentials").EnumerateArray().FirstOrDefault(c => c.GetProperty("id").GetString() == credential);
        if (key.ValueKind != JsonValueKind.Object) return $"credential {credential} is not one the record publishes for the appointment";
        var assertion = vote.GetProperty("assertion");
        if (!PublicCredential.TryFromBase64Url(assertion.GetProperty("authenticatorData").GetString(), out var authenticatorData)
            || !PublicCredential.TryFromBase64Url(assertion.GetProperty("clientDataJSON").GetString(), out var clientData)
            || !PublicCredential.TryFromBase64Url(assertion.GetProperty("signature").GetString(), out var signature)
            || !PublicCredential.TryFromBase64Url(key.GetProperty("publicKey").GetString(), out var publicKey))
            return "its assertion or the credential's key is not base64url";
        return new WebAuthnAssertion(authenticatorData, clientData, signature)
            .Verify(statement.Challenge(), vote.GetProperty("relyingParty").GetString()!, null, publicKey) is { } problem
            ? $"the signature does not hold: {problem}" : null;
    }

    private void Agreement(long index, string type, JsonElement root)
    {
        var code = root.GetProperty("code").GetString()!;
        var number = root.GetProperty("agreedVersion").GetInt32();
        var what = string.Create(CultureInfo.InvariantCulture, $"{type} of {code} version {number}");
        if (root.GetProperty("provenance").GetString() != PublicNames.Name(Commitments.CommitmentProvenance.CoCreatedInPacta))
            Problem(index, $"{what}: an agreed commitment's provenance is co-created-in-pacta");
        if (!_commitments.TryGetValue(code, out var commitment) || number < 1 || number > commitment.Versions.Count)
        {
            Problem(index, $"{what}: no earlier entry proposed that version");
            return;
        }
        var version = commitment.Versions[number - 1];
        if (root.GetProperty("agreedVersionHash").GetString() != version.Hash) Problem(index, $"{what}: its agreedVersionHash is not the hash of that version (entry {version.Index})");
        if (version.Amendment != (type == AgreementEvents.AmendmentAgreed))
            Problem(index, $"{what}: version {number} is {(version.Amendment ? "an amendment" : "a draft")}, so this is not its type");

        // The text the commitment holds must be the version's, field by field (both canonical: equal bytes, equal values).
        using var text = JsonDocument.Parse(version.Text);
        foreach (var field in text.RootElement.EnumerateObject())
            if (!root.TryGetProperty(field.Name, out var held) || held.GetRawText() != field.Value.GetRawText())
                Problem(index, $"{what}: its {field.Name} is not the text of version {number} (entry {version.Index})");

        // Every party must have approved, under the rule the record gives it; the record's organisations are the units.
        var organizations = entities.Values.Where(e => e.Kind == EntityKind.Organization)
            .Select(e => JsonElement.Parse(e.Data.Span)).Select(o => (Party: o.GetProperty("party").GetString()!, Name: o.GetProperty("shortName").GetString()!))
            .ToLookup(o => o.Party, o => o.Name);
        var missing = new List<string>();
        foreach (var party in entities.Values.Where(e => e.Kind == EntityKind.Party).OrderBy(e => e.Subject, StringComparer.Ordinal))
        {
            var data = JsonElement.Parse(party.Data.Span);
            var key = data.GetProperty("key").GetString()!;
            var rule = PublicNames.All<DecisionRule>(PublicNames.Name).GetValueOrDefault(data.GetProperty("decisionRule").GetString() ?? "");
            var position = PartyDecisions.Tally(rule, [.. organizations[key]], version.Votes.Values.Where(v => v.Party == key).Select(v => (v.Unit, v.Decision)));
            if (position != PartyPosition.Approved) missing.Add($"{key} ({position.ToString().ToLowerInvariant()})");
        }
        if (missing.Count > 0) Problem(index, $"{what}: not every party approved it with a valid signed vote: {string.Join(", ", missing)}");
        version.Agreed = true;
        commitment.AgreedVersion = number;
    }

    private CommitmentState StateOf(string code)
    {
        if (!_commitments.TryGetValue(code, out var state)) _commitments.Add(code, state = new CommitmentState());
        return state;
    }

    private JsonElement? Data(string subject) =>
        entities.TryGetValue(subject, out var entity) ? JsonElement.Parse(entity.Data.Span) : null;

    private void Problem(long index, string message) => problems.Add(new ReplayProblem(index, message));
}
