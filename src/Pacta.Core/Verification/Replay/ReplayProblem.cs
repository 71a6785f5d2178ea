namespace Pacta.Core.Verification.Replay;

/// <summary>A record entry that cannot be replayed as it is: its index and what is wrong with it.</summary>
public sealed record ReplayProblem(long Index, string Message)
{
    public override string ToString() => $"entry {Index}: {Message}";
}
