using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Agreements;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.Plans;

namespace Pacta.Web.Api;

/// <summary>
/// Open data about co-creation: working tables, every version of a co-created commitment and every signed vote,
/// in the shapes of their record events, so that anyone can check a signature from this API as from the record.
/// </summary>
internal static class AgreementsApi
{
    public static void MapAgreementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/working-tables", ListWorkingTables)
            .WithName("ListWorkingTables")
            .WithTags("Co-creation")
            .WithSummary("Working tables (mesas de trabajo) of every plan, or of one with ?plan=N: theme and the commitments drafted there.");
        api.MapGet("/commitments/{code}/versions", ListVersions)
            .WithName("ListCommitmentVersions")
            .WithTags("Co-creation")
            .WithSummary("Every version of a co-created commitment, oldest first: its text and hash, and each party's signed approvals and objections.");
        api.MapGet("/plans/{number}/stages", ListStages)
            .WithName("ListPlanStages")
            .WithTags("Plans")
            .WithSummary("Every proposal to move a plan to its next stage (co-creation, implementation, closed), oldest first, with each party's signed votes.");
    }

    public static async Task<Results<Ok<List<StageProposalDto>>, ValidationProblem, NotFoundProblem>> ListStages(
        [Description("Plan number: a positive whole number, like 4.")] string number, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.TryParsePlanNumber(number, out var n)) return ApiProblems.InvalidParameter("number", number, "a plan number is a positive whole number, like 4");
        if (!await db.ActionPlans.AnyAsync(p => p.Number == n, cancellationToken)) return ApiProblems.NotFound($"There is no action plan number {n}.");
        var proposals = await db.StageProposals.AsNoTracking().Where(p => p.PlanNumber == n).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var votes = (await db.StageVotes.AsNoTracking().Where(v => v.PlanNumber == n).ToListAsync(cancellationToken))
            .OrderBy(v => v.Id).ToLookup(v => v.ProposalNumber);
        var positions = await CastStageVote.PositionsAsync(db, n, [.. proposals.Select(p => p.Number)], null, cancellationToken);
        var result = new List<StageProposalDto>(proposals.Count);
        foreach (var p in proposals)
        {
            result.Add(new StageProposalDto(n, p.Number, ApiValues.Name(p.From), ApiValues.Name(p.To), p.ProposedByOrganization, new BilingualText(p.Reason.Es, p.Reason.En),
                p.ProposedAt, p.Outcome is { } outcome ? Pacta.Core.PublicNames.Name(outcome) : null, p.DecidedAt,
                positions[p.Number].OrderBy(x => x.Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => ApiValues.Name(x.Value), StringComparer.Ordinal),
                [.. votes[p.Number].Select(vote => new StageVoteDto(n, p.Number, ApiValues.Name(p.From), ApiValues.Name(p.To), vote.PartyKey, vote.Organization,
                    VoteStatement.Name(vote.Decision), vote.Reason, vote.AppointmentId.ToString("D"), PublicCredential.Base64Url(vote.CredentialId), vote.RelyingPartyId,
                    new AssertionDto(PublicCredential.Base64Url(vote.AuthenticatorData), PublicCredential.Base64Url(vote.ClientDataJson), PublicCredential.Base64Url(vote.Signature)),
                    vote.At))]));
        }
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<List<WorkingTableDto>>, ValidationProblem, NotFoundProblem>> ListWorkingTables(
        [Description("Only the tables of the plan with this number, like 5.")] string? plan, PactaDbContext db, CancellationToken cancellationToken)
    {
        int? planNumber = null;
        if (plan is not null)
        {
            if (!ApiValues.TryParsePlanNumber(plan, out var number))
                return ApiProblems.InvalidParameter("plan", plan, "a plan number is a positive whole number, like 4");
            if (!await db.ActionPlans.AnyAsync(p => p.Number == number, cancellationToken))
                return ApiProblems.NotFound($"There is no action plan number {number}.");
            planNumber = number;
        }
        var tables = await db.WorkingTables.AsNoTracking().Where(t => planNumber == null || t.PlanNumber == planNumber)
            .OrderBy(t => t.PlanNumber).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.PlanNumber, t.Theme.Es, t.Theme.En }).ToListAsync(cancellationToken);
        var ids = tables.Select(t => (Guid?)t.Id).ToList();
        var commitments = (await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.WorkingTableId))
            .OrderBy(c => c.Position).ThenBy(c => c.Code).Select(c => new { c.WorkingTableId, c.Code }).ToListAsync(cancellationToken))
            .ToLookup(c => c.WorkingTableId!.Value, c => c.Code);
        return TypedResults.Ok(tables.Select(t => new WorkingTableDto(t.Id.ToString("D"), t.PlanNumber, new BilingualText(t.Es, t.En), [.. commitments[t.Id]])).ToList());
    }

    public static async Task<Results<Ok<List<CommitmentVersionDto>>, ValidationProblem, NotFoundProblem>> ListVersions(
        [Description("Commitment code: capital letters, digits and '-', like P5-01.")] string code, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiValues.CommitmentCode().IsMatch(code))
            return ApiProblems.InvalidParameter("code", code, "a commitment code is capital letters, digits and '-', like MX0081");
        var commitment = await db.Commitments.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Code, c.PlanNumber, c.WorkingTableId }).SingleOrDefaultAsync(cancellationToken);
        if (commitment is null) return ApiProblems.NotFound($"There is no commitment with code '{code}'.");
        var versions = await db.CommitmentVersions.AsNoTracking().Where(v => v.CommitmentCode == code).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var votes = (await db.Votes.AsNoTracking().Where(v => v.CommitmentCode == code).ToListAsync(cancellationToken))
            .OrderBy(v => v.At).ThenBy(v => v.PartyKey, StringComparer.Ordinal).ThenBy(v => v.Organization, StringComparer.Ordinal).ToLookup(v => v.VersionNumber);
        var positions = await CastVote.PositionsAsync(db, code, [.. versions.Select(v => v.Number)], null, cancellationToken);
        return TypedResults.Ok(versions.Select(v => new CommitmentVersionDto(
            code, commitment.PlanNumber, commitment.WorkingTableId?.ToString("D"), v.Number, ApiValues.Name(v.Kind), v.Hash,
            JsonElement.Parse(v.Text), v.ProposedByOrganization, new BilingualText(v.Reason.Es, v.Reason.En), new BilingualText(v.Effect.Es, v.Effect.En),
            v.ProposedAt, v.AgreedAt,
            positions[v.Number].OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => ApiValues.Name(p.Value), StringComparer.Ordinal),
            [.. votes[v.Number].Select(vote => new VoteDto(code, vote.VersionNumber, v.Hash, vote.PartyKey, vote.Organization, VoteStatement.Name(vote.Decision),
                vote.Reason, vote.AppointmentId.ToString("D"), PublicCredential.Base64Url(vote.CredentialId), vote.RelyingPartyId,
                new AssertionDto(PublicCredential.Base64Url(vote.AuthenticatorData), PublicCredential.Base64Url(vote.ClientDataJson), PublicCredential.Base64Url(vote.Signature)),
                vote.At))])).ToList());
    }
}

