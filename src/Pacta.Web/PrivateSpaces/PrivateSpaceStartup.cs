using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pacta.Core.Data;
using Pacta.Core.PrivateSpaces;
using Pacta.Web.People;

namespace Pacta.Web.PrivateSpaces;

internal static class PrivateSpaceStartup
{
    public static void AddPactaPrivateSpaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPartyKeyProtector, DataProtectionPartyKeys>();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    public static void MapPactaPrivateSpaces(this WebApplication app)
    {
        foreach (var language in new[] { "es", "en" })
        {
            app.MapGet($"/{language}/parties/{{party}}/space/documents/{{id:guid}}", DownloadAsync)
                .RequireAuthorization(Policies.PartyMember);
        }
    }

    /// <summary>
    /// A document, always as a download of an opaque type: whatever a member uploaded (HTML, SVG, a script)
    /// must never run in Pacta's origin.
    /// </summary>
    private static async Task<IResult> DownloadAsync(
        string party, Guid id, HttpContext http, PactaDbContext db, IPartyKeyProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = http.SignedInMember()!;
        var document = await db.SpaceDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.PartyKey == party, cancellationToken);
        if (document is null) return Results.NotFound();
        string name;
        byte[] content;
        try
        {
            using var sealer = await new OpenPartySpace(db, protector).ExecuteAsync(party, time.GetUtcNow(), cancellationToken);
            name = sealer.OpenText(document.Id, SpaceFields.DocumentName, document.SealedName);
            content = sealer.Open(document.Id, SpaceFields.DocumentContent, document.SealedContent);
        }
        catch (Exception e) when (e is SpaceKeyUnavailableException or CryptographicException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "This document cannot be opened: the private space's key is unavailable on this server.");
        }
        await new LogSpaceRead(db).ExecuteAsync(party, member.MemberId, $"document {id} downloaded", time.GetUtcNow(), cancellationToken);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(content, "application/octet-stream", DocumentNames.Sanitize(name));
    }
}
