using System.Security.Cryptography;
using System.Text.Json;

namespace Pacta.Core.People;

/// <summary>
/// A WebAuthn assertion (the browser's answer to <c>navigator.credentials.get</c>) as a vote carries it: the
/// authenticator data, the client data JSON and the signature over both (W3C WebAuthn Level 3, §7.2).
/// </summary>
public sealed record WebAuthnAssertion(byte[] AuthenticatorData, byte[] ClientDataJson, byte[] Signature)
{
    /// <summary>
    /// Checks the assertion against a challenge Pacta derived (not one it chose at random: the SHA-256 of what is
    /// signed), the relying party and a public key; returns null when it holds, otherwise what is wrong.
    /// </summary>
    /// <remarks>
    /// The same check runs in the web app before a vote is stored and in <c>pacta verify</c> on every vote in the
    /// record, so it needs nothing but the record: the origin is checked against <paramref name="origins"/> when the
    /// caller has a configured list, otherwise it must be the relying party itself or a subdomain of it, over HTTPS
    /// (or plain HTTP on <c>localhost</c>, the embedded default). The signature counter is not checked here: it is
    /// state, and a record verifier reads votes long after they were made.
    /// </remarks>
    /// <param name="challenge">The bytes the client data's <c>challenge</c> must carry.</param>
    /// <param name="relyingPartyId">The relying-party ID (a host name) whose SHA-256 starts the authenticator data.</param>
    /// <param name="origins">The allowed origins; null to derive them from <paramref name="relyingPartyId"/>.</param>
    /// <param name="publicKey">The credential's COSE public key.</param>
    public string? Verify(ReadOnlySpan<byte> challenge, string relyingPartyId, IReadOnlyCollection<string>? origins, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(relyingPartyId);
        if (ClientData() is not { } clientData) return "the client data is not a JSON object";
        if (clientData.Type != "webauthn.get") return $"the client data's type is {Show(clientData.Type)}, not \"webauthn.get\"";
        if (clientData.Challenge != PublicCredential.Base64Url(challenge.ToArray()))
            return "the client data's challenge is not the hash of this statement: the passkey signed something else";
        if (clientData.CrossOrigin == true) return "the assertion was made in a cross-origin frame";
        if (clientData.Origin is null || !OriginAllowed(clientData.Origin, relyingPartyId, origins))
            return $"the client data's origin {Show(clientData.Origin)} is not one of the relying party {relyingPartyId}";

        // rpIdHash (32) ‖ flags (1) ‖ signCount (4) ‖ extensions…
        if (AuthenticatorData.Length < 37) return "the authenticator data is shorter than 37 bytes";
        Span<byte> rpIdHash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(relyingPartyId), rpIdHash);
        if (!CryptographicOperations.FixedTimeEquals(AuthenticatorData.AsSpan(0, 32), rpIdHash))
            return $"the authenticator data is for another relying party than {relyingPartyId}";
        var flags = AuthenticatorData[32];
        if ((flags & 0x01) == 0) return "the authenticator did not see the person present (user presence flag unset)";
        if ((flags & 0x04) == 0) return "the authenticator did not verify the person (user verification flag unset)";

        if (CosePublicKey.TryRead(publicKey, out var keyProblem) is not { } key) return keyProblem;
        var signed = new byte[AuthenticatorData.Length + 32];
        AuthenticatorData.CopyTo(signed, 0);
        SHA256.HashData(ClientDataJson, signed.AsSpan(AuthenticatorData.Length));
        bool valid;
        try
        {
            valid = key.Verify(signed, Signature);
        }
        catch (CryptographicException)
        {
            valid = false;
        }
        return valid ? null : "the signature does not verify with the credential's public key";
    }

    /// <summary>The signature counter of the authenticator data (0 when the authenticator keeps none); zero when too short.</summary>
    public uint SignCount => AuthenticatorData.Length >= 37
        ? (uint)(AuthenticatorData[33] << 24 | AuthenticatorData[34] << 16 | AuthenticatorData[35] << 8 | AuthenticatorData[36]) : 0;

    private sealed record ClientDataFields(string? Type, string? Challenge, string? Origin, bool? CrossOrigin);

    private ClientDataFields? ClientData()
    {
        try
        {
            using var document = JsonDocument.Parse(ClientDataJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new ClientDataFields(Text(root, "type"), Text(root, "challenge"), Text(root, "origin"),
                root.TryGetProperty("crossOrigin", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetBoolean() : null);
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Whether <paramref name="origin"/> may speak for <paramref name="relyingPartyId"/>.</summary>
    public static bool OriginAllowed(string origin, string relyingPartyId, IReadOnlyCollection<string>? origins)
    {
        if (origins is { Count: > 0 }) return origins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0) return false;
        var host = uri.IdnHost;
        var ownHost = string.Equals(host, relyingPartyId, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + relyingPartyId, StringComparison.OrdinalIgnoreCase);
        if (!ownHost) return false;
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && relyingPartyId == "localhost");
    }

    private static string Show(string? text) => text is null ? "(none)" : JsonSerializer.Serialize(text);
}
