using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.PrivateSpaces;

namespace Pacta.Web.Api;

/// <summary>The public incident register: what parties chose to publish about threats to civic space, nothing more.</summary>
internal static class IncidentsApi
{
    public static void MapIncidentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/incidents", ListIncidents)
            .WithName("ListIncidents")
            .WithSummary("Incidents against civic space (surveillance, threats, harassment) that a party published: party, category, month and the party's summary. Never the details or who reported.")
            .WithTags("Incidents");
    }

    public static async Task<Ok<List<IncidentDto>>> ListIncidents(PactaDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedIncidents.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .OrderByDescending(i => i.Month, StringComparer.Ordinal).ThenBy(i => i.PartyKey, StringComparer.Ordinal).ThenBy(i => i.PublishedAt)
            .Select(i => new IncidentDto(i.Id.ToString(), i.PartyKey, IncidentCategoryNames.Name(i.Category), i.Month, new BilingualText(i.SummaryEs, i.SummaryEn)))
            .ToList());
    }
}

/// <summary>A published incident, with the fields of its <c>incident.published</c> event.</summary>
/// <param name="Id">Its public id; its record subject is <c>incident/ID</c>.</param>
/// <param name="Party">The party that published it.</param>
/// <param name="Category">surveillance, threat, harassment or other.</param>
/// <param name="Month">yyyy-MM, the month the party gave.</param>
/// <param name="Summary">The party's public summary, in Spanish and/or English.</param>
public sealed record IncidentDto(string Id, string Party, string Category, string Month, BilingualText Summary);
