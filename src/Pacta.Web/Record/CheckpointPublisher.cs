using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;

namespace Pacta.Web.Record;

/// <summary>
/// Signs a checkpoint whenever the record's head has moved past the newest stored checkpoint, and stores it
/// (docs/adr/0002-record-storage.md, "Checkpoints"). Polls the head once a second.
/// </summary>
/// <remarks>
/// Never signs an unchanged tree: a checkpoint is signed only for a head larger than the newest stored one.
/// Several processes may share one database; <c>Checkpoints.Size</c> is the primary key, so when two race for
/// the same size one insert wins and the other finds the row there and moves on (both signed the same
/// size and root, so either text is a valid checkpoint).
/// </remarks>
internal sealed class CheckpointPublisher(
    IServiceScopeFactory scopes, RecordSigningKey key, TimeProvider time, ILogger<CheckpointPublisher> logger) : BackgroundService
{
    /// <summary>How often the head is read; a second keeps a new event's checkpoint close behind it at the cost of one indexed read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reads the head and, when it is larger than the newest checkpoint, signs and stores a checkpoint for it.
    /// Returns the size signed, or null when there was nothing new (or another process stored it first).
    /// </summary>
    public async Task<long?> PublishOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        // Size and root from one row read, so the checkpoint always pairs a size with its own root.
        var head = await db.RecordHeads.AsNoTracking().SingleAsync(h => h.Id == RecordHead.SingletonId, cancellationToken);
        if (head.Size <= await db.NewestCheckpointSizeAsync(cancellationToken)) return null;

        var text = CheckpointSigning.Sign(key.Signer, key.Origin, head.Size, new Hash(head.Root));
        db.Checkpoints.Add(new StoredCheckpoint { Size = head.Size, Text = text });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process stored this size between our read and our insert: its checkpoint is as good as ours.
            // Checked on the row rather than the provider's error code, so SQLite and PostgreSQL take one path.
            if (await ExistsAsync(head.Size, cancellationToken)) return null;
            throw;
        }
        logger.LogInformation("Signed record checkpoint for size {Size}", head.Size);
        return head.Size;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not end the service: the next tick tries again, and the log says why.
                logger.LogError(e, "Could not publish a record checkpoint; retrying in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Whether a checkpoint for the size is stored, read on a fresh context (the failed one still tracks our row).</summary>
    private async Task<bool> ExistsAsync(long size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PactaDbContext>();
        return await db.Checkpoints.AsNoTracking().AnyAsync(c => c.Size == size, cancellationToken);
    }
}
