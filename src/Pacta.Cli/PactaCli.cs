namespace Pacta.Cli;

/// <summary>The <c>pacta</c> command line. Commands are added in their own files.</summary>
public static class PactaCli
{
    public static int Main(string[] args)
    {
        _ = args;
        return 0;
    }
}
