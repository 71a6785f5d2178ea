using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Pacta.Core.People;

namespace Pacta.Web.People;

/// <summary>Authenticator secrets wrapped by Data Protection, whose key ring lives beside the data, not in the database.</summary>
internal sealed class TotpSecretProtector(IDataProtectionProvider provider) : ITotpSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Pacta.TotpSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
