using System.Runtime.CompilerServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// The one feature hash of the NLP models: stable 64-bit keys from template ids and characters, without allocating
/// strings (string.GetHashCode is randomised per process, a saved model needs the same value in every run).
/// <para>
/// A text's key is computed by one function, <see cref="Text{TFamily}"/>: a seed from the template (or attribute kind),
/// FNV-1a over the UTF-16 units (lower-cased or not), an end step, and a xorshift-multiply finaliser. The saved models
/// were trained with three settings of it, the three <see cref="IHashFamily"/> structs below, and a model is only right
/// with its own: <see cref="TaggerFamily"/> (the tagger, sentence splitter, FEATS and lemmatizer of models/nlp-en-ewt),
/// <see cref="NerFamily"/> (models/ner-en) and <see cref="ParserFamily"/> (the parser's perceptron features and its network's
/// suffix buckets). What still differs between the families is data, not code: whether the seed is mixed, what the
/// end step folds in, which finaliser constants.
/// </para>
/// <para>
/// A feature's key from several keys (a template and a word, a tag and a cluster...) is likewise one function,
/// <see cref="Key{TFamily}(ulong, ulong)"/> and its longer forms: a seed from the template, then one step a key, where
/// each family's step says how the key at that position is folded in. Changing any step, seed or constant means
/// retraining the models of that family; the values are pinned in FeatureHashTests.
/// </para>
/// </summary>
internal static class FeatureHash
{
    internal const ulong Offset = 14695981039346656037UL;
    internal const ulong Prime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>One setting of <see cref="Text{TFamily}"/>: what a model family was trained with.</summary>
    internal interface IHashFamily
    {
        /// <summary>Whether the seed goes through <see cref="Mix"/> before the characters.</summary>
        static abstract bool MixedSeed { get; }

        /// <summary>The step after the characters (a separator, the length, or nothing).</summary>
        static abstract ulong End(ulong h, int length);

        /// <summary>The finaliser.</summary>
        static abstract ulong Finish(ulong h);

        /// <summary>The seed of a feature's key from its template id.</summary>
        static abstract ulong KeySeed(ulong template);

        /// <summary>Folds the key at <paramref name="position"/> (0 first) into a feature's running key.</summary>
        static abstract ulong Join(ulong h, int position, ulong key);
    }

    /// <summary>
    /// The tagger's family: mixed seed, a 0xFF separator step, MurmurHash3's finaliser; keys joined by mixing each into
    /// the running key and multiplying by the FNV prime.
    /// </summary>
    internal readonly struct TaggerFamily : IHashFamily
    {
        public static bool MixedSeed => true;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong End(ulong h, int length) => (h ^ 0xFF) * Prime;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Finish(ulong h) => Mix(h);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong KeySeed(ulong template) => Seed<TaggerFamily>(template);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Join(ulong h, int position, ulong key) => Mix(h ^ key) * Prime;
    }

    /// <summary>
    /// NER's family: plain seed, the length folded in, MurmurHash3's finaliser; keys joined by adding (the first as it
    /// is, the others times the FNV prime plus the golden ratio) and mixing.
    /// </summary>
    internal readonly struct NerFamily : IHashFamily
    {
        public static bool MixedSeed => false;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong End(ulong h, int length) => h ^ (ulong)length;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Finish(ulong h) => Mix(h);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong KeySeed(ulong template) => (template + 1) * Golden;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Join(ulong h, int position, ulong key) => Mix(position == 0 ? h + key : h + key * Prime + Golden);
    }

