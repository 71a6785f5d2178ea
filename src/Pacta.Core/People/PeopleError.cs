namespace Pacta.Core.People;

/// <summary>
/// Why an operation on people refused: the input <paramref name="Field"/> it is about, a stable
/// <paramref name="Code"/> (pages show the localized text <c>PeopleError_{Code}</c>) and an English
/// <paramref name="Message"/> for the command line.
/// </summary>
public sealed record PeopleError(string Field, string Code, string Message);

/// <summary>An operation's value, or why it refused (nothing stored then).</summary>
public sealed record PeopleResult<T>(T? Value, PeopleError? Error)
{
    public bool Succeeded => Error is null;
}

public static class PeopleResult
{
    public static PeopleResult<T> Ok<T>(T value) => new(value, null);

    public static PeopleResult<T> Refused<T>(string field, string code, string message) => new(default, new PeopleError(field, code, message));
}

/// <summary>Helpers the people operations share: who may act for which part of a party.</summary>
internal static class PeopleRules
{
    /// <summary>Microseconds: the finest time both databases keep, so a time read back equals the one written in the record.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>
    /// Whether the acting member's active appointments in <paramref name="partyKey"/> cover
    /// <paramref name="organizationId"/>: a whole-party representative covers every organisation (and the
    /// whole party, null); an organisation's representative covers only that organisation.
    /// </summary>
    public static bool Covers(IReadOnlyCollection<Appointment> actorAppointments, string partyKey, Guid? organizationId) =>
        actorAppointments.Any(a => a.PartyKey == partyKey && a.EndedAt is null && (a.OrganizationId is null || (organizationId is not null && a.OrganizationId == organizationId)));
}
