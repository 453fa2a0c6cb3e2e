using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// 64-bit feature keys built from a template id and characters, without allocating strings: FNV-1a over UTF-16
/// units and a final mix (MurmurHash3's), so nearby inputs spread over the table. One class for the tagger, the
/// sentence splitter, the lemmatizer and FEATS (<see cref="Of"/>, <see cref="Add(ulong, ReadOnlySpan{char})"/>) and for
/// NER (<see cref="Chars"/>, <see cref="Feature(int, ulong)"/>, <see cref="Extend"/>): the two families combine the same
/// primitives in the orders their saved models were trained with, so neither may change without retraining them.
/// The parser's perceptron features keep their own mixer (Parsing/FeatureHash.cs) for the same reason.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Start(int template) => Mix(Offset ^ (ulong)(uint)template * 0x9E3779B97F4A7C15UL);

    public static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ c) * Prime;
        return (h ^ 0xFF) * Prime;
    }

    public static ulong AddLower(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return (h ^ 0xFF) * Prime;
    }

    public static ulong Add(ulong h, int value) => (h ^ (uint)value ^ 0xABCD0000UL) * Prime * Prime;

    public static ulong Add(ulong h, ulong value) => Mix(h ^ value) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static ulong Of(int template, ReadOnlySpan<char> s) => Mix(Add(Start(template), s));
    public static ulong OfLower(int template, ReadOnlySpan<char> s) => Mix(AddLower(Start(template), s));

    // ---------------------------------------------------------------- NER's features (models/ner-en)

    /// <summary>A word's characters (NER token hashes).</summary>
    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) h = (h ^ c) * Prime;
        return Mix(h ^ (ulong)s.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Mix(a + (ulong)(template + 1) * Golden);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Mix(Feature(template, a) + b * Prime + Golden);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Mix(Feature(template, a, b) + c * Prime + Golden);

    /// <summary>Hash of a sequence of token hashes (gazetteer phrases): order-sensitive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong sequence, ulong token) => Mix(sequence * Prime + token + Golden);
}

/// <summary>Character classes of a word: X upper, x lower, d digit, other characters as they are; runs are cut to two.</summary>
internal static class WordShape
{
    public static ulong Hash(ReadOnlySpan<char> word, bool collapse)
    {
        ulong h = 14695981039346656037UL;
        char last = '\0';
        int run = 0;
        int n = Math.Min(word.Length, 32);
        for (int i = 0; i < n; i++)
        {
            char c = word[i];
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == last) { run++; if (run >= (collapse ? 1 : 2)) continue; }
            else { run = 0; last = k; }
            h = (h ^ k) * 1099511628211UL;
        }
        return FeatureHash.Mix(h);
    }
}
