using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.RecordStore;

namespace Pacta.Core.People;

/// <summary>A passkey's public half as the record carries it: credential id and COSE key in base64url, and the key's algorithm.</summary>
public sealed record PublicCredential(string Id, string PublicKey, int? Algorithm)
{
    public static PublicCredential From(byte[] credentialId, byte[] publicKey) =>
        new(Base64Url(credentialId), Base64Url(publicKey), CoseKey.Algorithm(publicKey));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Reads base64url as <see cref="Base64Url"/> writes it (no padding, no <c>+</c> or <c>/</c>); false for anything else.</summary>
    public static bool TryFromBase64Url(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Contains('=') || text.Contains('+') || text.Contains('/')) return false;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A current representative as the public sees them: the role, never the person.</summary>
/// <param name="Organization">The organisation's short name; null for a representative of the whole party.</param>
public sealed record PublicRepresentative(Guid Appointment, string Party, string? Organization, DateTimeOffset Since, IReadOnlyList<PublicCredential> Credentials)
{
    public string Subject => RepresentativeEvents.Subject(Appointment);
}

/// <summary>The record events of representatives: <c>representative.appointed</c> and <c>representative.removed</c> (docs/record.md).</summary>
public static class RepresentativeEvents
{
    public const string Appointed = "representative.appointed";
    public const string Removed = "representative.removed";

    public static string Subject(Guid appointment) => $"representative/{appointment:D}";

    /// <summary>Who acted, as a role: a representative of the party (or of one organisation), or the operator's `pacta invite`.</summary>
    public static JsonObject Actor(string partyKey, string? organization) =>
        new() { ["role"] = "representative", ["party"] = partyKey, ["organization"] = organization };

    public static RecordEvent AppointedEvent(JsonObject actor, PublicRepresentative representative) =>
        new(Appointed, actor, representative.Subject, new JsonObject
        {
            ["appointment"] = representative.Appointment.ToString("D"),
            ["party"] = representative.Party,
            ["organization"] = representative.Organization,
            ["since"] = RecordEvent.FormatTime(representative.Since),
            ["credentials"] = new JsonArray([.. representative.Credentials.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["publicKey"] = c.PublicKey,
                ["algorithm"] = c.Algorithm,
            })]),
        });

    public static RecordEvent RemovedEvent(JsonObject actor, Guid appointment, string partyKey, string? organization, DateTimeOffset since, DateTimeOffset until) =>
        new(Removed, actor, Subject(appointment), new JsonObject
        {
            ["appointment"] = appointment.ToString("D"),
            ["party"] = partyKey,
            ["organization"] = organization,
            ["since"] = RecordEvent.FormatTime(since),
            ["until"] = RecordEvent.FormatTime(until),
        });
}

/// <summary>Reads the current representatives the way the public sees them (open data API, party page, the record).</summary>
public static class PublicRepresentatives
{
    /// <summary>
    /// Every active appointment of <paramref name="partyKey"/> (or of the member <paramref name="memberId"/>), with the
    /// appointee's current passkeys. Published or not: the portal shows what it acts on, so an appointment the record
    /// lacks is caught by <c>pacta verify --url</c>.
    /// </summary>
    public static async Task<List<PublicRepresentative>> ReadAsync(PactaDbContext db, string? partyKey, Guid? memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Appointments.AsQueryable().Where(a => a.EndedAt == null);
        if (partyKey is not null) query = query.Where(a => a.PartyKey == partyKey);
        if (memberId is not null) query = query.Where(a => a.MemberId == memberId);
        var appointments = await query.Select(a => new
            {
                a.Id,
                a.MemberId,
                a.PartyKey,
                Organization = db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.ShortName).FirstOrDefault(),
                OrganizationPosition = db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => (int?)o.Position).FirstOrDefault(),
                a.Since,
            }).ToListAsync(cancellationToken);
        var members = appointments.Select(a => a.MemberId).Distinct().ToList();
        // Whole rows: projecting a byte array out of the JSON column reads it back wrongly on SQLite (EF Core 10).
        var passkeys = (await db.UserPasskeys.AsNoTracking().Where(p => members.Contains(p.UserId)).ToListAsync(cancellationToken))
            .Select(p => new { p.UserId, p.CredentialId, p.Data.PublicKey }).ToList();
        return [.. appointments
            .OrderBy(a => a.OrganizationPosition ?? -1).ThenBy(a => a.Id)
            .Select(a => new PublicRepresentative(a.Id, a.PartyKey, a.Organization, a.Since.ToUniversalTime(),
                [.. passkeys.Where(p => p.UserId == a.MemberId).Select(p => PublicCredential.From(p.CredentialId, p.PublicKey)).OrderBy(c => c.Id, StringComparer.Ordinal)]))];
    }
}
