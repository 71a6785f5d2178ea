using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pacta.Core.Data;

namespace Pacta.Core.RecordStore;

/// <summary>
/// Runs state-changing operations with group commit: one per process, the single consumer of a queue.
/// The operations waiting when it is free run back to back in one write transaction; the events of those
/// that succeeded are appended with one <see cref="RecordAppender"/> call; the transaction commits once
/// (one fsync), and only then is each caller answered.
/// </summary>
/// <remarks>
/// An operation receives the writer's context and its own <see cref="RecordBatch"/>: it changes entities
/// and adds the events that describe the change; it never saves, begins or commits (the writer saves after
/// each operation, so a constraint it breaks is its own failure, and the next operation reads its writes). The context's change tracker is
/// empty when an operation starts and is cleared after it, so nothing tracked by one operation leaks into
/// the next: load what you change.
/// <para>An operation that throws, or whose save fails, gets its exception, and neither its change nor its
/// events are stored; the rest of the group goes on. A group runs first without savepoints; when one of its
/// operations fails, the transaction is rolled back and the others run again in a new one, each inside its
/// own savepoint (a failing one rolls back to it). So an operation may run twice, only the last run
/// counting: it must change nothing but the database, through the context it is given. A failure of the
/// group itself (beginning the transaction, the append, the commit) fails every operation of the group with
/// that exception, and none of them is stored. A caller that cancels while its operation is still queued
/// gets a cancelled task and its operation never runs; once running, the token is the operation's to honour.</para>
/// <para>A group is cut at <see cref="MaxGroupSize"/> operations or when the queue is empty, so a lone
/// request waits for nothing but its own transaction. Across processes, groups serialize on the record
/// head (PostgreSQL: its row lock, taken at the end of the group; SQLite: the write lock of
/// <c>BEGIN IMMEDIATE</c>).</para>
/// </remarks>
public sealed class RecordWriter : IAsyncDisposable
{
    public const int DefaultMaxGroupSize = 256;
    private const string Savepoint = "pacta_operation";

    private readonly Func<PactaDbContext> _createContext;
    private readonly TimeProvider _time;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _consumer;

