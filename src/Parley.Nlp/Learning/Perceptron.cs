using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// A frozen multi-class linear model over hashed features: an open-addressing table from 64-bit feature keys
/// to sparse rows of (class, weight). Scoring touches only the classes a feature has weights for.
/// Immutable and thread-safe.
/// </summary>
internal sealed class PerceptronModel
{
    /// <summary>How many of a row's entries its slot holds itself; the rest lie in the overflow arrays.</summary>
    private const int Inline = 4;
    private const int CountBits = 9;
    private const int MaxOverflow = (1 << (32 - CountBits)) - 1;

    /// <summary>
    /// One slot of the open-addressing table, 32 bytes (two to a cache line): the key, and the row itself when it has
    /// at most <see cref="Inline"/> entries, as most rows do; so a lookup is one memory read, not a slot and then a row
    /// elsewhere. <see cref="Meta"/> packs the row's length (low <see cref="CountBits"/> bits) and where its entries past
    /// the inline ones start in the overflow arrays.
    /// </summary>
    private struct Slot
    {
        public ulong Key;
        public uint Meta;
        public InlineClasses Classes;
        public InlineWeights Weights;
    }

    /// <summary>Class and weight side by side, so an overflow row is read from one place.</summary>
    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    [InlineArray(Inline)] private struct InlineClasses { private byte _c; }
    [InlineArray(Inline)] private struct InlineWeights { private float _w; }

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly Entry[] _overflow;
    // as given, for Write
    private readonly ulong[] _keys;
    private readonly int[] _rowStart;
    private readonly byte[] _classes;
    private readonly float[] _weights;

    public PerceptronModel(int classCount, ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        ClassCount = classCount;
        _keys = keys;
        _rowStart = rowStart;
        _classes = classes;
        _weights = weights;
        int overflow = 0;
        for (int r = 0; r < keys.Length; r++) overflow += Math.Max(0, rowStart[r + 1] - rowStart[r] - Inline);
        if (overflow > MaxOverflow) throw new InvalidDataException($"perceptron model too large: {overflow} entries past the inline ones (at most {MaxOverflow})");
        _overflow = HugePages.Allocate<Entry>(overflow);
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1;
        _slots = HugePages.Allocate<Slot>(capacity);
        _mask = capacity - 1;
        int at = 0;
        for (int r = 0; r < keys.Length; r++)
        {
            ulong k = keys[r] == 0 ? 1 : keys[r];
            int s = (int)(k & (ulong)_mask);
            while (_slots[s].Key != 0) s = (s + 1) & _mask;
            ref var slot = ref _slots[s];
            int count = rowStart[r + 1] - rowStart[r];
            slot.Key = k;
            slot.Meta = (uint)count | (uint)at << CountBits;
            for (int j = 0; j < count; j++)
            {
                int e = rowStart[r] + j;
                if (j < Inline) { slot.Classes[j] = classes[e]; slot.Weights[j] = weights[e]; }
                else _overflow[at++] = new Entry { Class = classes[e], Weight = weights[e] };
            }
        }
        HugePages.Advise(_overflow);
        HugePages.Advise(_slots);
    }

    public int ClassCount { get; }
    public int FeatureCount => _keys.Length;
    public int EntryCount => _weights.Length;

    /// <summary>
    /// Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (which the caller clears).
    /// Memory latency dominates (several MB of table, one random access per feature), so the loads of all slots
    /// are issued first in a loop without branches on them, letting the CPU overlap the cache misses; then the
    /// weights found are added, feature by feature in the given order (each class's sum adds its weights in the
    /// same order whatever the layout, so the scores are the same to the bit).
    /// </summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        int mask = _mask;
        int n = Math.Min(features.Length, 128);
        Span<ulong> seen = stackalloc ulong[n];
        Span<int> at = stackalloc int[n];
        for (int k = 0; k < n; k++)
        {
            ulong key = features[k] == 0 ? 1 : features[k];
            int s = (int)(key & (ulong)mask);
            at[k] = s;
            seen[k] = slots[s].Key;
        }
        Span<int> rows = stackalloc int[n];
        int found = 0;
        for (int k = 0; k < n; k++)
        {
            ulong key = features[k] == 0 ? 1 : features[k];
            int s = at[k];
            ulong current = seen[k];
            while (current != key)
            {
                if (current == 0) { s = -1; break; }
                s = (s + 1) & mask;
                current = slots[s].Key;
            }
            if (s >= 0) rows[found++] = s;
        }
        // the entries of long rows, past the inline ones, are read ahead the same way (every cache line of them)
        var overflow = _overflow;
        float touch = 0;
        for (int k = 0; k < found; k++)
        {
            uint meta = slots[rows[k]].Meta;
            int extra = (int)(meta & ((1u << CountBits) - 1)) - Inline;
            for (int j = (int)(meta >> CountBits), end = j + extra; j < end; j += 8) touch += overflow[j].Weight;
        }
        for (int k = 0; k < found; k++) Add(in slots[rows[k]], scores);
        // keeps the touching loop from being removed; never true for finite weights
        if (float.IsNaN(touch)) scores[0] += 0;
        for (int k = n; k < features.Length; k++) ScoreOne(features[k], scores);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(in Slot slot, Span<float> scores)
    {
        int count = (int)(slot.Meta & ((1u << CountBits) - 1));
        int inline = Math.Min(count, Inline);
        for (int j = 0; j < inline; j++) scores[slot.Classes[j]] += slot.Weights[j];
        if (count <= Inline) return;
        int start = (int)(slot.Meta >> CountBits), end = start + count - Inline;
        var overflow = _overflow;
        for (int j = start; j < end; j++)
        {
            ref readonly var e = ref overflow[j];
            scores[e.Class] += e.Weight;
        }
    }

