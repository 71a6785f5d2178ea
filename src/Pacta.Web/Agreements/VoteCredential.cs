using System.Text.Json;
using Pacta.Core.People;

namespace Pacta.Web.Agreements;

/// <summary>Reads the credential a browser returns from <c>navigator.credentials.get</c> (its <c>toJSON()</c> form) into a vote's assertion.</summary>
internal static class VoteCredential
{
    public const int MaxLength = 16_384;

    /// <summary>The credential id and assertion, or null when the JSON is not an assertion in that form.</summary>
    public static (byte[] CredentialId, WebAuthnAssertion Assertion)? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > MaxLength) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object) return null;
            var id = Bytes(root, "rawId") ?? Bytes(root, "id");
            var authenticatorData = Bytes(response, "authenticatorData");
            var clientData = Bytes(response, "clientDataJSON");
            var signature = Bytes(response, "signature");
            if (id is null || authenticatorData is null || clientData is null || signature is null) return null;
            return (id, new WebAuthnAssertion(authenticatorData, clientData, signature));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Bytes(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && PublicCredential.TryFromBase64Url(value.GetString(), out var bytes)
            ? bytes : null;
}