/// <param name="Id">The table's public id; its record subject is <c>working-table/ID</c>.</param>
/// <param name="Commitments">Codes of the commitments drafted at the table, drafts and agreed ones.</param>
public sealed record WorkingTableDto(string Id, int Plan, BilingualText Theme, IReadOnlyList<string> Commitments);

/// <summary>One version, with the fields of its <c>commitment.version.proposed</c> or <c>amendment.proposed</c> event.</summary>
/// <param name="Kind"><c>draft</c> or <c>amendment</c>.</param>
/// <param name="Hash">SHA-256 of <paramref name="Text"/> in RFC 8785 canonical form, hex.</param>
/// <param name="Text">The version's text in OGP's template (title, problem, … milestones).</param>
/// <param name="Organization">The proposer's organisation (never the person).</param>
/// <param name="Reason">Why an amendment changes the agreed text; null in both languages for a draft.</param>
/// <param name="Effect">An amendment's effect on scope and dates.</param>
/// <param name="AgreedAt">When the last party's approval made it agreed; null otherwise.</param>
/// <param name="Parties">Each party's position under its DecisionRule: <c>pending</c>, <c>approved</c> or <c>objected</c>.</param>
public sealed record CommitmentVersionDto(
    string Commitment, int Plan, string? Table, int Version, string Kind, string Hash, JsonElement Text, string Organization,
    BilingualText Reason, BilingualText Effect, DateTimeOffset ProposedAt, DateTimeOffset? AgreedAt,
    IReadOnlyDictionary<string, string> Parties, IReadOnlyList<VoteDto> Votes);

/// <summary>A signed vote, with the fields of its <c>commitment.approved</c> or <c>commitment.objected</c> event.</summary>
/// <param name="Organization">The organisation voting under unanimity or majority; null when the party votes as one.</param>
/// <param name="Decision"><c>approve</c> or <c>object</c>.</param>
/// <param name="Appointment">The representative's appointment, whose credentials are in its <c>representative.appointed</c> entry.</param>
/// <param name="Credential">The passkey's credential id (base64url).</param>
/// <param name="RelyingParty">The relying-party ID the passkey is bound to.</param>
public sealed record VoteDto(
    string Commitment, int Version, string VersionHash, string Party, string? Organization, string Decision, string? Reason,
    string Appointment, string Credential, string RelyingParty, AssertionDto Assertion, DateTimeOffset At);

/// <summary>A proposal to move a plan to its next stage, with the fields of its <c>plan.stage.proposed</c> event.</summary>
/// <param name="From">The stage the plan was in: <c>co-creation</c> or <c>implementation</c>.</param>
/// <param name="To">The stage proposed: <c>implementation</c> or <c>closed</c>.</param>
/// <param name="Organization">The proposer's organisation (never the person).</param>
/// <param name="Outcome"><c>agreed</c> (every party approved: the plan moved on <paramref name="DecidedAt"/>), <c>objected</c> (a party objected: it did not), or null while undecided.</param>
/// <param name="Parties">Each party's position under its DecisionRule: <c>pending</c>, <c>approved</c> or <c>objected</c>.</param>
public sealed record StageProposalDto(
    int Plan, int Proposal, string From, string To, string Organization, BilingualText Reason, DateTimeOffset ProposedAt,
    string? Outcome, DateTimeOffset? DecidedAt, IReadOnlyDictionary<string, string> Parties, IReadOnlyList<StageVoteDto> Votes);

/// <summary>A signed vote on a stage proposal, with the fields of its <c>plan.stage.approved</c> or <c>plan.stage.objected</c> event.</summary>
public sealed record StageVoteDto(
    int Plan, int Proposal, string From, string To, string Party, string? Organization, string Decision, string? Reason,
    string Appointment, string Credential, string RelyingParty, AssertionDto Assertion, DateTimeOffset At);

/// <summary>The WebAuthn assertion, base64url: the signature covers authenticatorData ‖ SHA-256(clientDataJSON).</summary>
public sealed record AssertionDto(string AuthenticatorData, string ClientDataJSON, string Signature);
