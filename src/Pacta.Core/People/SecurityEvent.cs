namespace Pacta.Core.People;

/// <summary>
/// A line of the security log: sign-ins and their failures, lockouts, role and invitation changes, every
/// access to a private space. Never an IP address. A party's representatives read the lines of their party.
/// </summary>
public sealed class SecurityEvent
{
    public const int DetailMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public Guid? MemberId { get; init; }
    public string? PartyKey { get; init; }
    public string Detail { get; init; } = "";
}

/// <summary>The kinds of <see cref="SecurityEvent"/>, as stored (stable names: the log is read by people).</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string SessionRevoked = "session.revoked";
    public const string CredentialAdded = "credential.added";
    public const string CredentialRemoved = "credential.removed";
    public const string InvitationIssued = "invitation.issued";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string RoleChanged = "role.changed";
    public const string PrivateSpaceRead = "private-space.read";
    public const string PrivateSpaceWrite = "private-space.write";
    public const string AccountExported = "account.exported";
    public const string AccountDeleted = "account.deleted";
}
