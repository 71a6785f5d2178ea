using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Core.PrivateSpaces;

public enum PublishIncidentOutcome
{
    Published,
    NotFound,
    NotRepresentative,
    AlreadyPublished,
}

/// <summary>A representative of the party makes an incident public: a summary they write, its category and month.</summary>
/// <remarks>
/// Runs inside <see cref="RecordWriter"/> and adds <c>incident.published</c> (docs/record.md): party, category,
/// month and the summary, never the details, the date or anyone's name. The appointment is checked here, not
/// only by the page's policy, since this is what the record will say a representative did. Published once.
/// </remarks>
public sealed class PublishIncident(PactaDbContext db, RecordBatch batch)
{
    public const string EventType = "incident.published";

    public async Task<(PublishIncidentOutcome Outcome, Guid? PublicId)> ExecuteAsync(
        Guid reportId, string partyKey, Guid memberId, IncidentCategory category, string month, string? summaryEs, string? summaryEn,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partyKey);
        if (summaryEs is null && summaryEn is null) throw new ArgumentException("A published incident needs a summary in at least one language.", nameof(summaryEs));
        if (!IncidentMonth.IsValid(month)) throw new ArgumentException("The month is yyyy-MM.", nameof(month));

        if (!await db.IncidentReports.AnyAsync(r => r.Id == reportId && r.PartyKey == partyKey, cancellationToken))
            return (PublishIncidentOutcome.NotFound, null);
        var representative = await db.Appointments.AnyAsync(
            a => a.MemberId == memberId && a.PartyKey == partyKey && a.EndedAt == null, cancellationToken)
            && await db.Users.AnyAsync(m => m.Id == memberId && m.Organization!.PartyKey == partyKey, cancellationToken);
        if (!representative) return (PublishIncidentOutcome.NotRepresentative, null);
        if (await db.PublishedIncidents.AnyAsync(i => i.ReportId == reportId, cancellationToken))
            return (PublishIncidentOutcome.AlreadyPublished, null);

        var published = new PublishedIncident
        {
            ReportId = reportId,
            PartyKey = partyKey,
            Category = category,
            Month = month,
            SummaryEs = summaryEs,
            SummaryEn = summaryEn,
            PublishedAt = now,
        };
        db.PublishedIncidents.Add(published);
        SpaceAccess.Write(db, partyKey, memberId, $"incident {reportId} published", now);
        batch.Add(Event(published));
        return (PublishIncidentOutcome.Published, published.Id);
    }

    public static RecordEvent Event(PublishedIncident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new RecordEvent(
            EventType,
            new JsonObject { ["role"] = "representative", ["party"] = incident.PartyKey },
            RecordSubjects.Incident(incident.Id),
            new JsonObject
            {
                ["id"] = incident.Id.ToString(),
                ["party"] = incident.PartyKey,
                ["category"] = IncidentCategoryNames.Name(incident.Category),
                ["month"] = incident.Month,
                ["summary"] = new JsonObject { ["es"] = incident.SummaryEs, ["en"] = incident.SummaryEn },
            });
    }
}

/// <summary>The public names of <see cref="IncidentCategory"/>, as the record and the API write them.</summary>
public static class IncidentCategoryNames
{
    public static string Name(IncidentCategory category) => category switch
    {
        IncidentCategory.Surveillance => "surveillance",
        IncidentCategory.Threat => "threat",
        IncidentCategory.Harassment => "harassment",
        IncidentCategory.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static bool TryParse(string? name, out IncidentCategory category)
    {
        foreach (var c in Enum.GetValues<IncidentCategory>())
        {
            if (string.Equals(Name(c), name, StringComparison.Ordinal))
            {
                category = c;
                return true;
            }
        }
        category = default;
        return false;
    }
}

public static class IncidentMonth
{
    /// <summary><c>yyyy-MM</c>, a real month.</summary>
    public static bool IsValid(string? month) =>
        month is { Length: 7 } && month[4] == '-'
        && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}
