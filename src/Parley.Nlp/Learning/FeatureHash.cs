using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// The one feature hash of the NLP models: stable 64-bit keys from template ids and characters, without allocating
/// strings (string.GetHashCode is randomised per process, a saved model needs the same value in every run). FNV-1a
/// over UTF-16 units, finished by a mixer so that nearby inputs spread over a table.
/// <para>
/// The models combine these primitives in the orders they were trained with, and a saved model is only right with
/// its own: the tagger, the sentence splitter, FEATS and the lemmatizer use <see cref="Of"/> and <see cref="Add(ulong, ReadOnlySpan{char})"/>;
/// NER uses <see cref="Chars"/>, <see cref="Feature(int, ulong)"/> and <see cref="Extend"/>; the parser (its
/// perceptron features and its network's suffix buckets) uses <see cref="Parser"/>, finished by another mixer.
/// Changing any of them means retraining the models that use it.
/// </para>
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a steps over the characters, from <paramref name="h"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fnv(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>FNV-1a steps over the lower-cased characters (invariant culture), from <paramref name="h"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FnvLower(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        return h;
    }

    /// <summary>MurmurHash3's 64-bit finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33; x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    // ---------------------------------------------------------------- tagger, splitter, FEATS, lemmatizer (models/nlp-en-ewt)

    public static ulong Start(int template) => Mix(Offset ^ (ulong)(uint)template * Golden);

    public static ulong Add(ulong h, ReadOnlySpan<char> s) => (Fnv(h, s) ^ 0xFF) * Prime;

    public static ulong AddLower(ulong h, ReadOnlySpan<char> s) => (FnvLower(h, s) ^ 0xFF) * Prime;

    public static ulong Add(ulong h, int value) => (h ^ (uint)value ^ 0xABCD0000UL) * Prime * Prime;

    public static ulong Add(ulong h, ulong value) => Mix(h ^ value) * Prime;

    public static ulong Of(int template, ReadOnlySpan<char> s) => Mix(Add(Start(template), s));
    public static ulong OfLower(int template, ReadOnlySpan<char> s) => Mix(AddLower(Start(template), s));

    // ---------------------------------------------------------------- NER (models/ner-en)

    /// <summary>A word's characters (NER token hashes).</summary>
    public static ulong Chars(ReadOnlySpan<char> s) => Mix(Fnv(Offset, s) ^ (ulong)s.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Mix(a + (ulong)(template + 1) * Golden);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Mix(Feature(template, a) + b * Prime + Golden);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Mix(Feature(template, a, b) + c * Prime + Golden);

    /// <summary>Hash of a sequence of token hashes (gazetteer phrases): order-sensitive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong sequence, ulong token) => Mix(sequence * Prime + token + Golden);

    // ---------------------------------------------------------------- parser (models/nlp-en-ewt/parser)

    /// <summary>The parser's keys: <paramref name="kind"/> separates attribute kinds; conjunctions are multiply-xor chains.</summary>
    internal static class Parser
    {
        /// <summary>FNV-1a over the characters, finished with the parser's mixer.</summary>
        public static ulong String(ReadOnlySpan<char> text, ulong kind) => Mix(Fnv(Offset ^ (kind * Golden), text));

        /// <summary>Lowercased, without allocating.</summary>
        public static ulong Lower(ReadOnlySpan<char> text, ulong kind) => Mix(FnvLower(Offset ^ (kind * Golden), text));

        /// <summary>Last <paramref name="n"/> characters, lowercased.</summary>
        public static ulong Suffix(ReadOnlySpan<char> text, int n, ulong kind) =>
            Lower(text.Length > n ? text[^n..] : text, kind);

        /// <summary>The parser's finaliser (not <see cref="FeatureHash.Mix"/>: its saved weights were trained with this one).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Mix(ulong h)
        {
            h ^= h >> 31;
            h *= 0x7FB5D329728EA185UL;
            h ^= h >> 27;
            h *= 0x81DADEF4BC2DD44DUL;
            h ^= h >> 33;
            return h;
        }

        // Rows are picked by the top bits of the product, which depend on every input bit.
        private const ulong P1 = 0xD6E8FEB86659FD93UL;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a) => ((template * Golden) ^ a) * P1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b) => ((((template * Golden) ^ a) * P1) ^ b) * Golden;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b, ulong c) => (Combine(template, a, b) ^ (c + (c >> 29))) * P1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b, ulong c, ulong d) => (Combine(template, a, b, c) ^ (d + (d >> 31))) * Golden;
    }
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
