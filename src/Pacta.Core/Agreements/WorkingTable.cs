namespace Pacta.Core.Agreements;

/// <summary>
/// A working table (mesa de trabajo): a theme of a plan in co-creation where members of every party draft
/// commitments together. The table and its drafts are public; who sits at it is seen by participants only.
/// </summary>
public sealed class WorkingTable
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required int PlanNumber { get; init; }
    public required LocalizedText Theme { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The representative who opened it; private.</summary>
    public required Guid OpenedBy { get; init; }

    public List<TableSeat> Seats { get; } = [];
}

/// <summary>A member seated at a working table by a representative of the member's party.</summary>
public sealed class TableSeat
{
    public required Guid TableId { get; init; }
    public required Guid MemberId { get; init; }
    public required Guid AddedBy { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
}
