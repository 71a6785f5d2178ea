using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

/// <summary>testdata/tlog: values made with Go's golang.org/x/mod/sumdb/tlog, reproduced exactly.</summary>
public class TlogVectorTests
{
    private static readonly MemoryHashStore Store = BuildStore();

    private static MemoryHashStore BuildStore()
    {
        var store = new MemoryHashStore();
        foreach (var line in File.ReadAllLines(RepositoryFiles.Path("testdata", "tlog", "leaves.b64")))
            store.Append(Hash.Leaf(Convert.FromBase64String(line)));
        return store;
    }

    private static Hash[] ReadHashes(string file) =>
        [.. File.ReadAllLines(RepositoryFiles.Path("testdata", "tlog", file)).Where(l => l.Length > 0).Select(Parse)];

    private static Hash Parse(string base64) => Hash.TryParseBase64(base64, out var hash) ? hash : throw new FormatException(base64);

    public static TheoryData<long, string> Roots()
    {
        var data = new TheoryData<long, string>();
        foreach (var line in File.ReadAllLines(RepositoryFiles.Path("testdata", "tlog", "roots.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var parts = line.Split(' ');
            data.Add(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        }
        return data;
    }

    [Fact]
    public void Leaves_AreTwentyOne()
    {
        Assert.Equal(21, Store.Size);
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void Root_FromStoredHashes_MatchesGo(long size, string root)
    {
        Assert.Equal(root, MerkleTree.Root(size, Store).ToBase64());
    }

    [Fact]
    public void InclusionProof_6Of21_MatchesGoAndVerifies()
    {
        var expected = ReadHashes("inclusion-6-of-21.txt");

        var proof = MerkleTree.InclusionProof(6, 21, Store);

        Assert.Equal(expected, proof);
        var leaf = Hash.Leaf(Convert.FromBase64String(File.ReadAllLines(RepositoryFiles.Path("testdata", "tlog", "leaves.b64"))[6]));
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyInclusion(6, 21, leaf, proof, MerkleTree.Root(21, Store)));
    }

    [Fact]
    public void ConsistencyProof_7To21_MatchesGoAndVerifies()
    {
        var expected = ReadHashes("consistency-7-to-21.txt");

        var proof = MerkleTree.ConsistencyProof(7, 21, Store);

        Assert.Equal(expected, proof);
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyConsistency(7, 21, proof, MerkleTree.Root(7, Store), MerkleTree.Root(21, Store)));
    }
}
