using Pacta.Core.Data;
using Pacta.Core.People;

namespace Pacta.Core.PrivateSpaces;

/// <summary>
/// The security log's lines for a private space: which member read or wrote what, by id, never its content.
/// The party's representatives read them (docs/security.md).
/// </summary>
public static class SpaceAccess
{
    public static void Read(PactaDbContext db, string partyKey, Guid memberId, string detail, DateTimeOffset now) =>
        db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.PrivateSpaceRead, MemberId = memberId, PartyKey = partyKey, Detail = detail });

    public static void Write(PactaDbContext db, string partyKey, Guid memberId, string detail, DateTimeOffset now) =>
        db.SecurityEvents.Add(new SecurityEvent { At = now, Kind = SecurityEventKinds.PrivateSpaceWrite, MemberId = memberId, PartyKey = partyKey, Detail = detail });
}

/// <summary>Writes the security log's line for a read of a private space (the thread list, a thread, a document).</summary>
public sealed class LogSpaceRead(PactaDbContext db)
{
    public async Task ExecuteAsync(string partyKey, Guid memberId, string detail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        SpaceAccess.Read(db, partyKey, memberId, detail, now);
        await db.SaveChangesAsync(cancellationToken);
    }
}
