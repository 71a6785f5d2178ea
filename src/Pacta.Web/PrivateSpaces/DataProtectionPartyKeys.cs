using Microsoft.AspNetCore.DataProtection;
using Pacta.Core.PrivateSpaces;

namespace Pacta.Web.PrivateSpaces;

/// <summary>
/// Wraps each party's data key with ASP.NET Core Data Protection, whose key ring lives in a directory outside
/// the database (<c>Pacta:DataProtection:KeysDirectory</c>). The purpose names the party, so a wrapped key
/// copied to another party's row does not unwrap.
/// </summary>
internal sealed class DataProtectionPartyKeys(IDataProtectionProvider provider) : IPartyKeyProtector
{
    public const string Purpose = "Pacta.PrivateSpace.v1";

    public byte[] Wrap(string partyKey, byte[] dataKey) => provider.CreateProtector(Purpose, partyKey).Protect(dataKey);

    public byte[] Unwrap(string partyKey, byte[] wrappedKey) => provider.CreateProtector(Purpose, partyKey).Unprotect(wrappedKey);
}
