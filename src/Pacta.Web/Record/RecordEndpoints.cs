using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pacta.Core.Data;
using Pacta.Core.Record.Tiles;
using Pacta.Core.RecordStore;
using Pacta.Core.RecordKeys;
using Pacta.Web.Api;

namespace Pacta.Web.Record;

/// <summary>
/// The verifiable record over HTTP, exactly as C2SP tlog-tiles lays it out, so that any tlog-tiles client
/// (and Pacta's own verifier) can check it: <c>/record/checkpoint</c>, <c>/record/tile/L/N[.p/W]</c>,
/// <c>/record/tile/entries/N[.p/W]</c>, plus <c>/record/key</c>, the verifier key to pin.
/// </summary>
/// <remarks>
/// Tiles are served for the newest stored checkpoint's size, not the live head: a client learns sizes from
/// checkpoints, and a tile beyond the newest one would describe a tree nobody has signed yet.
/// Only canonical paths are served (one URL per tile), so a full tile can be cached as immutable.
/// </remarks>
internal static class RecordEndpoints
{
    private const string TextPlain = "text/plain; charset=utf-8";
    private const string Binary = "application/octet-stream";
    private const string Immutable = "public, max-age=31536000, immutable";
    // Checkpoints and partial tiles change as the record grows: caches must ask again each time.
    private const string Revalidate = "no-cache";

    public static void AddPactaRecord(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CheckpointPublisher>();
        // Off only where something else must control when checkpoints appear (tests that compare database snapshots).
        if (builder.Configuration.GetValue<bool?>("Pacta:Record:PublishCheckpoints") ?? true)
            builder.Services.AddHostedService(services => services.GetRequiredService<CheckpointPublisher>());
    }

    public static void MapPactaRecord(this WebApplication app)
    {
        // The record is public like the open data: any site may read it (a verifier in a browser), without credentials.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/record"), record => record.UseCors(PactaApi.OpenDataCors));

        var record = app.MapGroup("/record").ExcludeFromDescription().AllowAnonymous();
        record.MapGet("/checkpoint", GetCheckpoint);
        record.MapGet("/key", GetKey);
        record.MapGet("/tile/{**path}", GetTile);
    }

    private static IResult GetKey(RecordSigningKey key, HttpContext context)
    {
        // Cacheable, but briefly: the key is pinned by verifiers, and one that changes must be seen changing.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(key.VerifierKeyText + "\n", TextPlain);
    }

    private static async Task<IResult> GetCheckpoint(PactaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var checkpoint = await db.NewestCheckpointAsync(cancellationToken);
        if (checkpoint is null) return NotFound("no checkpoint has been signed yet");
        context.Response.Headers.CacheControl = Revalidate;
        return Results.Text(checkpoint.Text, TextPlain);
    }

    private static async Task<IResult> GetTile(string path, PactaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var full = "tile/" + path;
        var tile = TileLayout.ParseTile(full);
        var bundle = tile is null ? TileLayout.ParseEntryBundle(full) : null;
        if (tile is null && bundle is null) return NotFound("not a canonical tile path");

        var size = await db.NewestCheckpointSizeAsync(cancellationToken);
        byte[] bytes;
        bool partial;
        if (tile is { } t)
        {
            if (!TileLayout.ExistsUpTo(t, size)) return NotFound("no such tile in the newest checkpoint's tree or an earlier one");
            bytes = await MerkleTileAsync(db, t, cancellationToken);
            partial = t.IsPartial;
        }
        else
        {
            var b = bundle!.Value;
            if (!TileLayout.ExistsUpTo(b, size)) return NotFound("no such entry bundle in the newest checkpoint's tree or an earlier one");
            bytes = await EntryBundleAsync(db, b, cancellationToken);
            partial = b.IsPartial;
        }
        context.Response.Headers.CacheControl = partial ? Revalidate : Immutable;
        return Results.Bytes(bytes, Binary);
    }

    /// <summary>The tile's hashes: one range read of one level (the storage layout makes a tile a range), concatenated.</summary>
    private static async Task<byte[]> MerkleTileAsync(PactaDbContext db, Tile tile, CancellationToken cancellationToken)
    {
        var level = tile.Level * TileLayout.Height;
        var first = tile.Index * TileLayout.TileWidth;
        var last = first + tile.Width;
        var hashes = await db.RecordHashes.AsNoTracking()
            .Where(h => h.Level == level && h.Index >= first && h.Index < last)
            .OrderBy(h => h.Index).Select(h => h.Hash).ToListAsync(cancellationToken);
        // A checkpoint was signed for this size, so every hash is stored; anything else is a broken database, not a 404.
        if (hashes.Count != tile.Width)
            throw new InvalidOperationException($"The record stores {hashes.Count} of the {tile.Width} hashes of {tile}.");
        return hashes.SelectMany(h => h).ToArray();
    }

    /// <summary>The bundle's entries, each as a big-endian uint16 length and its bytes (C2SP tlog-tiles entry bundle).</summary>
    private static async Task<byte[]> EntryBundleAsync(PactaDbContext db, EntryBundle bundle, CancellationToken cancellationToken)
    {
        var first = bundle.Index * TileLayout.TileWidth;
        var last = first + bundle.Width;
        var entries = await db.RecordEntries.AsNoTracking()
            .Where(e => e.Index >= first && e.Index < last)
            .OrderBy(e => e.Index).Select(e => e.Bytes).ToListAsync(cancellationToken);
        if (entries.Count != bundle.Width)
            throw new InvalidOperationException($"The record stores {entries.Count} of the {bundle.Width} entries of {bundle}.");
        try
        {
            return EntryBundleFormat.Encode(entries);
        }
        catch (ArgumentException e)
        {
            // Stored but not servable: a storage fault, not a bad request.
            throw new InvalidOperationException($"{bundle}: {e.Message}", e);
        }
    }

    /// <summary>A plain-text 404: with a body, the portal's HTML not-found page is not substituted (clients here are programs).</summary>
    private static IResult NotFound(string reason) => Results.Text(reason + "\n", TextPlain, statusCode: StatusCodes.Status404NotFound);
}
