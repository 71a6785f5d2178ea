namespace Pacta.Cli;

/// <summary>What <c>pacta</c> returns, so that scripts can tell a bad file from a database that is down.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was right but could not be carried out: database unreachable, schema behind, a file not writable.</summary>
    public const int Failure = 1;

    /// <summary>The command, its configuration or its input is wrong: a parse error, a missing file, a document with errors.</summary>
    public const int BadInput = 2;
}
