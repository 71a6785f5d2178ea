using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Tiles;
using Pacta.Core.RecordKeys;
using Pacta.Core.RecordStore;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// A record past one full tile (300 entries): full tiles and bundles are cached as immutable, and the level-1
/// tile (level-8 hashes) rebuilds the root with the rest. Its own class: it appends to the record.
/// </summary>
public abstract class FullTileServingTests(PactaApp app)
{
    private const int Size = 300;

    [Fact]
    public async Task RecordPastOneTile_ServesImmutableFullTiles_ThatRebuildTheRoot()
    {
        await using (var db = app.CreateDbContext())
        {
            await using var transaction = await db.BeginWriteTransactionAsync();
            await new RecordAppender(db, TimeProvider.System).AppendAsync(
                Enumerable.Range(0, Size).Select(i => new RecordEvent($"test.append{i}", new JsonObject { ["role"] = "test" }, "test", new JsonObject())).ToList());
            await transaction.CommitAsync();
        }
        Assert.Equal(Size, await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync());
        using var client = app.CreateClient();
        var key = app.Services.GetRequiredService<RecordSigningKey>();
        var checkpoint = CheckpointSigning.Verify(await client.GetStringAsync("/record/checkpoint"), key.Verifier);

        var tiles = new Dictionary<Tile, Hash[]>();
        foreach (var tile in TileLayout.Tiles(Size))
        {
            using var response = await client.GetAsync("/record/" + tile.Path);
            Assert.True(TileHashes.TryDecode(await response.Content.ReadAsByteArrayAsync(), tile.Width, out var hashes), tile.Path);
            tiles[tile] = hashes;
            Assert.Equal(tile.IsPartial ? "no-cache" : "public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
        Assert.Equal([new Tile(0, 0, 256), new Tile(0, 1, 44), new Tile(1, 0, 1)], tiles.Keys);
        Assert.Equal(checkpoint.RootHash.ToArray(), MerkleTree.Root(Size, new TileHashReader(Size, tile => tiles[tile])).ToArray());

        using var bundle = await client.GetAsync("/record/tile/entries/000");
        Assert.Equal("public, max-age=31536000, immutable", bundle.Headers.CacheControl?.ToString());
        var entries = RecordServingTests.SplitBundle(await bundle.Content.ReadAsByteArrayAsync());
        Assert.Equal(tiles[new Tile(0, 0, 256)], entries.Select(e => Hash.Leaf(e)));
    }
}

public sealed class FullTileServingTestsOnSqlite(EmptySqliteApp app) : FullTileServingTests(app), IClassFixture<EmptySqliteApp>;

public sealed class FullTileServingTestsOnPostgres(EmptyPostgresApp app) : FullTileServingTests(app), IClassFixture<EmptyPostgresApp>;
