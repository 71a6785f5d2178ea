using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacta.Core.Record.Merkle;
using Pacta.Core.Record.Notes;
using Pacta.Web.Record;
using Pacta.Web.Tests.Api;
using Pacta.Web.Tests.Infrastructure;

namespace Pacta.Web.Tests.Record;

/// <summary>
/// The record's proofs as an API client checks them: every proof verifies against the root of the checkpoint
/// opened with the served key (or, for older sizes, a root rebuilt from the stored entries), never against
/// anything the proof endpoint itself says.
/// </summary>
public abstract class RecordProofApiTests(PactaApp app)
{
    private const int SeededEvents = 44;

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(43)]
    public async Task Entry_InclusionProof_VerifiesAgainstTheSignedCheckpoint(long index)
    {
        await PublishAsync();
        using var client = app.CreateClient();
        var verifier = NoteVerifier.Parse((await client.GetStringAsync("/record/key")).TrimEnd('\n'));

        var entry = await client.GetJsonAsync($"/api/v1/record/entries/{index}");

        var checkpoint = Checkpoint.Open(Encoding.UTF8.GetBytes(entry.GetProperty("checkpoint").GetString()!), [verifier]);
        var size = entry.GetProperty("treeSize").GetInt64();
        Assert.Equal(SeededEvents, checkpoint.TreeSize);
        Assert.Equal(checkpoint.TreeSize, size);
        Assert.Equal(index, entry.GetProperty("index").GetInt64());

        var bytes = Convert.FromBase64String(entry.GetProperty("eventBase64").GetString()!);
        var leaf = Hash.Leaf(bytes);
        Assert.Equal(leaf.ToBase64(), entry.GetProperty("leafHash").GetString());
        // The parsed event is the same JSON as the stored bytes (which are canonical, so re-serializing them is not).
        using var stored = JsonDocument.Parse(bytes);
        Assert.True(JsonElement.DeepEquals(stored.RootElement, entry.GetProperty("event")));

        Hash[] proof = [.. entry.GetProperty("inclusionProof").Strings().Select(Convert.FromBase64String).Select(b => new Hash(b))];
        Assert.Equal(MerkleTree.InclusionProofLength(index, size), proof.Length);
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyInclusion(index, size, leaf, proof, new Hash(checkpoint.RootHash)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(43)]
    [InlineData(SeededEvents)]
    public async Task Consistency_VerifiesBetweenRootsRebuiltFromTheStoredEntries(long from)
    {
        await PublishAsync();
        using var client = app.CreateClient();

        var body = await client.GetJsonAsync($"/api/v1/record/consistency?from={from}&to={SeededEvents}");

        Assert.Equal(from, body.GetProperty("from").GetInt64());
        Assert.Equal(SeededEvents, body.GetProperty("to").GetInt64());
        Hash[] proof = [.. body.GetProperty("proof").Strings().Select(Convert.FromBase64String).Select(b => new Hash(b))];
        Assert.Equal(MerkleTree.ConsistencyProofLength(from, SeededEvents), proof.Length);
        var (firstRoot, secondRoot) = (await RootAsync(from), await RootAsync(SeededEvents));
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyConsistency(from, SeededEvents, proof, firstRoot, secondRoot));
    }

    [Theory]
    [InlineData("/api/v1/record/entries/x", "index")]
    [InlineData("/api/v1/record/entries/-1", "index")]
    [InlineData("/api/v1/record/entries/+1", "index")]
    [InlineData("/api/v1/record/entries/1.0", "index")]
    [InlineData("/api/v1/record/entries/99999999999999999999", "index")]
    [InlineData("/api/v1/record/consistency?to=44", "from")]
    [InlineData("/api/v1/record/consistency?from=1", "to")]
    [InlineData("/api/v1/record/consistency?from=0&to=44", "from")]
    [InlineData("/api/v1/record/consistency?from=-1&to=44", "from")]
    [InlineData("/api/v1/record/consistency?from=x&to=44", "from")]
    [InlineData("/api/v1/record/consistency?from=1&to=y", "to")]
    [InlineData("/api/v1/record/consistency?from=1&to=99999999999999999999", "to")]
    [InlineData("/api/v1/record/consistency?from=8&to=7", "from")]
    public async Task MalformedRequest_IsABadRequestNamingTheParameter(string url, string parameter)
    {
        await PublishAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        var problem = await ApiHttp.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/api/v1/record/entries/44")]
    [InlineData("/api/v1/record/entries/9223372036854775807")]
    [InlineData("/api/v1/record/consistency?from=1&to=45")]
    [InlineData("/api/v1/record/consistency?from=45&to=45")]
    public async Task BeyondTheNewestCheckpoint_IsNotFound(string url)
    {
        await PublishAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        await ApiHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Signs the seeded head once; later calls (from other tests on the same app) find nothing new.</summary>
    private async Task PublishAsync()
    {
        await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync();
        await using var db = app.CreateDbContext();
        Assert.True(await db.Checkpoints.AnyAsync(c => c.Size == SeededEvents));
    }

    /// <summary>The root of the first <paramref name="size"/> entries, rehashed from their stored bytes.</summary>
    private async Task<Hash> RootAsync(long size)
    {
        await using var db = app.CreateDbContext();
        var entries = await db.RecordEntries.AsNoTracking().Where(e => e.Index < size).OrderBy(e => e.Index).Select(e => e.Bytes).ToListAsync();
        Assert.Equal(size, entries.Count);
        var store = new MemoryHashStore();
        foreach (var bytes in entries) store.Append(Hash.Leaf(bytes));
        return MerkleTree.Root(size, store);
    }
}

public sealed class RecordProofApiTestsOnSqlite(SqliteApp app) : RecordProofApiTests(app), IClassFixture<SqliteApp>;

public sealed class RecordProofApiTestsOnPostgres(PostgresApp app) : RecordProofApiTests(app), IClassFixture<PostgresApp>;

/// <summary>Before the first checkpoint there is nothing to prove against.</summary>
public abstract class EmptyRecordProofApiTests(PactaApp app)
{
    [Theory]
    [InlineData("/api/v1/record/entries/0")]
    [InlineData("/api/v1/record/consistency?from=1&to=1")]
    public async Task NoCheckpoint_IsNotFound(string url)
    {
        Assert.Null(await app.Services.GetRequiredService<CheckpointPublisher>().PublishOnceAsync());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);

        await ApiHttp.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class EmptyRecordProofApiTestsOnSqlite(EmptySqliteApp app) : EmptyRecordProofApiTests(app), IClassFixture<EmptySqliteApp>;

public sealed class EmptyRecordProofApiTestsOnPostgres(EmptyPostgresApp app) : EmptyRecordProofApiTests(app), IClassFixture<EmptyPostgresApp>;
