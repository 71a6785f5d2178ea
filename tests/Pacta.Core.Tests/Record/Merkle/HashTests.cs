using System.Security.Cryptography;
using Pacta.Core.Record.Merkle;

namespace Pacta.Core.Tests.Record.Merkle;

public class HashTests
{
    [Fact]
    public void Empty_IsSha256OfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hash.Empty.ToString());
    }

    [Fact]
    public void Leaf_OfByteZero_MatchesTransparencyDevConstant()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Hash.Leaf([]).ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(100_000)]
    public void Leaf_AnyLength_IsSha256OfZeroPrefix(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        var hash = Hash.Leaf(data);

        Assert.Equal(SHA256.HashData([0x00, .. data]), hash.ToArray());
    }

    [Fact]
    public void Node_IsSha256OfOnePrefixLeftRight()
    {
        var left = Hash.Leaf([1]);
        var right = Hash.Leaf([2]);

        var node = Hash.Node(left, right);

        Assert.Equal(SHA256.HashData([0x01, .. left.ToArray(), .. right.ToArray()]), node.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void TryCreate_WrongLength_IsRefused(int length)
    {
        Assert.False(Hash.TryCreate(new byte[length], out _));
        Assert.Throws<ArgumentException>(() => new Hash(new byte[length]));
    }

    [Theory]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", true)]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", false)]
    [InlineData("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=", false)]
    [InlineData(" 7DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", false)]
    [InlineData("47DEQpj8HBSa-_TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", false)]
    [InlineData("ZG9uJ3QgY2FyZSAy", false)]
    [InlineData("", false)]
    public void TryParseBase64_OnlyCanonical32Bytes_IsAccepted(string text, bool expected)
    {
        Assert.Equal(expected, Hash.TryParseBase64(text, out var hash));
        if (expected) Assert.Equal(Hash.Empty, hash);
    }

    [Fact]
    public void Equality_ComparesBytes()
    {
        var a = Hash.Leaf([7]);
        var b = new Hash(a.ToArray());

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, MerkleTestData.FlipBit(a, 255));
    }
}
