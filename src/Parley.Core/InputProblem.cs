namespace Parley.Core;

/// <summary>How bad a problem is: whether the input was lost, or merely had nothing in it, or was read with a defect.</summary>
public enum InputProblemKind
{
    /// <summary>The input could not be read (missing, binary, not decodable, malformed, too large): it is skipped.</summary>
    Unreadable,
    /// <summary>A record that was read but holds no text (a JSON line without text, body or title): counted, nothing to store.</summary>
    EmptyRecord,
    /// <summary>Read and processed, with a defect worth knowing (decoded as Windows-1252, say).</summary>
    Warning,
}

/// <summary>An input that could not be processed: which input, and what is wrong with it, in one line.</summary>
public sealed record InputProblem(string Input, string Message)
{
    public InputProblemKind Kind { get; init; } = InputProblemKind.Unreadable;

    public override string ToString() => $"{Input}: {Message}";
}

/// <summary>An input-level failure with a message fit for one line on standard error (no stack trace).</summary>
public sealed class BadInputException(string message) : Exception(message);
