using System.Buffers;
using System.Runtime.CompilerServices;

namespace Parley.Ingest.Cleaning;

/// <summary>
/// Characters being built by a cleaning pass, each with the position of the original character it came
/// from. Arrays are pooled; call <see cref="Dispose"/> to return them.
/// </summary>
internal sealed class MappedBuffer : IDisposable
{
    private char[] _chars;
    private int[] _map;

    /// <summary>
    /// Buffers larger than this are allocated, not rented: a pool keeps what it is given back, so one huge article would
    /// leave hundreds of megabytes in it for the rest of the run.
    /// </summary>
    private const int PooledLimit = 1 << 20;

    public MappedBuffer(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _chars = Rent<char>(capacity);
        _map = Rent<int>(capacity);
    }

    private static T[] Rent<T>(int length) => length <= PooledLimit ? ArrayPool<T>.Shared.Rent(length) : new T[length];

    private static void Return<T>(T[] array)
    {
        if (array.Length <= PooledLimit && array.Length > 0) ArrayPool<T>.Shared.Return(array);
    }

    public int Length { get; private set; }
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);
    public ReadOnlySpan<int> Map => _map.AsSpan(0, Length);

    public char Last => _chars[Length - 1];
    public char this[int index] => _chars[index];
    public int MapAt(int index) => _map[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c, int original)
    {
        if (Length == _chars.Length) Grow();
        _chars[Length] = c;
        _map[Length] = original;
        Length++;
    }

    /// <summary>Appends characters whose original positions are given one by one (<paramref name="map"/>) or, when it is empty, run on from <paramref name="firstOriginal"/>.</summary>
    public void AppendRun(ReadOnlySpan<char> chars, ReadOnlySpan<int> map, int firstOriginal)
    {
        while (Length + chars.Length > _chars.Length) Grow();
        chars.CopyTo(_chars.AsSpan(Length));
        var target = _map.AsSpan(Length, chars.Length);
        if (!map.IsEmpty) map.CopyTo(target);
        else for (int k = 0; k < target.Length; k++) target[k] = firstOriginal + k;
        Length += chars.Length;
    }

    public void ReplaceLast(char c) => _chars[Length - 1] = c;

    public void Truncate(int length) => Length = length;

    public void Clear() => Length = 0;

    private void Grow()
    {
        int size = _chars.Length * 2;
        var chars = Rent<char>(size);
        var map = Rent<int>(size);
        _chars.AsSpan(0, Length).CopyTo(chars);
        _map.AsSpan(0, Length).CopyTo(map);
        Return(_chars);
        Return(_map);
        _chars = chars;
        _map = map;
    }

    /// <summary>The finished text and its offset map (one extra entry for the end), held compactly (<see cref="Parley.Core.OffsetMap"/>).</summary>
    public (string Text, Parley.Core.OffsetMap Map) ToResult()
    {
        string text = new(_chars, 0, Length);
        if (Length == _map.Length) Grow();
        _map[Length] = Length == 0 ? 0 : _map[Length - 1] + 1;
        return (text, new Parley.Core.OffsetMap(_map.AsSpan(0, Length + 1)));
    }

    public void Dispose()
    {
        Return(_chars);
        Return(_map);
        _chars = [];
        _map = [];
    }
}
