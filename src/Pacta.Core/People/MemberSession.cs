namespace Pacta.Core.People;

/// <summary>
/// One signed-in browser. The sign-in cookie carries only this row's id; deleting the row signs that browser
/// out at its next request. No address is kept: the rate limiter sees addresses in memory only.
/// </summary>
public sealed class MemberSession
{
    public const int DeviceMaxLength = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MemberId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastSeenAt { get; set; }

    /// <summary>A coarse label from the user agent ("Firefox on Linux"), so a member can tell their sessions apart.</summary>
    public required string Device { get; init; }

    /// <summary>How this session was opened: <c>passkey</c>, <c>totp</c> or <c>recovery-code</c>.</summary>
    public required string Method { get; init; }
}
