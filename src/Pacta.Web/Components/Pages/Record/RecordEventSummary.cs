using System.Globalization;
using System.Text.Json;

namespace Pacta.Web.Components.Pages.Record;

/// <summary>
/// What a reader is told about one event: its type, time, actor and subject, read from its stored bytes.
/// Only for display; a member that is missing or of another shape is null rather than an error, so that a
/// page can still show the exact bytes of an event it does not fully understand.
/// </summary>
internal sealed record RecordEventSummary(string? Type, string? TimeText, DateTimeOffset? Time, string? ActorRole, string? ActorVia, string? Subject)
{
    public static RecordEventSummary Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new(null, null, null, null, null, null);
            var time = Text(root, "time");
            var actor = root.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            return new(
                Text(root, "type"),
                time,
                DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null,
                actor.ValueKind == JsonValueKind.Object ? Text(actor, "role") : null,
                actor.ValueKind == JsonValueKind.Object ? Text(actor, "via") : null,
                Text(root, "subject"));
        }
        catch (JsonException)
        {
            return new(null, null, null, null, null, null);
        }
    }

    /// <summary>The event indented for reading, characters unescaped (the page encodes them), or null when it is not JSON.</summary>
    public static string? Indented(byte[] bytes)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes);
            return JsonSerializer.Serialize(json.RootElement, ReadableOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions ReadableOptions = new()
    {
        WriteIndented = true,
        // Shown as HTML-encoded text, never as script or markup, so "é" and "<" can stay as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
