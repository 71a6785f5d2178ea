using System.Security.Cryptography;
using System.Text;
using Pacta.Core.PrivateSpaces;

namespace Pacta.Core.Tests.PrivateSpaces;

/// <summary>AES-GCM sealing of private text: it opens only where and with the key it was sealed for.</summary>
public sealed class SpaceSealerTests
{
    private static readonly byte[] KeyA = RandomNumberGenerator.GetBytes(SpaceSealer.KeySize);
    private static readonly Guid Row = Guid.CreateVersion7();

    [Fact]
    public void Seal_ThenOpen_GivesTheTextBack_AndTheBytesDoNotContainIt()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);

        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "reunión en la calle Ñandú");

        Assert.Equal("reunión en la calle Ñandú", sealer.OpenText(Row, SpaceFields.CommentBody, sealedBytes));
        Assert.Equal(SpaceSealer.Version, sealedBytes[0]);
        Assert.Equal(SpaceSealer.Overhead + Encoding.UTF8.GetByteCount("reunión en la calle Ñandú"), sealedBytes.Length);
        Assert.DoesNotContain("calle", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Seal_TheSameTextTwice_GivesDifferentBytes()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);

        Assert.NotEqual(sealer.Seal(Row, SpaceFields.CommentBody, "igual"), sealer.Seal(Row, SpaceFields.CommentBody, "igual"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(SpaceSealer.Overhead)]
    [InlineData(SpaceSealer.Overhead + 3)]
    public void Open_AnyByteChanged_Fails(int position)
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "texto privado");

        sealedBytes[position] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Row, SpaceFields.CommentBody, sealedBytes));
    }

    [Fact]
    public void Open_Truncated_Fails()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "texto privado");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Row, SpaceFields.CommentBody, sealedBytes.AsSpan(0, sealedBytes.Length - 1)));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Row, SpaceFields.CommentBody, sealedBytes.AsSpan(0, 5)));
    }

    [Fact]
    public void Open_MovedToAnotherRow_Fails()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "texto privado");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Guid.CreateVersion7(), SpaceFields.CommentBody, sealedBytes));
    }

    [Fact]
    public void Open_MovedToAnotherField_Fails()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.ThreadTitle, "título");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(Row, SpaceFields.CommentBody, sealedBytes));
    }

    [Fact]
    public void Open_WithAnotherPartysKey_Fails()
    {
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "texto privado");
        using var other = new SpaceSealer("executive", RandomNumberGenerator.GetBytes(SpaceSealer.KeySize));

        Assert.ThrowsAny<CryptographicException>(() => other.Open(Row, SpaceFields.CommentBody, sealedBytes));
    }

    [Fact]
    public void Open_SameKeyUnderAnotherPartyName_Fails()
    {
        // Were two parties ever given one key, a row copied between them still would not open.
        using var sealer = new SpaceSealer("civil-society", KeyA);
        var sealedBytes = sealer.Seal(Row, SpaceFields.CommentBody, "texto privado");
        using var other = new SpaceSealer("executive", KeyA);

        Assert.ThrowsAny<CryptographicException>(() => other.Open(Row, SpaceFields.CommentBody, sealedBytes));
    }

    [Fact]
    public void Constructor_KeyOfAnotherSize_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new SpaceSealer("civil-society", new byte[16]));
    }
}
