namespace Parley.Nlp.Learning;

/// <summary>
/// A bounded, direct-mapped cache of partial score vectors keyed by a word's per-token hash tuple: the summed class
/// scores of the features that depend on the word alone are the same every time the same word is met, so a model
/// scores them once and later tokens of that word copy the sum and score only their context features. Each slot keeps
/// the whole key and is used only on full equality, so a hit returns exactly the vector stored for that key; a new key
/// replaces whatever its slot held. Flat arrays, nothing allocated after construction. Not thread-safe: one cache a
/// thread (see <see cref="PerThread"/>). Inference only; a model being trained changes under it.
/// </summary>
internal sealed class WordScoreCache
{
    private readonly int _keyLength;
    private readonly int _width;
    private readonly int _shift;
    private readonly ulong[] _keys;
    private readonly float[] _scores;
    private readonly bool[] _filled;

    /// <param name="keyLength">How many hashes a key holds.</param>
    /// <param name="width">How many scores a vector holds (the model's classes).</param>
    /// <param name="slots">How many vectors the cache holds, a power of two.</param>
    public WordScoreCache(int keyLength, int width, int slots)
    {
        if (slots < 2 || (slots & (slots - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(slots), "a power of two, at least 2");
        _keyLength = keyLength;
        _width = width;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
        _keys = new ulong[slots * keyLength];
        _scores = new float[slots * width];
        _filled = new bool[slots];
    }

    /// <summary>A lazily created cache for each thread that asks.</summary>
    public static ThreadLocal<WordScoreCache> PerThread(int keyLength, int width, int slots) => new(() => new WordScoreCache(keyLength, width, slots));

    /// <summary>Copies the vector stored for <paramref name="key"/> into <paramref name="scores"/>; false (and nothing written) when it is not held.</summary>
    /// <param name="hash">A well-mixed hash of the key (its top bits pick the slot).</param>
    public bool TryGet(ReadOnlySpan<ulong> key, ulong hash, Span<float> scores)
    {
        int slot = (int)(hash >> _shift);
        if (!_filled[slot] || !key.SequenceEqual(_keys.AsSpan(slot * _keyLength, _keyLength))) return false;
        _scores.AsSpan(slot * _width, _width).CopyTo(scores);
        return true;
    }

    /// <summary>Stores <paramref name="scores"/> for <paramref name="key"/>, replacing what its slot held.</summary>
    public void Put(ReadOnlySpan<ulong> key, ulong hash, ReadOnlySpan<float> scores)
    {
        int slot = (int)(hash >> _shift);
        key.CopyTo(_keys.AsSpan(slot * _keyLength, _keyLength));
        scores[.._width].CopyTo(_scores.AsSpan(slot * _width, _width));
        _filled[slot] = true;
    }
}
