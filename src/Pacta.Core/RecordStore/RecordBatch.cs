namespace Pacta.Core.RecordStore;

/// <summary>
/// The events one operation adds while it runs inside <see cref="RecordWriter"/>. They are appended to
/// the record only if the operation succeeds, in the order added, with the events of the other operations
/// of its group, in the same transaction as its change.
/// </summary>
public sealed class RecordBatch
{
    private readonly List<RecordEvent> _events = [];

    internal IReadOnlyList<RecordEvent> Events => _events;

    public int Count => _events.Count;

    public void Add(RecordEvent recordEvent)
    {
        ArgumentNullException.ThrowIfNull(recordEvent);
        _events.Add(recordEvent);
    }

    public void AddRange(IEnumerable<RecordEvent> recordEvents)
    {
        ArgumentNullException.ThrowIfNull(recordEvents);
        foreach (var recordEvent in recordEvents) Add(recordEvent);
    }
}

/// <summary>
/// What an operation written through <see cref="RecordWriter"/> returned, once it is durable: its
/// <paramref name="Value"/>, and the record indexes of its events, <paramref name="FirstIndex"/> up to
/// <paramref name="FirstIndex"/> + <paramref name="EventCount"/> - 1 (-1 when it added no events).
/// </summary>
public sealed record RecordWritten<T>(T Value, long FirstIndex, int EventCount);