    /// <summary>
    /// The parser's family: plain seed, no end step, its own finaliser constants (<see cref="Parser.Mix"/>); keys
    /// joined by a multiply-xor chain, multipliers alternating, the third and fourth keys folded with a shift first.
    /// </summary>
    internal readonly struct ParserFamily : IHashFamily
    {
        // Rows are picked by the top bits of the product, which depend on every input bit.
        private const ulong P1 = 0xD6E8FEB86659FD93UL;

        public static bool MixedSeed => false;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong End(ulong h, int length) => h;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong Finish(ulong h) => Parser.Mix(h);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong KeySeed(ulong template) => template * Golden;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Join(ulong h, int position, ulong key) => position switch
        {
            0 => (h ^ key) * P1,
            1 => (h ^ key) * Golden,
            2 => (h ^ (key + (key >> 29))) * P1,
            _ => (h ^ (key + (key >> 31))) * Golden,
        };
    }

    /// <summary>
    /// The key of a text under a family: seed from <paramref name="template"/>, FNV-1a over the characters (lower-cased,
    /// invariant culture, when <paramref name="lower"/>), the family's end step and finaliser. A struct type argument
    /// makes the JIT compile one copy per family with its steps inlined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Text<TFamily>(ulong template, ReadOnlySpan<char> s, bool lower = false) where TFamily : struct, IHashFamily =>
        TFamily.Finish(Continue<TFamily>(Seed<TFamily>(template), s, lower));

    /// <summary>The family's seed for a template: <c>Offset ^ template * Golden</c>, mixed where the family says.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Seed<TFamily>(ulong template) where TFamily : struct, IHashFamily =>
        TFamily.MixedSeed ? Mix(Offset ^ template * Golden) : Offset ^ template * Golden;

    /// <summary>The characters and the family's end step, from a running hash <paramref name="h"/> (not finalised).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Continue<TFamily>(ulong h, ReadOnlySpan<char> s, bool lower) where TFamily : struct, IHashFamily
    {
        if (lower) foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * Prime;
        else foreach (char c in s) h = (h ^ c) * Prime;
        return TFamily.End(h, s.Length);
    }

    /// <summary>The key of a feature of one key under a family, from the template's <see cref="IHashFamily.KeySeed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key<TFamily>(ulong seed, ulong a) where TFamily : struct, IHashFamily => TFamily.Join(seed, 0, a);

    /// <summary>The key of a feature of two keys (see <see cref="Key{TFamily}(ulong, ulong)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key<TFamily>(ulong seed, ulong a, ulong b) where TFamily : struct, IHashFamily =>
        TFamily.Join(TFamily.Join(seed, 0, a), 1, b);

    /// <summary>The key of a feature of three keys (see <see cref="Key{TFamily}(ulong, ulong)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key<TFamily>(ulong seed, ulong a, ulong b, ulong c) where TFamily : struct, IHashFamily =>
        TFamily.Join(Key<TFamily>(seed, a, b), 2, c);

    /// <summary>The key of a feature of four keys (see <see cref="Key{TFamily}(ulong, ulong)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key<TFamily>(ulong seed, ulong a, ulong b, ulong c, ulong d) where TFamily : struct, IHashFamily =>
        TFamily.Join(Key<TFamily>(seed, a, b, c), 3, d);

    /// <summary>
    /// The xorshift-multiply finaliser both finalisers are: three shifts, two multipliers. Constant arguments, so each
    /// caller compiles to the plain five steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong XorShiftMultiply(ulong x, int s1, ulong m1, int s2, ulong m2, int s3)
    {
        x ^= x >> s1; x *= m1;
        x ^= x >> s2; x *= m2;
        x ^= x >> s3;
        return x;
    }

    /// <summary>MurmurHash3's 64-bit finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x) => XorShiftMultiply(x, 33, 0xff51afd7ed558ccdUL, 33, 0xc4ceb9fe1a85ec53UL, 33);

    // ---------------------------------------------------------------- tagger, splitter, FEATS, lemmatizer (models/nlp-en-ewt)

    public static ulong Start(int template) => TaggerFamily.KeySeed((uint)template);

    public static ulong Add(ulong h, ReadOnlySpan<char> s) => Continue<TaggerFamily>(h, s, lower: false);

