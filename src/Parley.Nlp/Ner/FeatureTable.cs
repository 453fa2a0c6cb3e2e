using System.Numerics;
using System.Runtime.CompilerServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Read-only open-addressing map from feature hash to weight row, built once for prediction: keys are already
/// well-mixed 64-bit hashes, so the low bits index the table directly (linear probing, load factor at most 1/2).
/// A slot holds its key and its row side by side, so a lookup touches one cache line, not two.
/// </summary>
internal sealed class FeatureTable
{
    private struct Slot
    {
        public ulong Key;
        public int Row;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    public FeatureTable(Dictionary<ulong, int> rows)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
        _slots = HugePages.Allocate<Slot>(capacity);
        _mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            ulong k = Key(key);
            int i = (int)k & _mask;
            while (_slots[i].Key != 0) i = (i + 1) & _mask;
            _slots[i] = new Slot { Key = k, Row = row };
        }
        HugePages.Advise(_slots);
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
            ref readonly var slot = ref _slots[i];
            if (slot.Key == k) return slot.Row;
            if (slot.Key == 0) return -1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// The rows of the <paramref name="features"/> found, in their order, into <paramref name="rows"/> (at least as long);
    /// returns how many. The home slots of all features are read first, in a loop without branches on what they hold, so
    /// that their cache misses overlap instead of following one another.
    /// </summary>
    public int FindAll(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        var slots = _slots;
        int mask = _mask, n = features.Length, found = 0;
        Span<ulong> seen = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        for (int k = 0; k < n; k++) seen[k] = slots[(int)Key(features[k]) & mask].Key;
        for (int k = 0; k < n; k++)
        {
            ulong key = Key(features[k]);
            int i = (int)key & mask;
            ulong current = seen[k];
            while (current != key)
            {
                if (current == 0) { i = -1; break; }
                i = (i + 1) & mask;
                current = slots[i].Key;
            }
            if (i >= 0) rows[found++] = slots[i].Row;
        }
        return found;
    }
}
