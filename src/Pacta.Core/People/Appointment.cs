namespace Pacta.Core.People;

/// <summary>
/// A member appointed to act for a party, or for one organisation of it, under that party's DecisionRule.
/// An appointment ends (it is never deleted) so that what a representative did stays attributable to the
/// role they held at the time.
/// </summary>
public sealed class Appointment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MemberId { get; init; }
    public required string PartyKey { get; init; }

    /// <summary>The organisation represented; null when the member represents the whole party.</summary>
    public Guid? OrganizationId { get; init; }

    public required DateTimeOffset Since { get; init; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Who appointed them: a representative of the party, or null when the operator's `pacta invite` did.</summary>
    public Guid? AppointedBy { get; init; }

    /// <summary>
    /// When the appointment's current state (its credentials) was last appended to the record as
    /// <c>representative.appointed</c>; null while it has never been. <see cref="PublishedCredential"/> says which
    /// credentials that entry carried, so publishing again appends only when they changed.
    /// </summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public bool IsActive => EndedAt is null;
}
