namespace Pacta.Core.Record;

/// <summary>
/// JSON that has no RFC 8785 canonical form, or is not strict JSON: where (<see cref="Path"/>, e.g.
/// <c>data.plans[0].title</c>, empty for the whole text) and what (<see cref="Problem"/>).
/// </summary>
public sealed class CanonicalJsonException : Exception
{
    /// <summary>Creates the error for <paramref name="problem"/> at <paramref name="path"/>.</summary>
    public CanonicalJsonException(string path, string problem, Exception? innerException = null)
        : base(path.Length == 0 ? problem : $"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The JSON path of the offending value or member name; empty for the text as a whole.</summary>
    public string Path { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Problem { get; }
}
