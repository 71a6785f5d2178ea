using System.Buffers.Binary;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Core.Record.Tiles;
using Pacta.Web.Record;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// The record as a tlog-tiles client sees it: a checkpoint that opens with the served key, and tiles and entry
/// bundles from which the checkpoint's root and every leaf can be rebuilt without trusting the server.
/// </summary>
public abstract class RecordServingTests(PactaApp app)
{
    private const int SeededEvents = 44;

    [Fact]
    public async Task Checkpoint_OpensWithTheServedKey_AndNamesTheHead()
    {
        await PublishAsync();
        using var client = app.CreateClient();

        var verifier = NoteVerifier.Parse((await client.GetStringAsync("/record/key")).TrimEnd('\n'));
        using var response = await client.GetAsync("/record/checkpoint");
        var checkpoint = Checkpoint.Open(await response.Content.ReadAsByteArrayAsync(), [verifier]);

        await using var db = app.CreateDbContext();
        var head = await db.RecordHeads.AsNoTracking().SingleAsync();
        Assert.Equal(SeededEvents, checkpoint.TreeSize);
        Assert.Equal(head.Size, checkpoint.TreeSize);
        Assert.Equal(head.Root, checkpoint.RootHash.ToArray());
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Tiles_RebuildTheCheckpointRoot_AndBundlesMatchTheLeafHashes()
    {
        await PublishAsync();
        using var client = app.CreateClient();
        var verifier = NoteVerifier.Parse((await client.GetStringAsync("/record/key")).TrimEnd('\n'));
        var checkpoint = Checkpoint.Open(await client.GetByteArrayAsync("/record/checkpoint"), [verifier]);
        var size = checkpoint.TreeSize;

        var tiles = new Dictionary<Tile, Hash[]>();
        foreach (var tile in TileLayout.Tiles(size))
        {
            Assert.True(TileHashes.TryDecode(await client.GetByteArrayAsync("/record/" + tile.Path), tile.Width, out var hashes), tile.Path);
            tiles[tile] = hashes;
        }
        Assert.Equal([new Tile(0, 0, SeededEvents)], tiles.Keys);

        var root = MerkleTree.Root(size, new TileHashReader(size, tile => tiles[tile]));
        Assert.Equal(checkpoint.RootHash.ToArray(), root.ToArray());

        foreach (var bundle in TileLayout.EntryBundles(size))
        {
            var entries = SplitBundle(await client.GetByteArrayAsync("/record/" + bundle.Path));
            Assert.Equal(bundle.Width, entries.Count);
            var leaves = tiles[new Tile(0, bundle.Index, bundle.Width)];
            for (var i = 0; i < entries.Count; i++) Assert.Equal(leaves[i], Hash.Leaf(entries[i]));
        }
    }

    [Theory]
    [InlineData("tile/0/000.p/44")]
    [InlineData("tile/entries/000.p/44")]
    [InlineData("tile/0/000.p/43")] // the partial tile of an older, smaller tree
    [InlineData("tile/entries/000.p/1")]
    public async Task PartialTile_IsBinaryAndNotCachedAsImmutable(string path)
    {
        await PublishAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/record/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.False(response.Headers.CacheControl?.MaxAge is not null);
    }

    [Theory]
    [InlineData("tile/0/001")] // a full tile the 44-leaf tree does not have
    [InlineData("tile/0/000")] // the full form of the partial tile
    [InlineData("tile/0/000.p/0")]
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/043")]
    [InlineData("tile/0/x000/000.p/44")]
    [InlineData("tile/1/000.p/1")]
    [InlineData("tile/entries/x001/000")]
    [InlineData("tile/entries/000.p/45")]
    [InlineData("tile/entries/000")]
    [InlineData("tile/00/000.p/44")]
    [InlineData("tile/0/0.p/44")]
    public async Task NonCanonicalOrMissingTile_IsNotFound(string path)
    {
        await PublishAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/record/" + path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PublishingAnUnchangedTree_StoresNoSecondCheckpoint()
    {
        await PublishAsync();
        var publisher = app.Services.GetRequiredService<CheckpointPublisher>();

        Assert.Null(await publisher.PublishOnceAsync());
        Assert.Null(await publisher.PublishOnceAsync());

        await using var db = app.CreateDbContext();
        var stored = Assert.Single(await db.Checkpoints.AsNoTracking().ToListAsync());
        Assert.Equal(SeededEvents, stored.Size);
    }

    [Fact]
    public async Task Record_IsReadableFromAnyOrigin()
    {
        await PublishAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/record/checkpoint");
        request.Headers.Add("Origin", "https://verifier.example");

        using var response = await client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("cross-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }

    /// <summary>Signs the seeded head once; later calls (from other tests on the same app) find nothing new.</summary>
    private async Task PublishAsync()
    {
        await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync();
        await using var db = app.CreateDbContext();
        Assert.True(await db.Checkpoints.AnyAsync(c => c.Size == SeededEvents));
    }

    /// <summary>Splits an entry bundle: each entry is a big-endian uint16 length and that many bytes.</summary>
    internal static List<byte[]> SplitBundle(byte[] bundle)
    {
        var entries = new List<byte[]>();
        for (var at = 0; at < bundle.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle.AsSpan(at));
            entries.Add(bundle.AsSpan(at + 2, length).ToArray());
            at += 2 + length;
        }
        return entries;
    }
}

public sealed class RecordServingTestsOnSqlite(SqliteApp app) : RecordServingTests(app), IClassFixture<SqliteApp>;

public sealed class RecordServingTestsOnPostgres(PostgresApp app) : RecordServingTests(app), IClassFixture<PostgresApp>;

/// <summary>An empty record has nothing to sign and nothing to serve.</summary>
public abstract class EmptyRecordServingTests(PactaApp app)
{
    [Theory]
    [InlineData("/record/checkpoint")]
    [InlineData("/record/tile/0/000.p/1")]
    [InlineData("/record/tile/entries/000.p/1")]
    public async Task EmptyRecord_HasNoCheckpointNorTiles(string url)
    {
        Assert.Null(await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Key_IsTheVerifierKeyLine()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/record/key");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var verifier = NoteVerifier.Parse(text.TrimEnd('\n'));
        Assert.Equal(Encoding.UTF8.GetByteCount(text), text.Length);
        Assert.False(string.IsNullOrEmpty(verifier.Name));
    }
}

public sealed class EmptyRecordServingTestsOnSqlite(EmptySqliteApp app) : EmptyRecordServingTests(app), IClassFixture<EmptySqliteApp>;

public sealed class EmptyRecordServingTestsOnPostgres(EmptyPostgresApp app) : EmptyRecordServingTests(app), IClassFixture<EmptyPostgresApp>;
