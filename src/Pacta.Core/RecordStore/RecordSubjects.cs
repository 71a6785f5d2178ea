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
}
