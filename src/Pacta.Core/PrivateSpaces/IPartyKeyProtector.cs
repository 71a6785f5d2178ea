namespace Pacta.Core.PrivateSpaces;

/// <summary>
/// Wraps and unwraps a party's data key with a key kept outside the database (the web app: ASP.NET Core Data
/// Protection, whose key ring is a directory of its own). An interface so that Core needs no ASP.NET Core.
/// </summary>
public interface IPartyKeyProtector
{
    byte[] Wrap(string partyKey, byte[] dataKey);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that wrapped it is not in the key ring (lost, or replaced).</exception>
    byte[] Unwrap(string partyKey, byte[] wrappedKey);
}
