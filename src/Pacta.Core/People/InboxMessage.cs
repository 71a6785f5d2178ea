namespace Pacta.Core.People;

/// <summary>A notice for a member inside Pacta: where sign-in notices go when no SMTP server is configured.</summary>
public sealed class InboxMessage
{
    public const int SubjectMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MemberId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
