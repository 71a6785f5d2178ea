using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

/// <summary>
/// Every root, every inclusion proof and every consistency proof of every tree up to 70 leaves,
/// built from stored hashes, compared with <see cref="RfcReference"/>, verified, and refused once
/// any single bit of any input is flipped.
/// </summary>
public class ExhaustiveProofTests
{
    private const int MaxSize = 70;

    private static readonly (MemoryHashStore Store, List<Hash> Leaves) Tree = MerkleTestData.Tree(MaxSize);

    [Fact]
    public void Root_EverySize_EqualsReferenceMth()
    {
        for (var n = 0; n <= MaxSize; n++)
        {
            var positions = MerkleTree.RootPositions(n);

            Assert.All(positions, p => Assert.True(p.CompleteAt <= n));
            Assert.Equal(System.Numerics.BitOperations.PopCount((ulong)n), positions.Length);
            Assert.Equal(RfcReference.Mth(Tree.Leaves, 0, n), MerkleTree.Root(n, Tree.Store));
        }
    }

    [Fact]
    public void InclusionProof_EveryIndexAndSize_EqualsReferenceAndVerifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = RfcReference.Mth(Tree.Leaves, 0, n);
            for (var i = 0; i < n; i++)
            {
                Assert.All(MerkleTree.InclusionPositions(i, n), p => Assert.True(p.CompleteAt <= n, $"{p} read for size {n}"));
                var proof = MerkleTree.InclusionProof(i, n, Tree.Store);

                Assert.Equal(RfcReference.Path(i, Tree.Leaves, 0, n), proof);
                Assert.Equal(MerkleTree.InclusionProofLength(i, n), proof.Length);
                Assert.Equal(ProofResult.Valid, MerkleProof.VerifyInclusion(i, n, Tree.Leaves[i], proof, root));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_AnyFlippedBitOrWrongClaim_IsRefused()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = RfcReference.Mth(Tree.Leaves, 0, n);
            for (var i = 0; i < n; i++)
            {
                var leaf = Tree.Leaves[i];
                var proof = MerkleTree.InclusionProof(i, n, Tree.Store);
                var bit = i * 7 + n;

                for (var j = 0; j < proof.Length; j++)
                {
                    var tampered = (Hash[])proof.Clone();
                    tampered[j] = MerkleTestData.FlipBit(tampered[j], bit);
                    Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyInclusion(i, n, leaf, tampered, root));
                }
                Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyInclusion(i, n, MerkleTestData.FlipBit(leaf, bit), proof, root));
                Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyInclusion(i, n, leaf, proof, MerkleTestData.FlipBit(root, bit)));
                Assert.Equal(ProofResult.WrongProofLength, MerkleProof.VerifyInclusion(i, n, leaf, [.. proof, root], root));
                if (proof.Length > 0) Assert.Equal(ProofResult.WrongProofLength, MerkleProof.VerifyInclusion(i, n, leaf, proof.AsSpan(0, proof.Length - 1), root));
                Assert.Equal(ProofResult.IndexNotInTree, MerkleProof.VerifyInclusion(n, n, leaf, proof, root));
                Assert.Equal(ProofResult.IndexNotInTree, MerkleProof.VerifyInclusion(-1, n, leaf, proof, root));
                // Another leaf's position never passes with this leaf's proof (unless the path is identical, which it is not).
                if (n > 1) Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyInclusion(i ^ 1, n, leaf, proof, root));
            }
        }
    }

    [Fact]
    public void ConsistencyProof_EveryPairOfSizes_EqualsReferenceAndVerifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root2 = RfcReference.Mth(Tree.Leaves, 0, n);
            for (var m = 1; m <= n; m++)
            {
                var root1 = RfcReference.Mth(Tree.Leaves, 0, m);
                Assert.All(MerkleTree.ConsistencyPositions(m, n), p => Assert.True(p.CompleteAt <= n, $"{p} read for size {n}"));

                var proof = MerkleTree.ConsistencyProof(m, n, Tree.Store);

                Assert.Equal(RfcReference.Proof(m, Tree.Leaves, n), proof);
                Assert.Equal(MerkleTree.ConsistencyProofLength(m, n), proof.Length);
                Assert.Equal(ProofResult.Valid, MerkleProof.VerifyConsistency(m, n, proof, root1, root2));
            }
        }
    }

    [Fact]
    public void VerifyConsistency_AnyFlippedBitOrWrongClaim_IsRefused()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root2 = RfcReference.Mth(Tree.Leaves, 0, n);
            for (var m = 1; m <= n; m++)
            {
                var root1 = RfcReference.Mth(Tree.Leaves, 0, m);
                var proof = MerkleTree.ConsistencyProof(m, n, Tree.Store);
                var bit = m * 5 + n;

                for (var j = 0; j < proof.Length; j++)
                {
                    var tampered = (Hash[])proof.Clone();
                    tampered[j] = MerkleTestData.FlipBit(tampered[j], bit);
                    Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyConsistency(m, n, tampered, root1, root2));
                }
                Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyConsistency(m, n, proof, MerkleTestData.FlipBit(root1, bit), root2));
                Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyConsistency(m, n, proof, root1, MerkleTestData.FlipBit(root2, bit)));
                Assert.Equal(ProofResult.WrongProofLength, MerkleProof.VerifyConsistency(m, n, [.. proof, root1], root1, root2));
                if (proof.Length > 0) Assert.Equal(ProofResult.WrongProofLength, MerkleProof.VerifyConsistency(m, n, proof.AsSpan(0, proof.Length - 1), root1, root2));
                if (m < n)
                {
                    Assert.Equal(ProofResult.SizesOutOfOrder, MerkleProof.VerifyConsistency(n, m, proof, root2, root1));
                    Assert.NotEqual(ProofResult.Valid, MerkleProof.VerifyConsistency(m, n, proof, root2, root1));
                }
                Assert.Equal(ProofResult.EmptyFirstTree, MerkleProof.VerifyConsistency(0, n, proof, Hash.Empty, root2));
            }
        }
    }

    [Fact]
    public void VerifyConsistency_EmptyTrees_AcceptOnlyTheEmptyRoot()
    {
        Assert.Equal(ProofResult.Valid, MerkleProof.VerifyConsistency(0, 0, [], Hash.Empty, Hash.Empty));
        Assert.Equal(ProofResult.RootMismatch, MerkleProof.VerifyConsistency(0, 0, [], Tree.Leaves[0], Tree.Leaves[0]));
        Assert.Equal(ProofResult.SizesOutOfOrder, MerkleProof.VerifyConsistency(-1, 0, [], Hash.Empty, Hash.Empty));
    }

    [Fact]
    public void Append_EveryLeaf_StoresOnePlusTrailingOnesAndReadsOnlyLeftSiblings()
    {
        var store = new MemoryHashStore();
        for (var n = 0; n < MaxSize; n++)
        {
            var stored = MerkleTree.Append(n, Tree.Leaves[n], store);

            Assert.Equal(MerkleTree.AppendReadCount(n) + 1, stored.Length);
            Assert.Equal(new HashPosition(0, n), stored[0].Position);
            foreach (var s in stored)
            {
                Assert.Equal(n + 1, s.Position.CompleteAt);
                Assert.Equal(RfcReference.Mth(Tree.Leaves, (int)s.Position.FirstLeaf, n + 1), s.Hash);
                store.Store(s);
            }
        }
    }

    [Fact]
    public void Builders_ArgumentsOutsideTheTree_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(5, 5, Tree.Store));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(-1, 5, Tree.Store));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(0, 5, Tree.Store));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(6, 5, Tree.Store));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.Root(-1, Tree.Store));
        Assert.Throws<KeyNotFoundException>(() => MerkleTree.Root(MaxSize + 1, Tree.Store));
    }
}
