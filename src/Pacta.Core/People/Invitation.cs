using System.Security.Cryptography;

namespace Pacta.Core.People;

/// <summary>
/// A single-use, expiring invitation to open an account. Only the SHA-256 of its token is stored: a copy of
/// the database cannot be used to accept an invitation nobody has accepted yet.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required byte[] TokenHash { get; init; }
    public required string Email { get; init; }
    public required AccountKind Kind { get; init; }
    public string? PartyKey { get; init; }
    public Guid? OrganizationId { get; init; }

    /// <summary>
    /// When accepted, the new member is appointed representative: of the whole party when
    /// <see cref="RepresentsWholeParty"/>, else of their organisation <see cref="OrganizationId"/>.
    /// </summary>
    public bool Representative { get; init; }

    /// <summary>
    /// With <see cref="Representative"/>: the appointment is for the whole party (its organisation is still
    /// <see cref="OrganizationId"/>, the member's own: every participant belongs to one organisation).
    /// </summary>
    public bool RepresentsWholeParty { get; init; }

    /// <summary>The representative who invited; null for the operator's `pacta invite`.</summary>
    public Guid? InvitedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;
}

/// <summary>An invitation's secret: 256 random bits, base64url in the link, SHA-256 in the database.</summary>
public static class InvitationToken
{
    public static (string Token, byte[] Hash) Create()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var token = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
