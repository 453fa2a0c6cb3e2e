using System.Globalization;
using System.Text;

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

/// <summary>
/// An input that could not be processed: which input, and what is wrong with it, in one line. Control characters in
/// either part (a parser's message quoting a line break, a file name holding one) are written as escapes, so a
/// problem always prints as exactly one line.
/// </summary>
public sealed record InputProblem(string Input, string Message)
{
    public string Input { get; init; } = OneLine(Input);
    public string Message { get; init; } = OneLine(Message);
    public InputProblemKind Kind { get; init; } = InputProblemKind.Unreadable;

    public override string ToString() => $"{Input}: {Message}";

    private static string OneLine(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        int first = s.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        if (first < 0 && !s.Contains('\u007F', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\u007F': sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}

/// <summary>An input-level failure with a message fit for one line on standard error (no stack trace).</summary>
public sealed class BadInputException(string message) : Exception(message);