    public static ulong AddLower(ulong h, ReadOnlySpan<char> s) => Continue<TaggerFamily>(h, s, lower: true);

    public static ulong Add(ulong h, int value) => (h ^ (uint)value ^ 0xABCD0000UL) * Prime * Prime;

    /// <summary>A key folded into a running key (the splitter's features mix these with the int and text steps).</summary>
    public static ulong Add(ulong h, ulong value) => TaggerFamily.Join(h, 0, value);

    public static ulong Of(int template, ReadOnlySpan<char> s) => Text<TaggerFamily>((uint)template, s);
    public static ulong OfLower(int template, ReadOnlySpan<char> s) => Text<TaggerFamily>((uint)template, s, lower: true);

    // ---------------------------------------------------------------- NER (models/ner-en)

    /// <summary>A word's characters (NER token hashes).</summary>
    public static ulong Chars(ReadOnlySpan<char> s) => Text<NerFamily>(0, s);

    /// <summary>NER's feature keys (<see cref="Key{TFamily}(ulong, ulong)"/> under <see cref="NerFamily"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a) => Key<NerFamily>(NerFamily.KeySeed((ulong)template), a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Key<NerFamily>(NerFamily.KeySeed((ulong)template), a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b, ulong c) => Key<NerFamily>(NerFamily.KeySeed((ulong)template), a, b, c);

    /// <summary>Hash of a sequence of token hashes (gazetteer phrases): order-sensitive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong sequence, ulong token) => Mix(sequence * Prime + token + Golden);

    // ---------------------------------------------------------------- parser (models/nlp-en-ewt/parser)

    /// <summary>The parser's keys: <paramref name="kind"/> separates attribute kinds; conjunctions are multiply-xor chains.</summary>
    internal static class Parser
    {
        /// <summary>A text's key under the parser's family.</summary>
        public static ulong String(ReadOnlySpan<char> text, ulong kind) => Text<ParserFamily>(kind, text);

        /// <summary>Lowercased, without allocating.</summary>
        public static ulong Lower(ReadOnlySpan<char> text, ulong kind) => Text<ParserFamily>(kind, text, lower: true);

        /// <summary>Last <paramref name="n"/> characters, lowercased.</summary>
        public static ulong Suffix(ReadOnlySpan<char> text, int n, ulong kind) =>
            Lower(text.Length > n ? text[^n..] : text, kind);

        /// <summary>The parser's finaliser (the same steps as <see cref="FeatureHash.Mix"/>, other constants: its saved weights were trained with these).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Mix(ulong h) => XorShiftMultiply(h, 31, 0x7FB5D329728EA185UL, 27, 0x81DADEF4BC2DD44DUL, 33);

        /// <summary>The parser's feature keys (<see cref="Key{TFamily}(ulong, ulong)"/> under <see cref="ParserFamily"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a) => Key<ParserFamily>(ParserFamily.KeySeed(template), a);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b) => Key<ParserFamily>(ParserFamily.KeySeed(template), a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b, ulong c) => Key<ParserFamily>(ParserFamily.KeySeed(template), a, b, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Combine(ulong template, ulong a, ulong b, ulong c, ulong d) => Key<ParserFamily>(ParserFamily.KeySeed(template), a, b, c, d);
    }
}

/// <summary>Character classes of a word: X upper, x lower, d digit, other characters as they are; runs are cut to two.</summary>
internal static class WordShape
{
    public static ulong Hash(ReadOnlySpan<char> word, bool collapse)
    {
        ulong h = FeatureHash.Offset;
        char last = '\0';
        int run = 0;
        int n = Math.Min(word.Length, 32);
        for (int i = 0; i < n; i++)
        {
            char c = word[i];
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == last) { run++; if (run >= (collapse ? 1 : 2)) continue; }
            else { run = 0; last = k; }
            h = (h ^ k) * FeatureHash.Prime;
        }
        return FeatureHash.Mix(h);
    }
}
