using System.Globalization;
using Pacta.Core.Forum;

namespace Pacta.Core.RecordStore;

/// <summary>
/// The <c>subject</c> of each kind of event: the stable public id of what changed. One definition, used by
/// the events that write them and by the pages that look up the entry behind what they show.
/// </summary>
public static class RecordSubjects
{
    public const string Forum = "forum";

    public static string Party(string key) => $"party/{key}";

    public static string Organization(string shortName) => $"organization/{shortName}";

    public static string Participation(ParticipationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"participation/{change.PartyKey}/{change.Date}/{PublicNames.Name(change.Status)}";
    }

    public static string Plan(int number) => $"plan/{number.ToString(CultureInfo.InvariantCulture)}";

    public static string Commitment(string code) => $"commitment/{code}";

    public static string Incident(Guid id) => $"incident/{id}";

    public static string WorkingTable(Guid id) => $"working-table/{id:D}";

    public static string Version(string code, int number) => string.Create(CultureInfo.InvariantCulture, $"commitment/{code}/version/{number}");

    /// <summary>A vote's subject: one per version and voting unit (the party, or one of its organisations).</summary>
    public static string Vote(string code, int number, string party, string? organization) =>
        $"{Version(code, number)}/vote/{party}{(organization is null ? "" : "/" + organization)}";
}
