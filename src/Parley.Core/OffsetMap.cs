namespace Parley.Core;

/// <summary>
/// Maps positions in a cleaned text back to positions in the original text it was cleaned from.
/// Entry i is the original position of cleaned character i; one extra entry maps the end.
/// Held as runs (a cleaned position and its original position, the next ones following on one by one), since a
/// cleaned text is mostly long stretches copied unchanged: a 15 MB article's map is a few kilobytes instead of 60 MB.
/// A map with more runs than half its entries (every other character changed) keeps one entry per position instead.
/// </summary>
public sealed class OffsetMap
{
    /// <summary>Cleaned positions where a run begins, ascending, the first 0; null when <see cref="_entries"/> holds every entry.</summary>
    private readonly int[]? _runStarts;
    /// <summary>Original position of each run's first position.</summary>
    private readonly int[]? _runOrigins;
    private readonly int[]? _entries;
    private readonly int _count;

    public OffsetMap(int[] toOriginal) : this((ReadOnlySpan<int>)(toOriginal ?? throw new ArgumentNullException(nameof(toOriginal))))
    {
    }

    /// <summary>The map of the entries in <paramref name="toOriginal"/> (copied).</summary>
    public OffsetMap(ReadOnlySpan<int> toOriginal)
    {
        if (toOriginal.Length == 0) throw new ArgumentException("An offset map needs at least the end entry.", nameof(toOriginal));
        _count = toOriginal.Length;
        int runs = 1;
        for (int i = 1; i < toOriginal.Length; i++) if (toOriginal[i] != toOriginal[i - 1] + 1) runs++;
        if (runs > toOriginal.Length / 2)
        {
            _entries = toOriginal.ToArray();
            return;
        }
        _runStarts = new int[runs];
        _runOrigins = new int[runs];
        _runOrigins[0] = toOriginal[0];
        for (int i = 1, r = 1; i < toOriginal.Length; i++)
        {
            if (toOriginal[i] == toOriginal[i - 1] + 1) continue;
            _runStarts[r] = i;
            _runOrigins[r++] = toOriginal[i];
        }
    }

    /// <summary>
    /// The map of <paramref name="count"/> entries given as runs: entry <c>runStarts[r] + k</c> is <c>runOrigins[r] + k</c>
    /// up to the next run's start (the first run starts at 0; starts ascend).
    /// </summary>
    public static OffsetMap FromRuns(ReadOnlySpan<int> runStarts, ReadOnlySpan<int> runOrigins, int count)
    {
        if (runStarts.Length == 0 || runStarts.Length != runOrigins.Length || runStarts[0] != 0 || count < 1)
            throw new ArgumentException("An offset map needs runs from position 0 and at least the end entry.", nameof(runStarts));
        for (int r = 1; r < runStarts.Length; r++)
            if (runStarts[r] <= runStarts[r - 1] || runStarts[r] >= count) throw new ArgumentException("Run starts must ascend within the map.", nameof(runStarts));
        return new OffsetMap(runStarts.ToArray(), runOrigins.ToArray(), count);
    }

    private OffsetMap(int[] runStarts, int[] runOrigins, int count)
    {
        _runStarts = runStarts;
        _runOrigins = runOrigins;
        _count = count;
    }

    /// <summary>The map of a text that was not changed.</summary>
    public static OffsetMap Identity(int length) => new(length);

    private OffsetMap(int identityLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(identityLength);
        _count = identityLength + 1;
        _runStarts = [0];
        _runOrigins = [0];
    }

    public int CleanedLength => _count - 1;

    /// <summary>Original position of cleaned position <paramref name="cleaned"/> (0..CleanedLength).</summary>
    public int ToOriginal(int cleaned)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)cleaned, (uint)_count, nameof(cleaned));
        if (_entries is not null) return _entries[cleaned];
        int run = Array.BinarySearch(_runStarts!, cleaned);
        if (run < 0) run = ~run - 1;
        return _runOrigins![run] + (cleaned - _runStarts![run]);
    }

    /// <summary>Original span of a cleaned span [start, end).</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        int s = ToOriginal(start);
        int e = end > start ? ToOriginal(end - 1) + 1 : s;
        return (s, Math.Max(s, e));
    }

    /// <summary>Every entry, one per cleaned position plus the end (a new array: the map itself holds runs).</summary>
    public int[] ToArray()
    {
        var all = new int[_count];
        CopyTo(0, all);
        return all;
    }

    /// <summary>Entries <paramref name="first"/>.. into <paramref name="target"/>, as many as fit or remain; returns how many.</summary>
    public int CopyTo(int first, Span<int> target)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)first, (uint)_count, nameof(first));
        int n = Math.Min(target.Length, _count - first);
        if (_entries is not null)
        {
            _entries.AsSpan(first, n).CopyTo(target);
            return n;
        }
        int run = Array.BinarySearch(_runStarts!, first);
        if (run < 0) run = ~run - 1;
        for (int i = 0; i < n; run++)
        {
            int to = run + 1 < _runStarts!.Length ? _runStarts[run + 1] : _count;
            for (int o = _runOrigins![run] + (first + i - _runStarts[run]); i < n && first + i < to; i++, o++) target[i] = o;
        }
        return n;
    }

    /// <summary>Number of entries: <see cref="CleanedLength"/> + 1.</summary>
    public int Count => _count;
}
