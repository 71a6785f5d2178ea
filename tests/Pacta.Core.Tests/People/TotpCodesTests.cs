using Pacta.Core.People;

namespace Pacta.Core.Tests.People;

public class TotpCodesTests
{
    // RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" at 59 s gives 94287082 (8 digits); 6 digits: 287082.
    private static readonly string RfcSecret = OtpNet.Base32Encoding.ToString("12345678901234567890"u8.ToArray());

    [Fact]
    public void Code_MatchesTheRfc6238Vector() =>
        Assert.Equal("287082", TotpCodes.CodeAt(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(59)));

    [Fact]
    public void Verify_AcceptsTheCurrentStepOnly_AndNeverTheSameStepTwice()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_111_111_111);
        var code = TotpCodes.CodeAt(RfcSecret, now);
        var step = TotpCodes.Verify(RfcSecret, code, now, lastStep: null);
        Assert.Equal(TotpCodes.StepAt(now), step);
        Assert.Null(TotpCodes.Verify(RfcSecret, code, now, lastStep: step));
        Assert.Null(TotpCodes.Verify(RfcSecret, TotpCodes.CodeAt(RfcSecret, now.AddSeconds(-30)), now, null));
        Assert.Null(TotpCodes.Verify(RfcSecret, TotpCodes.CodeAt(RfcSecret, now.AddSeconds(30)), now, null));
        Assert.Null(TotpCodes.Verify(RfcSecret, "", now, null));
    }

    [Fact]
    public void RecoveryCode_IsRedeemedOnce_AndStoredOnlyAsAHash()
    {
        var codes = RecoveryCodes.Create();
        Assert.Equal(RecoveryCodes.Count, codes.Distinct().Count());
        var stored = RecoveryCodes.HashAll(codes);
        Assert.DoesNotContain(codes[0], stored, StringComparison.Ordinal);
        var remaining = RecoveryCodes.Redeem(stored, codes[0].ToLowerInvariant());
        Assert.NotNull(remaining);
        Assert.Equal(RecoveryCodes.Count - 1, RecoveryCodes.Remaining(remaining));
        Assert.Null(RecoveryCodes.Redeem(remaining, codes[0]));
    }
}
