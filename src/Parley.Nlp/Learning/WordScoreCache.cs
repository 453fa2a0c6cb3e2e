namespace Parley.Nlp.Learning;

/// <summary>
/// A bounded, direct-mapped cache of partial score vectors keyed by a word's per-token hash tuple: the summed class
/// scores of the features that depend on the word alone are the same every time the same word is met, so a model
/// scores them once and later tokens of that word reuse the sum. An entry holds up to 8 such vectors (parts: say, the
/// word's own features and those its neighbours see of it), each filled when first needed. Each slot keeps the whole
/// key and is used only on full equality; a new key takes the slot over with no part held. Flat arrays, nothing
/// allocated after construction. Not thread-safe: one cache a thread (see <see cref="PerThread"/>). Inference only.
/// </summary>
internal sealed class WordScoreCache
{
    private readonly int _keyLength;
    private readonly int _entryWidth;
    private readonly int _shift;
    private readonly ulong[] _keys;
    private readonly float[] _scores;
    private readonly byte[] _held;

    /// <param name="keyLength">How many hashes a key holds.</param>
    /// <param name="width">How many scores a part holds (the model's classes).</param>
    /// <param name="slots">How many entries the cache holds, a power of two.</param>
    /// <param name="parts">How many vectors an entry holds (1-8).</param>
    public WordScoreCache(int keyLength, int width, int slots, int parts = 1)
    {
        if (slots < 2 || (slots & (slots - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(slots), "a power of two, at least 2");
        ArgumentOutOfRangeException.ThrowIfNotEqual(parts is >= 1 and <= 8, true, nameof(parts));
        _keyLength = keyLength;
        _entryWidth = width * parts;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots);
        _keys = new ulong[slots * keyLength];
        _scores = new float[slots * _entryWidth];
        _held = new byte[slots];
    }

    /// <summary>A lazily created cache for each thread that asks.</summary>
    public static ThreadLocal<WordScoreCache> PerThread(int keyLength, int width, int slots, int parts = 1) =>
        new(() => new WordScoreCache(keyLength, width, slots, parts));

    /// <summary>
    /// The entry of <paramref name="key"/> (its parts side by side, <paramref name="slot"/> for <see cref="Holds"/> and
    /// <see cref="Hold"/>); when its slot held another key, the slot is now this key's, with no part held. The vectors
    /// stay valid until the next call.
    /// </summary>
    /// <param name="hash">A well-mixed hash of the key (its top bits pick the slot).</param>
    public Span<float> Entry(ReadOnlySpan<ulong> key, ulong hash, out int slot)
    {
        slot = (int)(hash >> _shift);
        var stored = _keys.AsSpan(slot * _keyLength, _keyLength);
        if (!key.SequenceEqual(stored))
        {
            key.CopyTo(stored);
            _held[slot] = 0;
        }
        return _scores.AsSpan(slot * _entryWidth, _entryWidth);
    }

    /// <summary>Whether part <paramref name="part"/> of the entry at <paramref name="slot"/> has been filled.</summary>
    public bool Holds(int slot, int part) => (_held[slot] & (1 << part)) != 0;

    /// <summary>Marks part <paramref name="part"/> of the entry at <paramref name="slot"/> filled.</summary>
    public void Hold(int slot, int part) => _held[slot] |= (byte)(1 << part);
}
