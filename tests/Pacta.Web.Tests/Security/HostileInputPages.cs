using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Data;
using Pacta.Core.People;
using Pacta.Core.PrivateSpaces;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// The signed-in clients the hostile-input suite attacks forms with, and the pages with forms that only exist once
/// something is made (a thread, an incident, an invitation): those are made here, so their forms are attacked too.
/// </summary>
internal static class HostileInputPages
{
    /// <summary>The suite fails when it finds fewer forms than this: a discovery that silently finds nothing tests nothing.</summary>
    public const int MinimumFormCount = 20;

    public sealed record Clients(HttpClient Anonymous, HttpClient Representative, Guid RepresentativeId, HttpClient Reviewer, HttpClient Operator)
    {
        /// <summary>A client that may see pages of this policy (the representative is also a member of the matrix's party).</summary>
        public HttpClient For(string policy) => policy switch
        {
            AuthorizationMatrix.Anonymous => Anonymous,
            "reviewer" => Reviewer,
            "operator" => Operator,
            _ => Representative,
        };
    }

    public static async Task<Clients> ClientsAsync(PactaApp app)
    {
        var representative = await app.CreateMemberAsync("SFP", representative: true);
        return new(
            app.CreateHttpsClient(),
            await app.SignInAsync(representative),
            representative.Id,
            await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Reviewer)),
            await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Operator)));
    }

    /// <summary>Pages to attack besides the matrix's; a one-time form comes with a way to make another like it.</summary>
    public static async Task<IReadOnlyList<(string Url, HttpClient Client, Func<Task<string>>? Renew)>> ExtraAsync(PactaApp app, Clients clients)
    {
        return
        [
            ($"/es/parties/{AuthorizationMatrix.MatrixParty}/space/threads/{await ThreadAsync(app, clients.RepresentativeId)}", clients.Representative, null),
            (await IncidentPageAsync(app, clients.RepresentativeId), clients.Representative, () => IncidentPageAsync(app, clients.RepresentativeId)),
            ($"/es/account/invitation/{await InvitationAsync(app)}", clients.Anonymous, null),
            .. await CoCreationPagesAsync(app, clients),
            ("/es/commitments/DEMO01/milestones/1/report", clients.Representative, null),
            (await DisputePageAsync(app), clients.Representative, () => DisputePageAsync(app)),
            .. await StagePagesAsync(app, clients),
        ];
    }

    /// <summary>
    /// The stage forms: proposing plan 99's next stage (the fictional sample plan, in implementation) and voting on a
    /// proposal to close it. The proposal is made first, so a proposal the suite's first accepted text would make is
    /// refused as pending: the form is attacked in full without the plan moving.
    /// </summary>
    private static async Task<List<(string Url, HttpClient Client, Func<Task<string>>? Renew)>> StagePagesAsync(PactaApp app, Clients clients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var proposal = await new Pacta.Core.Plans.ProposeStage(scope.ServiceProvider.GetRequiredService<Pacta.Core.RecordStore.RecordWriter>(), TimeProvider.System)
            .ExecuteAsync(99, Pacta.Core.Plans.PlanState.Closed, new Pacta.Core.LocalizedText("Cierre del plan de ejemplo", null), clients.RepresentativeId);
        if (!proposal.Succeeded) throw new InvalidOperationException(proposal.Error!.Message);
        return
        [
            ("/es/plans/99/stages/new", clients.Representative, null),
            ($"/es/plans/99/stages/{proposal.Value}/vote", clients.Representative, null),
        ];
    }

    /// <summary>The dispute page of a new progress report by civil society, which the executive's representative may dispute once.</summary>
    private static async Task<string> DisputePageAsync(PactaApp app)
    {
        var reporter = await app.CreateMemberAsync("Colectivo Ejemplo");
        await using var scope = app.Services.CreateAsyncScope();
        var report = await new Pacta.Core.Progress.ReportProgress(scope.ServiceProvider.GetRequiredService<Pacta.Core.RecordStore.RecordWriter>(), TimeProvider.System)
            .ExecuteAsync(new Pacta.Core.Progress.ProgressInput("DEMO01", 3, Pacta.Core.Progress.Completion.Limited, new Pacta.Core.LocalizedText("Primera sesión de la mesa.", null), [], []), reporter.Id);
        return report.Succeeded ? $"/es/progress/{report.Value}/dispute" : throw new InvalidOperationException(report.Error!.Message);
    }

    /// <summary>
    /// The co-creation forms: opening a table (plan 100 is in co-creation), seating a member, the commitment template
    /// (a draft at the table), and a vote on the draft's first version.
    /// </summary>
    private static async Task<List<(string Url, HttpClient Client, Func<Task<string>>? Renew)>> CoCreationPagesAsync(PactaApp app, Clients clients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<Pacta.Core.RecordStore.RecordWriter>();
        var table = await new Pacta.Core.Agreements.OpenWorkingTable(writer, TimeProvider.System)
            .ExecuteAsync(100, new Pacta.Core.LocalizedText("Mesa para el conjunto hostil", null), clients.RepresentativeId);
        // Someone of the representative's party to seat, so the seating form is there.
        await app.CreateMemberAsync("SFP");
        var text = new Pacta.Core.Agreements.CommitmentText(new Pacta.Core.LocalizedText("Compromiso de prueba", null), null, Pacta.Core.LocalizedText.Unknown,
            Pacta.Core.LocalizedText.Unknown, new Pacta.Core.LocalizedText("Objetivo", null), [], "SFP", [], null, null, []);
        var draft = await new Pacta.Core.Agreements.ProposeVersion(writer, TimeProvider.System)
            .ExecuteAsync(new Pacta.Core.Agreements.VersionProposal(null, table.Value, text, Pacta.Core.LocalizedText.Unknown, Pacta.Core.LocalizedText.Unknown), clients.RepresentativeId);
        var code = draft.Value?.Code ?? throw new InvalidOperationException(draft.Error?.Message);
        return
        [
            ("/es/plans/100/tables/new", clients.Representative, null),
            ($"/es/tables/{table.Value}", clients.Representative, null),
            ($"/es/tables/{table.Value}/draft", clients.Representative, null),
            ($"/es/commitments/{code}/versions/1/vote", clients.Representative, null),
        ];
    }

    private static async Task<Guid> ThreadAsync(PactaApp app, Guid memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var sealer = await new OpenPartySpace(db, scope.ServiceProvider.GetRequiredService<IPartyKeyProtector>()).ExecuteAsync(AuthorizationMatrix.MatrixParty, DateTimeOffset.UtcNow);
        return await new StartThread(db).ExecuteAsync(sealer, memberId, "Hilo para el conjunto hostil", "Primer comentario", DateTimeOffset.UtcNow);
    }

    private static async Task<string> IncidentPageAsync(PactaApp app, Guid memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var now = DateTimeOffset.UtcNow;
        var sealer = await new OpenPartySpace(db, scope.ServiceProvider.GetRequiredService<IPartyKeyProtector>()).ExecuteAsync(AuthorizationMatrix.MatrixParty, now);
        var incident = await new ReportIncident(db).ExecuteAsync(
            sealer, memberId, IncidentCategory.Threat, DateOnly.FromDateTime(now.UtcDateTime), "Incidente de prueba", "Detalles de prueba", now);
        return $"/es/parties/{AuthorizationMatrix.MatrixParty}/space/incidents/{incident}/publish";
    }

    private static async Task<string> InvitationAsync(PactaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        var invitation = await new IssueInvitation(db, TimeProvider.System).ExecuteAsync(
            new InvitationRequest($"hostil-{Guid.NewGuid():N}@example.org", AccountKind.Participant, "SFP", Representative: false, RepresentsWholeParty: false, InvitedBy: null));
        return invitation.Value?.Token ?? throw new InvalidOperationException(invitation.Error?.Message);
    }
}