    /// <param name="createContext">A new context for each group (its connection is released when the group ends).</param>
    /// <param name="time">The clock of the events' <c>time</c>.</param>
    /// <param name="maxGroupSize">The most operations in one transaction.</param>
    public RecordWriter(Func<PactaDbContext> createContext, TimeProvider time, int maxGroupSize = DefaultMaxGroupSize)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroupSize, 1);
        _createContext = createContext;
        _time = time;
        MaxGroupSize = maxGroupSize;
        _consumer = Task.Run(ConsumeAsync);
    }

    public int MaxGroupSize { get; }

    /// <summary>
    /// Queues <paramref name="operation"/> and completes when its change and its events are committed
    /// (durable), or with its exception when it, or its group, failed.
    /// </summary>
    public Task<RecordWritten<T>> WriteAsync<T>(
        Func<PactaDbContext, RecordBatch, CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<RecordWritten<T>>(cancellationToken);
        var pending = new PendingWrite<T>(operation, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(RecordWriter), "The record writer is shut down; no more operations are accepted.");
        return pending.Task;
    }

    /// <summary>Stops accepting operations, runs those already queued, and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer;
    }

    private async Task ConsumeAsync()
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroupSize && _queue.Reader.TryRead(out var pending))
                if (pending.TryStart()) group.Add(pending);
            if (group.Count == 0) continue;
            try
            {
                await RunGroupAsync(group);
            }
            catch (Exception e)
            {
                // The consumer must outlive any failure: the next group may find the database back.
                foreach (var pending in group) pending.Fail(e);
            }
        }
    }

    private async Task RunGroupAsync(List<PendingWrite> group)
    {
        // Failures are rare, and a savepoint costs two round trips per operation on PostgreSQL (which made
        // them most of a group's time): a group runs without them first, and only when one of its
        // operations fails is it rolled back and the others run again, each in its own savepoint.
        var again = await RunGroupAsync(group, savepoints: false);
        if (again.Count > 0) await RunGroupAsync(again, savepoints: true);
    }

    /// <summary>
    /// Runs <paramref name="group"/> in one transaction and answers every caller; or, without savepoints,
    /// stops at the first operation that fails, rolls everything back, and returns the others to run again.
    /// </summary>
    private async Task<List<PendingWrite>> RunGroupAsync(List<PendingWrite> group, bool savepoints)
    {
        await using var db = _createContext();
        // The writer decides where savepoints go; EF's automatic one inside each save would add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.BeginWriteTransactionAsync();

        var succeeded = new List<(PendingWrite Pending, int Offset, int Count)>(group.Count);
        var events = new List<RecordEvent>();
        foreach (var pending in group)
        {
            var batch = new RecordBatch();
            if (savepoints) await transaction.CreateSavepointAsync(Savepoint);
            try
            {
                await pending.RunAsync(db, batch);
                // Saved after each operation, so the next one reads what this one wrote.
                await db.SaveChangesAsync(pending.CancellationToken);
            }
            catch (Exception e)
            {
                pending.Fail(e);
                if (!savepoints)
                {
                    // It may have written before failing (and on PostgreSQL a failed statement aborts the
                    // whole transaction): none of this group stays.
                    await transaction.RollbackAsync(CancellationToken.None);
                    return [.. group.Where(other => other != pending)];
                }
                await transaction.RollbackToSavepointAsync(Savepoint);
                // Its tracked entities were never stored (or were rolled back): forget them, or the next
                // save would try them again.
                db.ChangeTracker.Clear();
                continue;
            }
            if (savepoints) await transaction.ReleaseSavepointAsync(Savepoint);
            db.ChangeTracker.Clear();
            succeeded.Add((pending, events.Count, batch.Count));
            events.AddRange(batch.Events);
        }
        if (succeeded.Count == 0) return [];

        // One append for the group: on PostgreSQL one head lock, one frontier read and one insert batch.
        // Not cancellable: the operations' callers are answered only by the commit or its failure.
        var first = events.Count > 0
            ? await new RecordAppender(db, _time).AppendAsync(events, CancellationToken.None)
            : 0;
        await transaction.CommitAsync(CancellationToken.None);
        foreach (var (pending, offset, count) in succeeded) pending.Succeed(count > 0 ? first + offset : -1, count);
        return [];
    }

    /// <summary>One queued operation and its caller's task.</summary>
    private abstract class PendingWrite
    {
        private const int Queued = 0, Running = 1, Cancelled = 2;
        private int _state;

        protected PendingWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

        public CancellationToken CancellationToken { get; }

        /// <summary>Claims the operation for running; false when its caller cancelled it first.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Running, Queued) == Queued;

        /// <summary>Cancels the operation if it has not started; a started one belongs to its group.</summary>
        protected bool TryCancelQueued() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

        public abstract Task RunAsync(PactaDbContext db, RecordBatch batch);

        public abstract void Succeed(long firstIndex, int eventCount);

        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T> : PendingWrite
    {
        private readonly Func<PactaDbContext, RecordBatch, CancellationToken, Task<T>> _operation;
        // Asynchronous continuations: a caller's code must never run on the writer's consumer.
        private readonly TaskCompletionSource<RecordWritten<T>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _registration;
        private T _value = default!;

        public PendingWrite(Func<PactaDbContext, RecordBatch, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
            : base(cancellationToken)
        {
            _operation = operation;
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(static state =>
                {
                    var pending = (PendingWrite<T>)state!;
                    if (pending.TryCancelQueued()) pending._completion.TrySetCanceled(pending.CancellationToken);
                }, this);
            }
        }

        public Task<RecordWritten<T>> Task => _completion.Task;

        public override async Task RunAsync(PactaDbContext db, RecordBatch batch) =>
            _value = await _operation(db, batch, CancellationToken);

        public override void Succeed(long firstIndex, int eventCount)
        {
            _registration.Dispose();
            _completion.TrySetResult(new RecordWritten<T>(_value, firstIndex, eventCount));
        }

        public override void Fail(Exception error)
        {
            _registration.Dispose();
            if (error is OperationCanceledException && CancellationToken.IsCancellationRequested)
                _completion.TrySetCanceled(CancellationToken);
            else
                _completion.TrySetException(error);
        }
    }
}
