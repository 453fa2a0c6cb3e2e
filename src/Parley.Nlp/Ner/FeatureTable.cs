using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Read-only open-addressing map from feature hash to its weights, built once for prediction: keys are already
/// well-mixed 64-bit hashes, so the low bits index the table directly (linear probing, load factor at most 1/2).
/// A slot holds its key, where its row starts and the last label's weight (16 bytes, four to a cache line); the other
/// 16 weights of a row fill exactly one 64-byte-aligned cache line of their own. So a lookup reads two lines, where a
/// row of 17 floats at any offset straddled two besides the slot's.
/// </summary>
internal sealed class FeatureTable
{
    private const int L = NerBilou.Count;
    private const int Wide = 16;

    private struct Slot
    {
        public ulong Key;
        public int Row;
        public float Last;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly float[] _rows;

    /// <summary>The table over <paramref name="rows"/> (feature to row number) and their weights (<see cref="NerBilou.Count"/> a row in <paramref name="emission"/>).</summary>
    public FeatureTable(Dictionary<ulong, int> rows, float[] emission)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
        _slots = HugePages.Allocate<Slot>(capacity);
        _mask = capacity - 1;
        // pinned (so it never moves) with room to start the first row on a cache line
        _rows = HugePages.Allocate<float>(rows.Count * Wide + Wide, pinned: true);
        int first = FirstAligned(_rows);
        int next = 0;
        foreach (var (key, row) in rows)
        {
            ulong k = Key(key);
            int i = (int)k & _mask;
            while (_slots[i].Key != 0) i = (i + 1) & _mask;
            int at = first + next++ * Wide;
            emission.AsSpan(row * L, Wide).CopyTo(_rows.AsSpan(at, Wide));
            _slots[i] = new Slot { Key = k, Row = at, Last = emission[row * L + Wide] };
        }
        HugePages.Advise(_slots);
        HugePages.Advise(_rows);
    }

    /// <summary>The index of the first element of a pinned float array that starts a 64-byte cache line.</summary>
    private static int FirstAligned(float[] pinned)
    {
        long address = System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0).ToInt64();
        return (int)((64 - (address & 63)) & 63) / sizeof(float);
    }

    /// <summary>0 marks an empty slot, so a feature whose hash is 0 is stored as 1 (a collision of no consequence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(ulong feature) => feature == 0 ? 1 : feature;

    /// <summary>
    /// Adds the weights of the <paramref name="features"/> found into <paramref name="scores"/> (length <see cref="NerBilou.Count"/>,
    /// overwritten, or added to with <paramref name="add"/>: a sum continued from the scores of earlier features), in the features' order. The home slots of all features are read first, in a loop without branches on
    /// what they hold, so that their cache misses overlap instead of following one another.
    /// </summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores, bool add = false)
    {
        var slots = _slots;
        var weights = _rows;
        int mask = _mask, n = features.Length;
        Span<ulong> seen = n <= 256 ? stackalloc ulong[n] : new ulong[n];
        for (int k = 0; k < n; k++) seen[k] = slots[(int)Key(features[k]) & mask].Key;
        var sum0 = add ? Vector256.Create<float>(scores[..8]) : Vector256<float>.Zero;
        var sum1 = add ? Vector256.Create<float>(scores.Slice(8, 8)) : Vector256<float>.Zero;
        float last = add ? scores[Wide] : 0;
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
            if (i < 0) continue;
            ref readonly var slot = ref slots[i];
            var r = new ReadOnlySpan<float>(weights, slot.Row, Wide);
            sum0 += Vector256.Create(r[..8]);
            sum1 += Vector256.Create(r.Slice(8, 8));
            last += slot.Last;
        }
        sum0.CopyTo(scores);
        sum1.CopyTo(scores[8..]);
        scores[Wide] = last;
    }
}
