using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pacta.Core.Data;
using Pacta.Core.Record.Merkle;
using Pacta.Core.RecordStore;

namespace Pacta.Web.Api;

/// <summary>
/// The verifiable record's proofs as JSON: one entry with its inclusion proof, and consistency between two
/// sizes. The same hashes /record serves as tiles, for clients that would rather not fetch and fold tiles.
/// </summary>
/// <remarks>
/// Proofs are to the newest stored checkpoint's size, never the live head: a proof is only useful against a
/// signed root, and the response carries that checkpoint so the client can check the signature itself.
/// </remarks>
internal static class RecordApi
{
    public static void MapRecordApi(this RouteGroupBuilder api)
    {
        var record = api.MapGroup("/record").WithTags("Record");
        record.MapGet("/entries/{index}", GetEntry)
            .WithName("GetRecordEntry")
            .WithSummary("One record entry, its exact stored bytes and its inclusion proof to the newest signed checkpoint.");
        record.MapGet("/consistency", GetConsistency)
            .WithName("GetRecordConsistency")
            .WithSummary("The consistency proof between two tree sizes, up to the newest signed checkpoint's size.");
    }

    public static async Task<Results<Ok<RecordEntryDto>, ValidationProblem, NotFoundProblem>> GetEntry(
        [Description("The entry's leaf index, from 0.")] string index, PactaDbContext db, CancellationToken cancellationToken)
    {
        if (!TryParseSize(index, out var leaf))
            return ApiProblems.InvalidParameter("index", index, "an entry index is a whole number from 0, like 21");

        var checkpoint = await db.NewestCheckpointAsync(cancellationToken);
        if (checkpoint is null) return ApiProblems.NotFound("No checkpoint has been signed yet, so no entry can be proven.");
        if (await ProvenEntry.ReadAsync(db, leaf, checkpoint, cancellationToken) is not { } proven)
            return ApiProblems.NotFound($"There is no entry {leaf} in the newest checkpoint's tree of {checkpoint.Size} entries.");
        var entry = proven.Entry;

        using var json = JsonDocument.Parse(entry.Bytes);
        return TypedResults.Ok(new RecordEntryDto(
            leaf,
            json.RootElement.Clone(),
            Convert.ToBase64String(entry.Bytes),
            Convert.ToBase64String(entry.LeafHash),
            checkpoint.Size,
            checkpoint.Text,
            [.. proven.InclusionProof.Select(h => h.ToBase64())]));
    }

    public static async Task<Results<Ok<RecordConsistencyDto>, ValidationProblem, NotFoundProblem>> GetConsistency(
        [Description("The smaller tree size, at least 1.")] string? from,
        [Description("The larger tree size, at most the newest checkpoint's.")] string? to,
        PactaDbContext db, CancellationToken cancellationToken)
    {
        // Bound as text and parsed here, so that a bad value gets a problem naming the parameter.
        if (!TryParseSize(from, out var first) || first < 1)
            return ApiProblems.InvalidParameter("from", from, "a tree size is a whole number from 1, like 7");
        if (!TryParseSize(to, out var second) || second < 1)
            return ApiProblems.InvalidParameter("to", to, "a tree size is a whole number from 1, like 43");
        if (first > second)
            return ApiProblems.InvalidParameter("from", from, $"from must not be greater than to ({second})");

        var size = await db.NewestCheckpointSizeAsync(cancellationToken);
        if (size == 0) return ApiProblems.NotFound("No checkpoint has been signed yet, so no consistency can be proven.");
        if (second > size)
            return ApiProblems.NotFound($"The newest checkpoint's tree has {size} entries, fewer than to ({second}).");

        var proof = MerkleTree.ConsistencyProof(first, second,
            await db.ReadHashesAsync(MerkleTree.ConsistencyPositions(first, second), cancellationToken));
        return TypedResults.Ok(new RecordConsistencyDto(first, second, [.. proof.Select(h => h.ToBase64())]));
    }

    /// <summary>Digits only (no sign, spaces or exponent), fitting a long: anything else is a malformed request.</summary>
    private static bool TryParseSize(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <param name="Index">The leaf index, from 0.</param>
/// <param name="Event">The event, parsed from <paramref name="EventBase64"/>; for reading, not for hashing.</param>
/// <param name="EventBase64">The exact stored bytes (RFC 8785 canonical JSON): the leaf hash is SHA-256(0x00 || these bytes).</param>
/// <param name="LeafHash">The RFC 9162 leaf hash, base64.</param>
/// <param name="TreeSize">The size of the newest checkpoint, the tree the proof is to.</param>
/// <param name="Checkpoint">The newest signed checkpoint's note text; its root is what the proof verifies against.</param>
/// <param name="InclusionProof">RFC 9162 audit path, nearest sibling first, each hash base64.</param>
public sealed record RecordEntryDto(
    long Index, JsonElement Event, string EventBase64, string LeafHash, long TreeSize, string Checkpoint, IReadOnlyList<string> InclusionProof);

/// <param name="From">The smaller tree size.</param>
/// <param name="To">The larger tree size.</param>
/// <param name="Proof">RFC 9162 consistency proof, each hash base64; empty when the sizes are equal.</param>
public sealed record RecordConsistencyDto(long From, long To, IReadOnlyList<string> Proof);
