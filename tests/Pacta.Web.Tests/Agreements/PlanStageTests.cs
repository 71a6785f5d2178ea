using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Agreements;
using Pacta.Core.ForumDocuments;
using Pacta.Core.Plans;
using Pacta.Core.RecordStore;
using Pacta.Testing;
using Pacta.Web.Tests.Infrastructure;
using Pacta.Web.Tests.Verify;
using static Pacta.Web.Tests.Agreements.AgreementTesting;
using static Pacta.Web.Tests.People.PeopleTesting;

namespace Pacta.Web.Tests.Agreements;

/// <summary>
/// A plan's stages move only when every party approves, each vote signed with the representative's passkey, through the
/// pages: plan 100 goes from co-creation to implementation; then a draft left behind can no longer be agreed, an import
/// cannot move the stage back, and pacta verify --url agrees with the portal.
/// </summary>
public abstract class PlanStageTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-stages-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task EveryParty_ApprovesImplementation_ThePlanMoves_AndVerifyAgrees()
    {
        var (executive, guarantor, civilSociety) = await PartiesAsync();
        var everyone = (Representative[])[executive, guarantor, .. civilSociety];

        // Nothing agreed yet: there is nothing to implement.
        var (nothing, nothingPage, _) = await PostFormWithLocationAsync(executive.Client, "/es/plans/100/stages/new", "propose-stage", ("Input.ReasonEs", "Pronto"));
        Assert.Equal(HttpStatusCode.BadRequest, nothing);
        Assert.Contains("no hay nada que implementar", Text(nothingPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);

        // One commitment agreed by all, and one draft left behind.
        var agreed = await DraftAsync(executive, "Compromiso acordado");
        var agreedHash = await HashAsync(agreed);
        foreach (var representative in everyone) Assert.Equal(HttpStatusCode.OK, (await representative.VoteAsync(agreed, 1, agreedHash)).Status);
        var leftBehind = await DraftAsync(executive, "Borrador que no se acordó");

        var (proposed, _, location) = await PostFormWithLocationAsync(executive.Client, "/es/plans/100/stages/new", "propose-stage",
            ("Input.ReasonEs", "El plan tiene sus compromisos acordados."));
        Assert.Equal(HttpStatusCode.Redirect, proposed);
        Assert.Equal("/es/plans/100/stages#proposal-1", location);
        var (again, againPage, _) = await PostFormWithLocationAsync(guarantor.Client, "/es/plans/100/stages/new", "propose-stage", ("Input.ReasonEs", "Otra vez"));
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("aún deciden", Text(againPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);

        // The public page shows the proposal, undecided, with each party pending.
        var (_, pending, _) = await GetAsync(app.CreateClient(), "/en/plans/100/stages");
        Assert.Equal("Proposal 1: from Co-creation to Implementation", Text(pending.QuerySelector("#proposal-1-title")));
        Assert.Contains("being decided", Text(pending.QuerySelector("#proposal-1")), StringComparison.Ordinal);

        // A vote signed by another key is refused; each party approves; the last approval moves the plan.
        using (var intruder = new TestAuthenticator())
        {
            var (forged, forgedPage) = await guarantor.StageVoteAsync(100, 1, PlanState.CoCreation, PlanState.Implementation, signer: intruder);
            Assert.Equal(HttpStatusCode.BadRequest, forged);
            Assert.Contains("La firma no corresponde a este voto", Text(forgedPage.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        }
        for (var i = 0; i < everyone.Length; i++)
        {
            var (status, page) = await everyone[i].StageVoteAsync(100, 1, PlanState.CoCreation, PlanState.Implementation);
            Assert.True(status == HttpStatusCode.OK, Text(page.QuerySelector("main")));
            Assert.Equal(i == everyone.Length - 1 ? "implementation" : "co-creation", await StateAsync(100));
        }
        var (_, last, _) = await GetAsync(executive.Client, "/es/plans/100/stages/1/vote");
        Assert.Contains("ya está decidida", Text(last.QuerySelector("[role=alert]")), StringComparison.Ordinal);

        // The stages API gives every signed vote; the plan page the new stage.
        using (var stages = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/api/v1/plans/100/stages", UriKind.Relative))))
        {
            var proposal = stages.RootElement.EnumerateArray().Single();
            Assert.Equal("agreed", proposal.GetProperty("outcome").GetString());
            Assert.Equal(everyone.Length, proposal.GetProperty("votes").GetArrayLength());
            Assert.All(proposal.GetProperty("parties").EnumerateObject(), p => Assert.Equal("approved", p.Value.GetString()));
        }
        var feed = await app.CreateClient().GetStringAsync(new Uri("/es/plans/100/feed.atom", UriKind.Relative));
        Assert.Contains("Plan 100: todas las partes aprobaron; el plan está en Implementación", feed, StringComparison.Ordinal);
        var (_, planPage, _) = await GetAsync(app.CreateClient(), "/es/plans/100");
        Assert.Contains("Implementación desde el", Text(planPage.QuerySelector(".facts")), StringComparison.Ordinal);

        // Only co-creation accepts new commitments: the draft left behind stays a draft.
        var (_, latePage, _) = await GetAsync(executive.Client, $"/es/commitments/{leftBehind}/versions/1/vote");
        Assert.Contains("co-creación", Text(latePage.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(latePage.QuerySelector("form[data-passkey=vote]"));

        // An import may not move the stage back.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var import = await new ImportForumDocument(scope.ServiceProvider.GetRequiredService<Pacta.Core.Data.PactaDbContext>())
                .ExecuteAsync("sample-plan.json", await File.ReadAllBytesAsync(RepositoryFiles.Path("testdata", "sample-plan.json")));
            Assert.False(import.Succeeded);
            Assert.Contains(import.Errors, e => e.ToString().Contains("plans[1].state", StringComparison.Ordinal) && e.ToString().Contains("never by an import", StringComparison.Ordinal));
        }
        Assert.Equal("implementation", await StateAsync(100));

        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task AnObjection_DecidesTheProposal_ThePlanStays_AndANewProposalMayFollow()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var guarantor = await app.RepresentativeAsync("INAI");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormWithLocationAsync(guarantor.Client, "/es/plans/99/stages/new", "propose-stage")).Status);

        // Voting for another party, and objecting without a reason, are refused.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var key = executive.Key;
            var statement = new StageStatement(99, 1, PlanState.Implementation, PlanState.Closed, "guarantor", null, VoteDecision.Approval);
            var other = await new CastStageVote(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System, scope.ServiceProvider.GetRequiredService<RelyingParty>())
                .ExecuteAsync(new StageVoteInput(99, 1, "guarantor", VoteDecision.Approval, null, key.CredentialId, key.Assert(statement.Challenge())), executive.Member.Id);
            Assert.Equal("NotYourParty", other.Error?.Code);
        }
        var (noReason, noReasonPage) = await executive.StageVoteAsync(99, 1, PlanState.Implementation, PlanState.Closed, VoteDecision.Objection);
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.NotEmpty(Text(noReasonPage.QuerySelector("[role=alert]")));

        var (objected, _) = await executive.StageVoteAsync(99, 1, PlanState.Implementation, PlanState.Closed, VoteDecision.Objection, "Faltan hitos por cumplir.");
        Assert.Equal(HttpStatusCode.OK, objected);
        Assert.Equal("implementation", await StateAsync(99));
        var (_, page, _) = await GetAsync(app.CreateClient(), "/es/plans/99/stages");
        Assert.Contains("objetada", Text(page.QuerySelector("#proposal-1")), StringComparison.Ordinal);
        Assert.Contains("Faltan hitos por cumplir.", Text(page.QuerySelector("#proposal-1")), StringComparison.Ordinal);

        // Decided: no more votes on it; a new proposal may follow.
        var (_, late, _) = await GetAsync(guarantor.Client, "/es/plans/99/stages/1/vote");
        Assert.Contains("ya está decidida", Text(late.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(late.QuerySelector("form[data-passkey=vote]"));
        var (second, _, location) = await PostFormWithLocationAsync(guarantor.Client, "/es/plans/99/stages/new", "propose-stage", ("Input.ReasonEs", "Segunda propuesta"));
        Assert.Equal(HttpStatusCode.Redirect, second);
        Assert.EndsWith("#proposal-2", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlansPactaDoesNotFollow_AndStagesOutOfOrder_AreRefused()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var (_, unknown, _) = await GetAsync(executive.Client, "/es/plans/4/stages/new");
        Assert.Contains("no está registrada", Text(unknown.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        Assert.Null(unknown.QuerySelector("form textarea"));

        // A stale or crafted form naming a stage that is never the next one.
        var (skipped, skippedPage, _) = await PostFormWithLocationAsync(executive.Client, "/es/plans/100/stages/new", "propose-stage", ("Input.To", "co-creation"));
        Assert.Equal(HttpStatusCode.BadRequest, skipped);
        Assert.NotEmpty(Text(skippedPage.QuerySelector("[role=alert]")));

        // A member who represents nobody may not propose.
        var member = await app.SignInAsync(await app.CreateMemberAsync("SFP"));
        var (_, denied, _) = await GetAsync(member, "/es/plans/99/stages/new");
        Assert.Contains("Solo quien representa", Text(denied.QuerySelector("[role=alert]")), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.StageProposals.CountAsync(p => p.PlanNumber == 4));
    }

    /// <summary>The three parties' representatives: a whole-party one for the executive and the guarantor, one per civil-society organisation.</summary>
    private async Task<(Representative Executive, Representative Guarantor, List<Representative> CivilSociety)> PartiesAsync()
    {
        var executive = await app.RepresentativeAsync("SFP");
        var guarantor = await app.RepresentativeAsync("INAI");
        List<Representative> civilSociety = [];
        await using (var db = app.CreateDbContext())
            foreach (var organization in await db.Organizations.Where(o => o.PartyKey == "civil-society").OrderBy(o => o.ShortName).Select(o => o.ShortName).ToListAsync())
                civilSociety.Add(await app.RepresentativeAsync(organization, ofOrganization: true));
        return (executive, guarantor, civilSociety);
    }

    private async Task<string> DraftAsync(Representative representative, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<RecordWriter>();
        var table = await new OpenWorkingTable(writer, TimeProvider.System).ExecuteAsync(100, new Pacta.Core.LocalizedText("Mesa " + title, null), representative.Member.Id);
        var text = new CommitmentText(new Pacta.Core.LocalizedText(title, null), null, Pacta.Core.LocalizedText.Unknown, Pacta.Core.LocalizedText.Unknown,
            new Pacta.Core.LocalizedText("Objetivo", null), [], "SFP", [], null, null, []);
        var draft = await new ProposeVersion(writer, TimeProvider.System).ExecuteAsync(
            new VersionProposal(null, table.Value, text, Pacta.Core.LocalizedText.Unknown, Pacta.Core.LocalizedText.Unknown), representative.Member.Id);
        return draft.Value?.Code ?? throw new InvalidOperationException(draft.Error?.Message);
    }

    private async Task<string> HashAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.CommitmentVersions.Where(v => v.CommitmentCode == code && v.Number == 1).Select(v => v.Hash).SingleAsync();
    }

    private async Task<string?> StateAsync(int plan)
    {
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri($"/api/v1/plans/{plan}", UriKind.Relative)));
        return json.RootElement.GetProperty("state").GetString();
    }
}

public sealed class PlanStageTestsOnSqlite(SqliteApp app) : PlanStageTests(app), IClassFixture<SqliteApp>;

public sealed class PlanStageTestsOnPostgres(PostgresApp app) : PlanStageTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The operator moves a plan without the parties: the stage changed in the database and a <c>plan.stage.changed</c>
/// appended with the server's key for a proposal nobody approved. pacta verify --url names the entry.
/// </summary>
public abstract class ForgedStageChangeTests(PactaApp app) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pacta-forged-stage-").FullName;

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AStageChangeWithoutEveryPartysApproval_IsNamedByVerify()
    {
        var executive = await app.RepresentativeAsync("SFP");
        long index;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var proposed = await new ProposeStage(scope.ServiceProvider.GetRequiredService<RecordWriter>(), TimeProvider.System)
                .ExecuteAsync(99, PlanState.Closed, Pacta.Core.LocalizedText.Unknown, executive.Member.Id);
            Assert.True(proposed.Succeeded, proposed.Error?.Message);
            await using var db = app.CreateDbContext();
            var plan = await db.ActionPlans.SingleAsync(p => p.Number == 99);
            db.Entry(plan).Property(p => p.State).CurrentValue = PlanState.Closed;
            var proposal = await db.StageProposals.SingleAsync(p => p.PlanNumber == 99);
            await db.SaveChangesAsync();
            await using var transaction = await db.BeginWriteTransactionAsync();
            index = await new RecordAppender(db, TimeProvider.System).AppendAsync([PlanStageEvents.ChangedEvent(plan, proposal)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await app.PublishAsync();
        var result = await VerifyRun.AgainstAsync(app, "--url", "http://localhost", "--key", app.VerifierKey(), "--state", Path.Combine(directory, "state.json"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.OutputLines(), line => line.StartsWith($"entry {index}: plan.stage.changed of plan 99 by proposal 1: not every party approved it with a valid signed vote: civil-society (pending), executive (pending), guarantor (pending)", StringComparison.Ordinal));
    }
}

public sealed class ForgedStageChangeTestsOnSqlite(SqliteApp app) : ForgedStageChangeTests(app), IClassFixture<SqliteApp>;

public sealed class ForgedStageChangeTestsOnPostgres(PostgresApp app) : ForgedStageChangeTests(app), IClassFixture<PostgresApp>;
