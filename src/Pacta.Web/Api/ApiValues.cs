using System.Globalization;
using System.Text.RegularExpressions;
using Pacta.Core;
using Pacta.Core.Commitments;
using Pacta.Core.Forum;
using Pacta.Core.Plans;

namespace Pacta.Web.Api;

/// <summary>
/// A text in both of Pacta's languages as open data shows it: <c>{ "es": …, "en": … }</c>. Its own
/// record rather than <see cref="LocalizedText"/>, so that a property added to the domain type
/// (like <c>IsUnknown</c>) never changes the public JSON. A language the source does not give is null.
/// </summary>
public sealed record BilingualText(string? Es, string? En);

/// <summary>
/// How domain values are written in open data: the same names the forum document format uses
/// (<c>single-representative</c>, <c>withdrawn</c>, <c>co-creation</c>), and partial dates at
/// their own precision (<c>2017-05</c>). These methods are also called inside EF projections,
/// where EF evaluates them on the client after reading the row.
/// </summary>
internal static partial class ApiValues
{
    public static string Iso(PartialDate date) => date.ToString();

    public static string? Iso(PartialDate? date) => date?.ToString();

    // The names themselves are PublicNames': open data, forum documents and the record share them.
    public static string Name(DecisionRule rule) => PublicNames.Name(rule);

    public static string Name(ParticipationStatus status) => PublicNames.Name(status);

    public static string? Name(ParticipationStatus? status) => status is null ? null : PublicNames.Name(status.Value);

    public static string Name(PlanState state) => PublicNames.Name(state);

    public static string? Name(PlanState? state) => state is null ? null : PublicNames.Name(state.Value);

    public static string Name(CommitmentProvenance provenance) => PublicNames.Name(provenance);

    public static string? Name(CommitmentState? state) => state is null ? null : PublicNames.Name(state.Value);

    public static string Name(Pacta.Core.Agreements.VersionKind kind) => PublicNames.Name(kind);

    public static string Name(Pacta.Core.Agreements.PartyPosition position) => PublicNames.Name(position);

    /// <summary>A plan number as a route or query value: digits only, positive (no sign, no spaces).</summary>
    public static bool TryParsePlanNumber(string? text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    // The same shapes the forum document reader accepts: a value of another shape cannot name
    // anything stored, so it is a malformed request (400) rather than an unknown one (404).

    /// <summary>An OGP commitment code: capital letters, digits and '-' (<c>MX0081</c>).</summary>
    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    public static partial Regex CommitmentCode();

    /// <summary>A party key: lowercase words joined by '-' (<c>civil-society</c>).</summary>
    [GeneratedRegex("^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex PartyKey();
}
