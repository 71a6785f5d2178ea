using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace Pacta.Core.People;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), checked by Pacta rather than by
/// Identity's authenticator provider, which accepts the steps before and after the current one (±90 s in all)
/// and the same code any number of times. Here a code is accepted only for the current step, and only when
/// that step is later than the last one the member used (<see cref="Member.LastTotpStep"/>).
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Where a member's secret is kept (Identity's token table, under Pacta's own provider name).</summary>
    public const string TokenProvider = "Pacta";
    public const string SecretTokenName = "TotpSecret";

    /// <summary>160 random bits, the size RFC 4226 recommends, in the base32 that authenticator apps read.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code an authenticator shows at <paramref name="time"/>.</summary>
    public static string CodeAt(string secret, DateTimeOffset time) =>
        new Totp(Base32Encoding.ToBytes(secret), StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(time.UtcDateTime);

    /// <summary>
    /// The step the code belongs to when it is the current step's code and that step is newer than
    /// <paramref name="lastStep"/>; otherwise null (wrong, from another step, or already used).
    /// </summary>
    public static long? Verify(string secret, string? code, DateTimeOffset now, long? lastStep)
    {
        var digits = Normalize(code);
        if (digits.Length != Digits) return null;
        var step = StepAt(now);
        if (lastStep is { } last && step <= last) return null;
        var expected = CodeAt(secret, now);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(digits)) ? step : null;
    }

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string secret, string account) =>
        $"otpauth://totp/Pacta:{Uri.EscapeDataString(account)}?secret={secret}&issuer=Pacta&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>People type codes with spaces ("123 456"), as apps show them.</summary>
    private static string Normalize(string? code) =>
        code is null ? "" : new string(code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}

/// <summary>
/// Single-use codes that stand in for an authenticator app. Identity keeps its recovery codes in clear text;
/// these are kept as SHA-256 hashes (each code carries 50 random bits, so no salt or slow hash is needed to
/// make a stolen list useless), and a used code is removed.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    public const string TokenName = "RecoveryCodes";

    // No 0/O, 1/I/L: codes are copied by hand from paper.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static IReadOnlyList<string> Create() =>
        Enumerable.Range(0, Count).Select(_ =>
        {
            var chars = RandomNumberGenerator.GetString(Alphabet, 10);
            return chars[..5] + "-" + chars[5..];
        }).ToList();

    public static string HashAll(IEnumerable<string> codes) => string.Join(";", codes.Select(Hash));

    /// <summary>The stored list without <paramref name="code"/>, or null when the code is not in it.</summary>
    public static string? Redeem(string? stored, string? code)
    {
        if (string.IsNullOrEmpty(stored) || string.IsNullOrWhiteSpace(code)) return null;
        var hash = Hash(code);
        var hashes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = hashes.FindIndex(h => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(h), Encoding.ASCII.GetBytes(hash)));
        if (index < 0) return null;
        hashes.RemoveAt(index);
        return string.Join(";", hashes);
    }

    public static int Remaining(string? stored) => stored?.Split(';', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

    private static string Hash(string code)
    {
        var normalized = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }
}
