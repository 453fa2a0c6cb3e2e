using System.Buffers;
using System.Runtime.CompilerServices;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// Characters being built by a cleaning pass, each with the position of the original character it came from. The
/// positions are held as runs (where a run of characters begins and the original position of its first one), since
/// a pass copies long stretches unchanged: a 15 MB article's map is kilobytes, not 60 MB per pass (issue 16). Arrays
/// are pooled; call <see cref="Dispose"/> to return them.
/// </summary>
internal sealed class MappedBuffer : IDisposable
{
    private char[] _chars;
    /// <summary>Where each run begins in the buffer, ascending, the first at 0 (<see cref="_runCount"/> of them).</summary>
    private int[] _runStarts;
    /// <summary>The original position of each run's first character; the next ones follow on one by one.</summary>
    private int[] _runOrigins;
    private int _runCount;
    /// <summary>The run <see cref="MapAt"/> found last: reading positions in order costs no search.</summary>
    private int _lastRun;

    /// <summary>
    /// Buffers larger than this are allocated, not rented: a pool keeps what it is given back, so one huge article would
    /// leave hundreds of megabytes in it for the rest of the run.
    /// </summary>
    private const int PooledLimit = 1 << 20;

    public MappedBuffer(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _chars = Rent<char>(capacity);
        _runStarts = Rent<int>(64);
        _runOrigins = Rent<int>(64);
    }

    private static T[] Rent<T>(int length) => length <= PooledLimit ? ArrayPool<T>.Shared.Rent(length) : new T[length];

    private static void Return<T>(T[] array)
    {
        if (array.Length <= PooledLimit && array.Length > 0) ArrayPool<T>.Shared.Return(array);
    }

    public int Length { get; private set; }
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    public char Last => _chars[Length - 1];
    public char this[int index] => _chars[index];

    /// <summary>The original position of the character at <paramref name="index"/> (0 &lt;= index &lt; <see cref="Length"/>).</summary>
    public int MapAt(int index)
    {
        if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index));
        int run = _lastRun < _runCount && _runStarts[_lastRun] <= index ? _lastRun : 0;
        if (run + 1 < _runCount && _runStarts[run + 1] <= index)
        {
            // Usually the next run; else search the runs after this one.
            run = run + 2 < _runCount && _runStarts[run + 2] > index ? run + 1 : RunOf(index, run + 1);
        }
        _lastRun = run;
        return _runOrigins[run] + (index - _runStarts[run]);
    }

    /// <summary>The run holding buffer position <paramref name="index"/>, searched from run <paramref name="from"/> on.</summary>
    private int RunOf(int index, int from)
    {
        int found = Array.BinarySearch(_runStarts, from, _runCount - from, index);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>Every original position, one per character (a new array).</summary>
    public int[] MapToArray()
    {
        var map = new int[Length];
        for (int r = 0; r < _runCount; r++)
        {
            int to = r + 1 < _runCount ? _runStarts[r + 1] : Length;
            for (int i = _runStarts[r], o = _runOrigins[r]; i < to; i++, o++) map[i] = o;
        }
        return map;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c, int original)
    {
        if (Length == _chars.Length) GrowChars(Length + 1);
        Follow(Length, original);
        _chars[Length] = c;
        Length++;
    }

    /// <summary>Records that the character at <paramref name="index"/> (the next one) comes from <paramref name="original"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Follow(int index, int original)
    {
        if (_runCount > 0 && _runOrigins[_runCount - 1] + (index - _runStarts[_runCount - 1]) == original) return;
        if (_runCount == _runStarts.Length) GrowRuns();
        _runStarts[_runCount] = index;
        _runOrigins[_runCount++] = original;
    }

    /// <summary>Appends characters whose original positions are given one by one (<paramref name="map"/>) or, when it is empty, run on from <paramref name="firstOriginal"/>.</summary>
    public void AppendRun(ReadOnlySpan<char> chars, ReadOnlySpan<int> map, int firstOriginal)
    {
        if (chars.IsEmpty) return;
        if (Length + chars.Length > _chars.Length) GrowChars(Length + chars.Length);
        chars.CopyTo(_chars.AsSpan(Length));
        if (map.IsEmpty) Follow(Length, firstOriginal);
        else for (int k = 0; k < map.Length; k++) Follow(Length + k, map[k]);
        Length += chars.Length;
    }

    public void ReplaceLast(char c) => _chars[Length - 1] = c;

    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)Length, nameof(length));
        Length = length;
        while (_runCount > 0 && _runStarts[_runCount - 1] >= length) _runCount--;
        _lastRun = 0;
    }

    public void Clear() => Truncate(0);

    /// <summary>Removes <paramref name="count"/> characters from <paramref name="start"/> on; the ones after keep their original positions.</summary>
    public void Remove(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)(start + count), (uint)Length, nameof(count));
        int tail = Length - start - count;
        var chars = Rent<char>(Math.Max(1, tail));
        var map = Rent<int>(Math.Max(1, tail));
        try
        {
            for (int k = 0; k < tail; k++)
            {
                chars[k] = _chars[start + count + k];
                map[k] = MapAt(start + count + k);
            }
            Truncate(start);
            AppendRun(chars.AsSpan(0, tail), map.AsSpan(0, tail), 0);
        }
        finally
        {
            Return(chars);
            Return(map);
        }
    }

    private void GrowChars(int needed)
    {
        var chars = Rent<char>(Math.Max(needed, _chars.Length * 2));
        _chars.AsSpan(0, Length).CopyTo(chars);
        Return(_chars);
        _chars = chars;
    }

    private void GrowRuns()
    {
        int size = _runStarts.Length * 2;
        var starts = Rent<int>(size);
        var origins = Rent<int>(size);
        _runStarts.AsSpan(0, _runCount).CopyTo(starts);
        _runOrigins.AsSpan(0, _runCount).CopyTo(origins);
        Return(_runStarts);
        Return(_runOrigins);
        _runStarts = starts;
        _runOrigins = origins;
    }

    /// <summary>The finished text and its offset map (one extra entry for the end), held compactly (<see cref="Parley.Core.OffsetMap"/>).</summary>
    public (string Text, Parley.Core.OffsetMap Map) ToResult()
    {
        string text = new(_chars, 0, Length);
        // The end entry, one past the last character's position, carries on the last run (or starts the only one).
        if (_runCount == 0) Follow(0, 0);
        return (text, Parley.Core.OffsetMap.FromRuns(_runStarts.AsSpan(0, _runCount), _runOrigins.AsSpan(0, _runCount), Length + 1));
    }

    public void Dispose()
    {
        Return(_chars);
        Return(_runStarts);
        Return(_runOrigins);
        _chars = [];
        _runStarts = [];
        _runOrigins = [];
        _runCount = 0;
    }
}
