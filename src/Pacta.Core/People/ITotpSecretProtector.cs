namespace Pacta.Core.People;

/// <summary>
/// Wraps a member's authenticator secret before it is stored, with a key kept outside the database: a database copy
/// alone must not let anyone compute a member's codes (Identity itself keeps the secret in clear).
/// </summary>
public interface ITotpSecretProtector
{
    string Protect(string secret);

    /// <summary>The secret, or null when the stored value cannot be unwrapped (another key ring, or tampered).</summary>
    string? Unprotect(string stored);
}
