namespace Pacta.Core.Verification.Replay;

/// <summary>The kinds of public entity the record's events establish, one per subject prefix.</summary>
public enum EntityKind
{
    /// <summary><c>forum</c>, from <c>forum.imported</c>.</summary>
    Forum,

    /// <summary><c>party/KEY</c>, from <c>party.imported</c>.</summary>
    Party,

    /// <summary><c>organization/SHORT NAME</c>, from <c>organization.imported</c>.</summary>
    Organization,

    /// <summary><c>participation/PARTY/DATE/STATUS</c>, from <c>participation.changed</c>.</summary>
    Participation,

    /// <summary><c>plan/N</c>, from <c>plan.imported</c>.</summary>
    Plan,

    /// <summary><c>commitment/CODE</c>, from <c>commitment.imported</c>, <c>commitment.agreed</c> or <c>amendment.agreed</c>.</summary>
    Commitment,

    /// <summary><c>representative/APPOINTMENT</c>, from <c>representative.appointed</c>; <c>representative.removed</c> ends it.</summary>
    Representative,
    /// <summary><c>incident/ID</c>, from <c>incident.published</c>.</summary>
    Incident,

    /// <summary><c>working-table/ID</c>, from <c>working-table.opened</c>.</summary>
    WorkingTable,

    /// <summary><c>commitment/CODE/version/N</c>, from <c>commitment.version.proposed</c> or <c>amendment.proposed</c>.</summary>
    Version,

    /// <summary><c>commitment/CODE/version/N/vote/PARTY[/ORGANIZATION]</c>, from <c>commitment.approved</c> or <c>commitment.objected</c>.</summary>
    Vote,

    /// <summary><c>progress/ID</c>, from <c>progress.reported</c>.</summary>
    Progress,

    /// <summary><c>dispute/ID</c>, from <c>progress.disputed</c> and <c>progress.dispute.answered</c>.</summary>
    Dispute,

    /// <summary><c>plan/N/stage/K</c>, from <c>plan.stage.proposed</c>.</summary>
    StageProposal,

    /// <summary><c>plan/N/stage/K/vote/PARTY[/ORGANIZATION]</c>, from <c>plan.stage.approved</c> or <c>plan.stage.objected</c>.</summary>
    StageVote,
}

/// <summary>One entity as the record establishes it: the <c>data</c> of the latest event about its subject.</summary>
public sealed class ReplayedEntity
{
    private byte[] _data;
    private int _length;

    internal ReplayedEntity(string subject, EntityKind kind, long index, ReadOnlySpan<byte> data)
    {
        Subject = subject;
        Kind = kind;
        _data = new byte[data.Length];
        Set(index, data);
    }

    /// <summary>The public id: <c>commitment/MX0081</c>.</summary>
    public string Subject { get; }

    public EntityKind Kind { get; }

    /// <summary>The index of the record entry that set the current state.</summary>
    public long Index { get; private set; }

    /// <summary>The event's <c>data</c> member, exactly as the entry holds it (UTF-8 JSON).</summary>
    public ReadOnlyMemory<byte> Data => _data.AsMemory(0, _length);

    internal void Set(long index, ReadOnlySpan<byte> data)
    {
        // The buffer is reused: a log that re-imports the same commitments a million times allocates nothing for them.
        if (_data.Length < data.Length) _data = new byte[data.Length];
        data.CopyTo(_data);
        _length = data.Length;
        Index = index;
    }
}

/// <summary>The public state the record's events establish, every entity keyed by its subject.</summary>
public sealed class PublicState
{
    internal PublicState(Dictionary<string, ReplayedEntity> entities) => Entities = entities;

    /// <summary>Every entity, by subject (ordinal).</summary>
    public IReadOnlyDictionary<string, ReplayedEntity> Entities { get; }

    public IEnumerable<ReplayedEntity> OfKind(EntityKind kind) => Entities.Values.Where(e => e.Kind == kind);
}
