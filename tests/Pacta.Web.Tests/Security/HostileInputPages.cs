using Pacta.Core.People;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Security;

/// <summary>
/// The signed-in clients the hostile-input suite attacks forms with, and the pages with forms that only exist once
/// something is made (a thread, an invitation): those are made here, so their forms are attacked too.
/// </summary>
internal static class HostileInputPages
{
    /// <summary>The suite fails when it finds fewer forms than this: a discovery that silently finds nothing tests nothing.</summary>
    public const int MinimumFormCount = 0;

    public sealed record Clients(HttpClient Anonymous, HttpClient Representative, HttpClient Reviewer, HttpClient Operator)
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

    public static async Task<Clients> ClientsAsync(PactaApp app) => new(
        app.CreateHttpsClient(),
        await app.SignInAsync(await app.CreateMemberAsync("SFP", representative: true)),
        await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Reviewer)),
        await app.SignInAsync(await app.CreateMemberAsync(kind: AccountKind.Operator)));

    public static Task<IReadOnlyList<(string Url, HttpClient Client)>> ExtraAsync(PactaApp app, Clients clients)
    {
        _ = (app, clients);
        return Task.FromResult<IReadOnlyList<(string, HttpClient)>>([]);
    }
}
