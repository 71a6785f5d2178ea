namespace Pacta.Core.Verification.Replay;

/// <summary>How what the portal shows departs from what the record establishes.</summary>
public enum DifferenceKind
{
    /// <summary>Both have the entity; one field (<see cref="Difference.Field"/>) differs.</summary>
    FieldDiffers,

    /// <summary>The portal shows an entity that no record entry created.</summary>
    NotInRecord,

    /// <summary>The record created an entity the portal does not show.</summary>
    MissingFromPortal,
}

/// <summary>
/// One difference between the replayed record and the portal's open data API.
/// </summary>
/// <param name="Subject">The entity's public id, as events name it: <c>commitment/MX0081</c>.</param>
/// <param name="Field">For <see cref="DifferenceKind.FieldDiffers"/>, the field as a JSON path of the API's shape (<c>title.es</c>, <c>milestones[1].endDate</c>).</param>
/// <param name="Record">What the record says, as JSON, shortened to <see cref="MaxValueLength"/> characters.</param>
/// <param name="Portal">What the portal shows, as JSON, shortened likewise; <c>absent</c> when it has no such field.</param>
/// <param name="Index">The index of the entry that established the record's value; null for a value the record implies but no one entry set (a count).</param>
public sealed record Difference(DifferenceKind Kind, string Subject, string? Field, string? Record, string? Portal, long? Index)
{
    /// <summary>Values longer than this are cut, ending in "…".</summary>
    public const int MaxValueLength = 80;

    public override string ToString() => Kind switch
    {
        DifferenceKind.NotInRecord => $"{Subject} is shown by the portal but no record entry created it",
        DifferenceKind.MissingFromPortal => $"{Subject} is in the record (entry {Index}) but the portal does not show it",
        _ => $"{Subject}: {Field}: the record says {Record}{(Index is { } i ? $" (entry {i})" : "")}, the portal shows {Portal}",
    };

    internal static string Shorten(string value)
    {
        if (value.Length <= MaxValueLength) return value;
        var cut = MaxValueLength - 1;
        // Never half a surrogate pair.
        if (char.IsHighSurrogate(value[cut - 1])) cut--;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}

/// <summary>The portal's open data could not be read (an error status, or a body that is not the API's JSON).</summary>
public sealed class PortalReadException : Exception
{
    public PortalReadException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    public PortalReadException() : this("The portal's open data could not be read.")
    {
    }

    public PortalReadException(string message) : this(message, null)
    {
    }
}
