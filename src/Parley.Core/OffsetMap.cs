namespace Parley.Core;

/// <summary>
/// Maps positions in a cleaned text back to positions in the original text it was cleaned from.
/// Entry i is the original position of cleaned character i; one extra entry maps the end.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _toOriginal;

    public OffsetMap(int[] toOriginal)
    {
        ArgumentNullException.ThrowIfNull(toOriginal);
        if (toOriginal.Length == 0) throw new ArgumentException("An offset map needs at least the end entry.", nameof(toOriginal));
        _toOriginal = toOriginal;
    }

    /// <summary>The map of a text that was not changed.</summary>
    public static OffsetMap Identity(int length)
    {
        var map = new int[length + 1];
        for (int i = 0; i < map.Length; i++) map[i] = i;
        return new OffsetMap(map);
    }

    public int CleanedLength => _toOriginal.Length - 1;

    /// <summary>Original position of cleaned position <paramref name="cleaned"/> (0..CleanedLength).</summary>
    public int ToOriginal(int cleaned) => _toOriginal[cleaned];

    /// <summary>Original span of a cleaned span [start, end).</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        int s = _toOriginal[start];
        int e = end > start ? _toOriginal[end - 1] + 1 : s;
        return (s, Math.Max(s, e));
    }

    public ReadOnlySpan<int> Entries => _toOriginal;
}
