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
    private readonly ulong[] _slots;      // feature key per slot, 0 = empty
    private readonly int[] _slotRow;      // row index per slot
    private readonly int _mask;
    private readonly int[] _rowStart;     // rows: entries [rowStart[r], rowStart[r+1])
    private readonly byte[] _classes;
    private readonly float[] _weights;

    public PerceptronModel(int classCount, ulong[] keys, int[] rowStart, byte[] classes, float[] weights)
    {
        ClassCount = classCount;
        _rowStart = rowStart;
        _classes = classes;
        _weights = weights;
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _slotRow = new int[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            ulong k = keys[r] == 0 ? 1 : keys[r];
            int s = (int)(k & (ulong)_mask);
            while (_slots[s] != 0) s = (s + 1) & _mask;
            _slots[s] = k;
            _slotRow[s] = r;
        }
        Keys = keys;
    }

    public int ClassCount { get; }
    public int FeatureCount => Keys.Length;
    public int EntryCount => _weights.Length;
    private ulong[] Keys { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (which the caller clears).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        foreach (ulong f in features)
        {
            ulong k = f == 0 ? 1 : f;
            int s = (int)(k & (ulong)_mask);
            while (true)
            {
                ulong key = slots[s];
                if (key == k)
                {
                    int r = _slotRow[s];
                    int end = _rowStart[r + 1];
                    for (int j = _rowStart[r]; j < end; j++) scores[_classes[j]] += _weights[j];
                    break;
                }
                if (key == 0) break;
                s = (s + 1) & _mask;
            }
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
        w.Write(Keys.Length);
        foreach (var k in Keys) w.Write(k);
        foreach (var s in _rowStart) w.Write(s);
        w.Write(_classes);
        // half precision: the weights of an averaged perceptron need no more, and the file halves
        foreach (var x in _weights) w.Write((Half)x);
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