    private void ScoreOne(ulong f, Span<float> scores)
    {
        ulong key = f == 0 ? 1 : f;
        int s = (int)(key & (ulong)_mask);
        while (true)
        {
            ref readonly var slot = ref _slots[s];
            if (slot.Key == key) { Add(in slot, scores); return; }
            if (slot.Key == 0) return;
            s = (s + 1) & _mask;
        }
    }

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(_keys.Length);
        foreach (var k in _keys) w.Write(k);
        foreach (var s in _rowStart) w.Write(s);
        w.Write(_classes);
        // half precision: the weights of an averaged perceptron need no more, and the file halves
        foreach (float weight in _weights) w.Write((Half)weight);
    }

    public static PerceptronModel Read(BinaryReader r)
    {
        int classCount = r.ReadInt32();
        int n = r.ReadInt32();
        var keys = new ulong[n];
        for (int i = 0; i < n; i++) keys[i] = r.ReadUInt64();
        var rowStart = new int[n + 1];
        for (int i = 0; i <= n; i++) rowStart[i] = r.ReadInt32();
        int entries = rowStart[n];
        var classes = r.ReadBytes(entries);
        var weights = new float[entries];
        for (int i = 0; i < entries; i++) weights[i] = (float)r.ReadHalf();
        return new PerceptronModel(classCount, keys, rowStart, classes, weights);
    }

    public static void WriteFile(string path, Action<BinaryWriter> write)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz);
        write(w);
    }

    public static T ReadFile<T>(string path, Func<BinaryReader, T> read)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered);
        return read(r);
    }
}

/// <summary>
/// Averaged perceptron trainer with sparse rows (only the classes a feature was updated for), so memory grows
/// with the number of updates, not features x classes. Averaging uses the usual lazy timestamps.
/// </summary>
internal sealed class PerceptronTrainer
{
    private sealed class Row
    {
        public byte[] Classes = new byte[2];
        public float[] Weights = new float[2];
        public double[] Totals = new double[2];
        public int[] Stamps = new int[2];
        public int Count;

        public int Find(int cls)
        {
            for (int i = 0; i < Count; i++) if (Classes[i] == cls) return i;
            return -1;
        }

        public int Add(int cls)
        {
            if (Count == Classes.Length)
            {
                int n = Count * 2;
                Array.Resize(ref Classes, n); Array.Resize(ref Weights, n); Array.Resize(ref Totals, n); Array.Resize(ref Stamps, n);
            }
            Classes[Count] = (byte)cls;
            return Count++;
        }
    }

    private readonly Dictionary<ulong, Row> _rows = [];
    private int _tick;

    public PerceptronTrainer(int classCount)
    {
        if (classCount > 256) throw new ArgumentOutOfRangeException(nameof(classCount), "at most 256 classes");
        ClassCount = classCount;
    }

    public int ClassCount { get; }

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (ulong f in features)
        {
            if (!_rows.TryGetValue(f == 0 ? 1 : f, out var row)) continue;
            for (int j = 0; j < row.Count; j++) scores[row.Classes[j]] += row.Weights[j];
        }
    }

    /// <summary>Counts one training example; updates the weights when the guess was wrong.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        _tick++;
        if (gold == guess) return;
        foreach (ulong f in features)
        {
            ulong k = f == 0 ? 1 : f;
            if (!_rows.TryGetValue(k, out var row)) { row = new Row(); _rows[k] = row; }
            Change(row, gold, 1f);
            Change(row, guess, -1f);
        }
    }

    private void Change(Row row, int cls, float delta)
    {
        int i = row.Find(cls);
        if (i < 0) i = row.Add(cls);
        row.Totals[i] += (double)(_tick - row.Stamps[i]) * row.Weights[i];
        row.Stamps[i] = _tick;
        row.Weights[i] += delta;
    }

    /// <summary>The averaged model; entries whose averaged weight is below <paramref name="minWeight"/> in magnitude are dropped.</summary>
    public PerceptronModel Freeze(float minWeight = 1e-3f)
    {
        var keys = new List<ulong>(_rows.Count);
        var rowStart = new List<int>(_rows.Count + 1) { 0 };
        var classes = new List<byte>();
        var weights = new List<float>();
        foreach (var (key, row) in _rows.OrderBy(p => p.Key))
        {
            int before = weights.Count;
            for (int i = 0; i < row.Count; i++)
            {
                double total = row.Totals[i] + (double)(_tick - row.Stamps[i]) * row.Weights[i];
                float avg = (float)(total / Math.Max(1, _tick));
                if (Math.Abs(avg) < minWeight) continue;
                classes.Add(row.Classes[i]);
                weights.Add(avg);
            }
            if (weights.Count == before) continue;
            keys.Add(key);
            rowStart.Add(weights.Count);
        }
        return new PerceptronModel(ClassCount, [.. keys], [.. rowStart], [.. classes], [.. weights]);
    }
}
