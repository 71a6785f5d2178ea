using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Core.Record;

namespace Pacta.Core.RecordStore;

/// <summary>
/// One public state change, before it is timed and appended: <c>type</c> (<c>party.imported</c>),
/// <c>actor</c> (who acted, as a role, never a person's private data), <c>subject</c> (the public id
/// of what changed, <c>party/civil-society</c>) and <c>data</c> (the complete public state it establishes).
/// </summary>
public sealed record RecordEvent(string Type, JsonObject Actor, string Subject, JsonObject Data)
{
    /// <summary>The operator acting through a forum document import (the CLI or the first-start seed).</summary>
    public static JsonObject OperatorImport() => new() { ["role"] = "operator", ["via"] = "import" };

    /// <summary>
    /// The event's bytes in the record: <c>{actor, data, subject, time, type}</c> as RFC 8785 canonical
    /// JSON, with <paramref name="time"/> in UTC as RFC 3339 ending in <c>Z</c>.
    /// </summary>
    public byte[] Encode(DateTimeOffset time)
    {
        // DeepClone: a JsonNode has one parent, and the same actor object may be shared by many events.
        var json = new JsonObject
        {
            ["type"] = Type,
            ["time"] = FormatTime(time),
            ["actor"] = Actor.DeepClone(),
            ["subject"] = Subject,
            ["data"] = Data.DeepClone(),
        };
        return CanonicalJson.Serialize(json);
    }

    /// <summary>RFC 3339 in UTC with a 'Z' and no trailing zeros in the fraction (<c>2026-11-25T10:04:05.12Z</c>).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
