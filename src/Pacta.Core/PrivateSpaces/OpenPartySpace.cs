using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;

namespace Pacta.Core.PrivateSpaces;

/// <summary>Unwraps a party's data key, creating it on the space's first use.</summary>
/// <remarks>
/// The key is 256 random bits, stored only wrapped by <see cref="IPartyKeyProtector"/>. Two first uses at
/// once both try to insert; the primary key lets one win and the other reads the winner's key. A key that
/// cannot be unwrapped (the key ring was lost or replaced) is <see cref="SpaceKeyUnavailableException"/>,
/// never a new key: a new one would silently orphan everything the party wrote.
/// </remarks>
public sealed class OpenPartySpace(PactaDbContext db, IPartyKeyProtector protector)
{
    /// <exception cref="SpaceKeyUnavailableException">The stored key cannot be unwrapped with this key ring.</exception>
    public async Task<SpaceSealer> ExecuteAsync(string partyKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stored = await db.PartySpaceKeys.AsNoTracking().SingleOrDefaultAsync(k => k.PartyKey == partyKey, cancellationToken);
        if (stored is null)
        {
            var key = RandomNumberGenerator.GetBytes(SpaceSealer.KeySize);
            try
            {
                var created = new PartySpaceKey { PartyKey = partyKey, WrappedKey = protector.Wrap(partyKey, key), CreatedAt = now };
                db.PartySpaceKeys.Add(created);
                await db.SaveChangesAsync(cancellationToken);
                db.Entry(created).State = EntityState.Detached;
                return new SpaceSealer(partyKey, key);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                stored = await db.PartySpaceKeys.AsNoTracking().SingleAsync(k => k.PartyKey == partyKey, cancellationToken);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        byte[] unwrapped;
        try
        {
            unwrapped = protector.Unwrap(partyKey, stored.WrappedKey);
        }
        catch (CryptographicException e)
        {
            throw new SpaceKeyUnavailableException(partyKey, e);
        }
        try
        {
            return new SpaceSealer(partyKey, unwrapped);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(unwrapped);
        }
    }
}

/// <summary>The party's data key is in the database but the key ring that wrapped it is not here.</summary>
public sealed class SpaceKeyUnavailableException(string partyKey, Exception inner)
    : Exception($"The private space key of {partyKey} cannot be unwrapped: the key ring that wrapped it is missing or was replaced.", inner)
{
    public string PartyKey { get; } = partyKey;
}
