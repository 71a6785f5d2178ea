using System.Globalization;
using System.Text.Json;
using Pacta.Core.Data;

namespace Pacta.Core.PrivateSpaces;

/// <summary>A member reports an incident to their party: a thread of kind incident whose first comment is the details.</summary>
/// <remarks>
/// Category and date are sealed with the details: before a party publishes, a copy of the database shows only
/// that a report exists, when, and by whom (docs/security.md).
/// </remarks>
public sealed class ReportIncident(PactaDbContext db)
{
    public async Task<Guid> ExecuteAsync(
        SpaceSealer sealer, Guid memberId, IncidentCategory category, DateOnly date, string title, string details, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        SpaceText.Check(details, SpaceLimits.CommentMaxLength, nameof(details));
        var thread = StartThread.NewThread(sealer, memberId, SpaceThreadKind.Incident, title, now);
        db.SpaceThreads.Add(thread);
        db.SpaceComments.Add(StartThread.NewComment(sealer, thread.Id, memberId, details, now));
        db.IncidentReports.Add(new IncidentReport
        {
            Id = thread.Id,
            PartyKey = sealer.PartyKey,
            SealedFacts = sealer.Seal(thread.Id, SpaceFields.IncidentFacts, JsonSerializer.SerializeToUtf8Bytes(new IncidentFacts(category, date))),
        });
        SpaceAccess.Write(db, sealer.PartyKey, memberId, $"incident {thread.Id} reported", now);
        await db.SaveChangesAsync(cancellationToken);
        return thread.Id;
    }
}

/// <summary>What a report says beyond its details, sealed as JSON.</summary>
public sealed record IncidentFacts(IncidentCategory Category, DateOnly Date)
{
    public static IncidentFacts Open(SpaceSealer sealer, IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(sealer);
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Deserialize<IncidentFacts>(sealer.Open(report.Id, SpaceFields.IncidentFacts, report.SealedFacts))
            ?? throw new JsonException("Empty incident facts.");
    }

    public string Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
