namespace Pacta.Core;

/// <summary>
/// Why an operation refused: the input <paramref name="Field"/> it is about (a form field or a JSON path), a
/// stable <paramref name="Code"/> (pages show the localized text <c>Refusal_{Code}</c>) and an English
/// <paramref name="Message"/> that names what is wrong, for the command line, the API and the logs.
/// </summary>
public sealed record Refusal(string Field, string Code, string Message);

/// <summary>An operation's value, or why it refused; a refused operation stored nothing.</summary>
public sealed record OperationResult<T>(T? Value, Refusal? Error)
{
    public bool Succeeded => Error is null;

    public static implicit operator OperationResult<T>(Refusal refusal) => new(default, refusal);
}

public static class OperationResult
{
    public static OperationResult<T> Ok<T>(T value) => new(value, null);
}
