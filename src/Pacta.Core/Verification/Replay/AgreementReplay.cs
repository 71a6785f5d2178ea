using System.Globalization;
using System.Text;
using System.Text.Json;
using Pacta.Core.Agreements;
using Pacta.Core.Forum;
using Pacta.Core.People;
using Pacta.Core.Plans;

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

    private sealed record StageState(long Index, string From, string To)
    {
        public bool Decided { get; set; }
        public Dictionary<string, (string Party, string Unit, VoteDecision Decision)> Votes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Each plan's stage proposals, in order, for the plans that have any.</summary>
    private readonly Dictionary<int, List<StageState>> _stages = [];

    /// <summary>Whether the record has shown any stage proposal yet.</summary>
    public bool AnyStage => _stages.Count > 0;

    /// <summary>
    /// Checks a stage proposal, a vote on one, a stage change (every party approved that proposal, with signed votes, and
    /// nothing but the stage changed) and, once the record has proposals, a plan import (which must not move a stage the
    /// forum decided). Reads the plan's state as it stands before the entry.
    /// </summary>
    public void CheckStage(long index, string type, ReadOnlySpan<byte> data)
    {
        using var document = JsonDocument.Parse(data.ToArray());
        var root = document.RootElement;
        var plan = root.GetProperty(type is PlanStageEvents.Changed or "plan.imported" ? "number" : "plan").GetInt32();
        var before = Data(string.Create(CultureInfo.InvariantCulture, $"plan/{plan}"));
        var stage = before?.GetProperty("state").GetString();
        var proposals = _stages.TryGetValue(plan, out var list) ? list : null;
        switch (type)
        {
            case PlanStageEvents.Proposed:
            {
                var number = root.GetProperty("proposal").GetInt32();
                var from = root.GetProperty("from").GetString()!;
                var to = root.GetProperty("to").GetString()!;
                var what = string.Create(CultureInfo.InvariantCulture, $"{type} {number} of plan {plan}");
                if (number != (proposals?.Count ?? 0) + 1)
                    Problem(index, string.Create(CultureInfo.InvariantCulture, $"{what}: a plan's proposals are numbered in order; this should be proposal {(proposals?.Count ?? 0) + 1}"));
                if (from != stage) Problem(index, $"{what}: it moves the plan from {from}, but the plan is in {stage ?? "no recorded stage"}");
                var next = PublicNames.All<PlanState>(PublicNames.Name).TryGetValue(from, out var fromState) ? PlanStages.Next(fromState) : null;
                if (next is null || PublicNames.Name(next.Value) != to) Problem(index, $"{what}: {to} is not the stage after {from}");
                if (proposals?.FirstOrDefault(p => !p.Decided) is { } open)
                    Problem(index, $"{what}: proposal of entry {open.Index} was still being decided");
                if (number == (proposals?.Count ?? 0) + 1)
                {
                    if (proposals is null) _stages.Add(plan, proposals = []);
                    proposals.Add(new StageState(index, from, to));
                }
                break;
            }
            case PlanStageEvents.Approved or PlanStageEvents.Objected:
            {
                var number = root.GetProperty("proposal").GetInt32();
                var party = root.GetProperty("party").GetString()!;
                var organization = root.GetProperty("organization").GetString();
                var what = string.Create(CultureInfo.InvariantCulture, $"{type} of proposal {number} of plan {plan} for {party}{(organization is null ? "" : "/" + organization)}");
                if (DecisionOf(index, what, root, type == PlanStageEvents.Approved) is not { } decided) return;
                if (proposals is null || number < 1 || number > proposals.Count)
                {
                    Problem(index, $"{what}: no earlier entry proposed it");
                    return;
                }
                var proposal = proposals[number - 1];
                if (root.GetProperty("from").GetString() != proposal.From || root.GetProperty("to").GetString() != proposal.To)
                    Problem(index, $"{what}: its stages are not the proposal's ({proposal.From} to {proposal.To}, entry {proposal.Index})");
                if (proposal.Decided) Problem(index, $"{what}: a vote on a proposal already decided");
                var statement = new StageStatement(plan, number, PublicNames.All<PlanState>(PublicNames.Name).GetValueOrDefault(proposal.From),
                    PublicNames.All<PlanState>(PublicNames.Name).GetValueOrDefault(proposal.To), party, organization, decided);
                if (!SignedBy(index, what, root, party, organization, statement.Challenge())) return;
                var unit = organization ?? VoteStatement.WholeParty;
                if (!proposal.Votes.TryAdd($"{party}/{unit}", (party, unit, decided)))
                    Problem(index, $"{what}: a second vote of the same party or organisation on one proposal");
                // A party that objected decides the proposal: the plan stays, and a new proposal may follow.
                if (Positions(proposal.Votes.Values).ContainsValue(PartyPosition.Objected)) proposal.Decided = true;
                break;
            }
            case PlanStageEvents.Changed:
            {
                var number = root.GetProperty("proposal").GetInt32();
                var what = string.Create(CultureInfo.InvariantCulture, $"{type} of plan {plan} by proposal {number}");
                if (proposals is null || number < 1 || number > proposals.Count)
                {
                    Problem(index, $"{what}: no earlier entry proposed it");
                    return;
                }
                var proposal = proposals[number - 1];
                if (proposal.Decided) Problem(index, $"{what}: the proposal was already decided");
                if (stage != proposal.From) Problem(index, $"{what}: the plan was in {stage ?? "no recorded stage"}, not {proposal.From}");
                if (root.GetProperty("state").GetString() != proposal.To) Problem(index, $"{what}: its state is not {proposal.To}, the stage proposed");
                var missing = Positions(proposal.Votes.Values).Where(p => p.Value != PartyPosition.Approved)
                    .Select(p => $"{p.Key} ({p.Value.ToString().ToLowerInvariant()})").ToList();
                if (missing.Count > 0) Problem(index, $"{what}: not every party approved it with a valid signed vote: {string.Join(", ", missing)}");
                // Nothing but the stage moves: the plan's other facts are as the record had them.
                if (before is { } earlier)
                    foreach (var field in earlier.EnumerateObject())
                        if (field.Name is not ("state" or "proposal") && (!root.TryGetProperty(field.Name, out var now) || now.GetRawText() != field.Value.GetRawText()))
                            Problem(index, $"{what}: its {field.Name} is not the plan's as recorded before; a stage change moves the stage only");
                proposal.Decided = true;
                break;
            }
            default:
                // plan.imported: an import must not move a stage the forum decided.
                if (proposals is not null && root.GetProperty("state").GetString() != stage)
                    Problem(index, string.Create(CultureInfo.InvariantCulture,
                        $"{type} of plan/{plan} moves its stage from {stage ?? "none"} to {root.GetProperty("state").GetString() ?? "none"}; the forum decides a plan's stage in Pacta, by a proposal every party approves"));
                break;
        }
    }

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
        var what = string.Create(CultureInfo.InvariantCulture, $"{type} of {code} version {number} for {party}{(organization is null ? "" : "/" + organization)}");
        if (DecisionOf(index, what, root, type == AgreementEvents.Approved) is not { } decided) return;
        if (!_commitments.TryGetValue(code, out var commitment) || number < 1 || number > commitment.Versions.Count)
        {
            Problem(index, $"{what}: no earlier entry proposed that version");
            return;
        }
        var version = commitment.Versions[number - 1];
        if (root.GetProperty("versionHash").GetString() != version.Hash) Problem(index, $"{what}: its versionHash is not the hash of that version (entry {version.Index})");
        if (version.Agreed || number < commitment.Versions.Count) Problem(index, $"{what}: a vote on a version already agreed or superseded");

        if (!SignedBy(index, what, root, party, organization, new VoteStatement(code, number, version.Hash, party, organization, decided).Challenge())) return;
        var unit = organization ?? VoteStatement.WholeParty;
        if (!version.Votes.TryAdd($"{party}/{unit}", (party, unit, decided)))
            Problem(index, $"{what}: a second vote of the same party or organisation on one version");
    }

    /// <summary>
    /// A vote's decision, when it is its type's (<paramref name="approvalType"/>: an approval event) and an objection gives
    /// its reason; null, with the problem, when the decision is not the type's (a missing reason is a problem, not fatal).
    /// </summary>
    private VoteDecision? DecisionOf(long index, string what, JsonElement root, bool approvalType)
    {
        var decision = root.GetProperty("decision").GetString();
        if (approvalType != (decision == "approve") || decision is not ("approve" or "object"))
        {
            Problem(index, $"{what}: its decision \"{decision}\" is not its type's");
            return null;
        }
        if (!approvalType && root.GetProperty("reason").ValueKind != JsonValueKind.String) Problem(index, $"{what}: an objection without its reason");
        return approvalType ? VoteDecision.Approval : VoteDecision.Objection;
    }

    /// <summary>
    /// Whether a vote for <paramref name="party"/> (as <paramref name="organization"/>, or as a whole) is cast under an
    /// appointment of that party that may cast it under the party's DecisionRule, and signed over
    /// <paramref name="challenge"/> by a credential the record publishes for the appointment; each failure a problem.
    /// </summary>
    private bool SignedBy(long index, string what, JsonElement root, string party, string? organization, byte[] challenge)
    {
        if (Data($"party/{party}") is not { } partyData) return false; // reported by the shape check
        var rule = partyData.GetProperty("decisionRule").GetString();
        var appointment = root.GetProperty("appointment").GetString()!;
        if (Data($"representative/{appointment}") is not { } representative) return false; // an ended or unknown appointment: reported by the shape check
        var appointedParty = representative.GetProperty("party").GetString();
        var appointedOrganization = representative.GetProperty("organization").GetString();
        string? problem;
        if (appointedParty != party) problem = $"appointment {appointment} represents {appointedParty}, not {party}";
        else if (rule == PublicNames.Name(DecisionRule.SingleRepresentative) && (organization is not null || appointedOrganization is not null))
            problem = $"{party} decides by a single representative, who represents the whole party";
        else if (rule != PublicNames.Name(DecisionRule.SingleRepresentative) && organization is null)
            problem = $"{party} decides by its organisations ({rule}); a vote names one";
        else if (appointedOrganization is not null && appointedOrganization != organization)
            problem = $"appointment {appointment} represents {appointedOrganization}, not {organization}";
        else problem = Signature(root, representative, challenge);
        if (problem is not null) Problem(index, $"{what}: {problem}");
        return problem is null;
    }

    /// <summary>The signature's problem, or null: the credential is one the appointment's latest entry publishes, and it signed the statement.</summary>
    private static string? Signature(JsonElement vote, JsonElement representative, byte[] challenge)
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
            .Verify(challenge, vote.GetProperty("relyingParty").GetString()!, null, publicKey) is { } problem
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
        var missing = Positions(version.Votes.Values).Where(p => p.Value != PartyPosition.Approved)
            .Select(p => $"{p.Key} ({p.Value.ToString().ToLowerInvariant()})").ToList();
        if (missing.Count > 0) Problem(index, $"{what}: not every party approved it with a valid signed vote: {string.Join(", ", missing)}");
        version.Agreed = true;
        commitment.AgreedVersion = number;
    }

    /// <summary>Every party's position from valid votes, under the rule the record gives it; the record's organisations are the units.</summary>
    private SortedDictionary<string, PartyPosition> Positions(IEnumerable<(string Party, string Unit, VoteDecision Decision)> votes)
    {
        var organizations = entities.Values.Where(e => e.Kind == EntityKind.Organization)
            .Select(e => JsonElement.Parse(e.Data.Span)).Select(o => (Party: o.GetProperty("party").GetString()!, Name: o.GetProperty("shortName").GetString()!))
            .ToLookup(o => o.Party, o => o.Name);
        var cast = votes.ToList();
        var positions = new SortedDictionary<string, PartyPosition>(StringComparer.Ordinal);
        foreach (var party in entities.Values.Where(e => e.Kind == EntityKind.Party))
        {
            var data = JsonElement.Parse(party.Data.Span);
            var key = data.GetProperty("key").GetString()!;
            var rule = PublicNames.All<DecisionRule>(PublicNames.Name).GetValueOrDefault(data.GetProperty("decisionRule").GetString() ?? "");
            positions[key] = PartyDecisions.Tally(rule, [.. organizations[key]], cast.Where(v => v.Party == key).Select(v => (v.Unit, v.Decision)));
        }
        return positions;
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
