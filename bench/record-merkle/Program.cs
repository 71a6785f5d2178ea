using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pacta.Core.Record.Merkle;

// Prints throughput of the record's Merkle math on one thread; it never passes or fails on timing.
const int Leaves = 1_000_000;
var events = Enumerable.Range(0, Leaves)
    .Select(i => Encoding.UTF8.GetBytes($$"""{"actor":"forum","data":{"seq":{{i}}},"subject":"MX0081","time":"2026-01-01T00:00:00Z","type":"example.event"}"""))
    .ToArray();

Measure("warm-up", () => { foreach (var e in events.AsSpan(0, 100_000)) Hash.Leaf(e); return 100_000; });

var leafHashes = new Hash[Leaves];
Measure("leaf hashes (~110-byte events)", () =>
{
    for (var i = 0; i < Leaves; i++) leafHashes[i] = Hash.Leaf(events[i]);
    return Leaves;
});

var store = new MemoryHashStore();
Measure("append + store (in-memory, leaf hash given)", () =>
{
    foreach (var leaf in leafHashes) store.Append(leaf);
    return Leaves;
});

var root = MerkleTree.Root(Leaves, store);
var random = new Random(1);
const int Proofs = 100_000;
var indexes = Enumerable.Range(0, Proofs).Select(_ => random.NextInt64(Leaves)).ToArray();
Measure($"inclusion proofs at {Leaves:N0} leaves (build)", () =>
{
    foreach (var index in indexes) MerkleTree.InclusionProof(index, Leaves, store);
    return Proofs;
});
Measure($"inclusion proofs at {Leaves:N0} leaves (build + verify)", () =>
{
    foreach (var index in indexes)
    {
        var proof = MerkleTree.InclusionProof(index, Leaves, store);
        if (MerkleProof.VerifyInclusion(index, Leaves, leafHashes[index], proof, root) != ProofResult.Valid) throw new InvalidOperationException("bad proof");
    }
    return Proofs;
});
Measure($"consistency proofs to {Leaves:N0} leaves (build + verify)", () =>
{
    foreach (var index in indexes)
    {
        var first = index + 1;
        var proof = MerkleTree.ConsistencyProof(first, Leaves, store);
        if (MerkleProof.VerifyConsistency(first, Leaves, proof, MerkleTree.Root(first, store), root) != ProofResult.Valid) throw new InvalidOperationException("bad proof");
    }
    return Proofs;
});

static void Measure(string name, Func<int> run)
{
    var watch = Stopwatch.StartNew();
    var count = run();
    watch.Stop();
    var perSecond = count / watch.Elapsed.TotalSeconds;
    var microseconds = watch.Elapsed.TotalMicroseconds / count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {perSecond,14:N0}/s {microseconds,10:N2} µs each"));
}
