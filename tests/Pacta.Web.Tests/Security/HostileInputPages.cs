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
