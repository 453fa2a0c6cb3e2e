using System.Numerics;
using System.Runtime.CompilerServices;

namespace Parley.Nlp.Ner;

/// <summary>
/// Read-only open-addressing map from feature hash to weight row, built once for prediction: keys are already
/// well-mixed 64-bit hashes, so the low bits index the table directly (linear probing, load factor at most 1/2).
/// </summary>
internal sealed class FeatureTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    public FeatureTable(Dictionary<ulong, int> rows)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            ulong k = Key(key);
            int i = (int)k & _mask;
            while (_keys[i] != 0) i = (i + 1) & _mask;
            _keys[i] = k;
            _rows[i] = row;
        }
    }

    /// <summary>0 marks an empty slot, so a feature whose hash is 0 is stored as 1 (a collision of no consequence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong feature) => feature == 0 ? 1 : feature;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong feature)
    {
        ulong k = Key(feature);
        int i = (int)k & _mask;
        while (true)
        {
            ulong found = _keys[i];
            if (found == k) return _rows[i];
            if (found == 0) return -1;
            i = (i + 1) & _mask;
        }
    }
}
