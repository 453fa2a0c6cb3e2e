namespace Parley.Core;

/// <summary>An input that could not be processed: which input, and what is wrong with it, in one line.</summary>
public sealed record InputProblem(string Input, string Message)
{
    public override string ToString() => $"{Input}: {Message}";
}

/// <summary>An input-level failure with a message fit for one line on standard error (no stack trace).</summary>
public sealed class BadInputException(string message) : Exception(message);
