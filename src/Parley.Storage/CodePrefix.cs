namespace Parley.Storage;

/// <summary>How every store turns a code prefix filter into an index-friendly range.</summary>
public static class CodePrefix
{
    /// <summary>
    /// [Lo, Hi) holding exactly the codes that start with <paramref name="code"/> (trimmed, upper case): Hi is
    /// the prefix with its last character incremented, so "19" matches 190 to 1962 and nothing of root 2.
    /// Null for an empty prefix.
    /// </summary>
    public static (string Lo, string Hi)? Range(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        string lo = code.Trim().ToUpperInvariant();
        char last = lo[^1];
        if (last == char.MaxValue) return (lo, lo + char.MaxValue);
        string hi = string.Concat(lo.AsSpan(0, lo.Length - 1), ((char)(last + 1)).ToString());
        return (lo, hi);
    }
}
