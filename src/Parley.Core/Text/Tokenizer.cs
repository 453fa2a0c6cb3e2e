using System.Globalization;

namespace Parley.Core.Text;

/// <summary>
/// Rule-based tokenizer for news and web English, following UD English-EWT conventions: clitics become
/// multiword tokens ("don't" = "do" + "n't", "Google's" = "Google" + "'s"), hyphens between words are split
/// unless the treebank keeps the word whole, abbreviations keep their period, URLs and e-mail addresses stay
/// one token. Every token is a span of the input; no character is changed. Runs in one pass, linear in the text.
/// The one scanner of raw text: the NLP model's tokenizer is this class with a treebank-taught lexicon (Parley.Nlp), and
/// <see cref="Process"/> gives stages without the model (evaluations of one stage, tests, no NLP model installed) the
/// same tokens with rule sentences instead of the trained sentence splitter. Thread-safe: holds only read-only lexicons.
/// </summary>
public sealed class Tokenizer
{
    private const int MaxLookup = 48;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _hyphenPrefixes;
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _multiwords;

    internal Tokenizer(TokenizerLexicon lexicon)
    {
        Lexicon = lexicon;
        _abbreviations = lexicon.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenWords = lexicon.HyphenWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _hyphenPrefixes = lexicon.HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _multiwords = lexicon.Multiwords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A tokenizer with English's seed lexicon only (no treebank needed).</summary>
    public static Tokenizer Default => LazyDefault.Value;

    private static readonly Lazy<Tokenizer> LazyDefault = new(() => ForLanguage(LanguageData.Default));

    /// <summary>A tokenizer with the seed lexicon of <paramref name="language"/> (no treebank needed).</summary>
    public static Tokenizer ForLanguage(LanguageData language) => new(TokenizerLexicon.BuiltIn(language));

    private static readonly Lazy<SentenceAbbreviations> EnglishAbbreviations = new(() => new SentenceAbbreviations(LanguageData.Default));

    /// <summary>Tokens and rule sentences of English text with <see cref="Default"/> (see <see cref="Process"/>).</summary>
    public static void Tokenize(Document doc) => Default.Process(doc, EnglishAbbreviations.Value);

    /// <summary>
    /// Fills the token and sentence layers of <paramref name="doc"/> (replacing what was there) without the trained sentence
    /// splitter: the fallback rule. A sentence ends at a token of its own . ! ? (closing quotes and brackets after it stay
    /// in the sentence) when the next word starts with a capital letter, a digit or a quote, or the text ends, unless the
    /// stop follows, unspaced, one of <paramref name="abbreviations"/>; and at every blank line.
    /// </summary>
    public void Process(Document doc, SentenceAbbreviations abbreviations)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(abbreviations);
        string text = doc.Text;
        var tokens = new TokenBuffer(text.Length / 5 + 16);
        Tokenize(text, tokens);
        doc.ClearTokens();
        doc.ClearSentences();
        int first = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool end = i + 1 == tokens.Count || BlankLineBetween(text, tokens[i].End, tokens[i + 1].Start);
            if (!end && EndsWithStop(text, tokens, i, abbreviations))
            {
                int k = i;
                while (k + 1 < tokens.Count && tokens[k + 1].Start == tokens[k].End && IsCloser(text, tokens[k + 1])) k++;
                if (k + 1 == tokens.Count || StartsSentence(text, tokens[k].End, tokens[k + 1].Start)) { i = k; end = true; }
            }
            if (!end) continue;
            tokens.AddSentence(doc, first, i);
            first = i + 1;
        }
        doc.SetTokens(tokens.Items, tokens.Count);
    }

    /// <summary>
    /// True when token <paramref name="i"/> is a stop that may end a sentence: a . ! ? of its own not right after one of the
    /// <paramref name="abbreviations"/>, or a word whose stop the tokenizer kept ("Ill.") but that is no sentence abbreviation
    /// nor dotted ("U.S.").
    /// </summary>
    private static bool EndsWithStop(string text, TokenBuffer tokens, int i, SentenceAbbreviations abbreviations)
    {
        ref readonly var t = ref tokens[i];
        if (t.End - t.Start == 1)
            return text[t.Start] is '.' or '!' or '?' && !(i > 0 && tokens[i - 1].End == t.Start &&
                abbreviations.KeepsSentenceOpen(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].End - tokens[i - 1].Start)));
        var word = text.AsSpan(t.Start, t.End - t.Start - 1);
        return text[t.End - 1] == '.' && !word.Contains('.') && char.IsLetter(word[^1]) && !abbreviations.KeepsSentenceOpen(word);
    }

    private static bool IsCloser(string text, in TokenData t) => t.End - t.Start == 1 && (TextChars.IsQuote(text[t.Start]) || text[t.Start] == ')');

    /// <summary>True when the gap [from, to) holds white space and the word at <paramref name="to"/> may open a sentence.</summary>
    private static bool StartsSentence(string text, int from, int to) =>
        to > from && (char.IsUpper(text[to]) || char.IsDigit(text[to]) || TextChars.IsQuote(text[to]));

    private static bool BlankLineBetween(string text, int from, int to)
    {
        for (int k = from; k + 1 < to; k++)
            if (text[k] == '\n' && text[k + 1] == '\n') return true;
        return false;
    }

    internal TokenizerLexicon Lexicon { get; }

    /// <summary>Tokenizes <paramref name="text"/> into syntactic words, appending to <paramref name="output"/>.</summary>
    internal void Tokenize(string text, TokenBuffer output) => Tokenize(text, 0, text.Length, output);

    internal void Tokenize(string text, int start, int end, TokenBuffer output)
    {
        int i = start;
        while (i < end)
        {
            if (IsSeparator(text[i])) { i++; continue; }
            int chunkEnd = i + 1;
            while (chunkEnd < end && !IsSeparator(text[chunkEnd])) chunkEnd++;
            int before = output.Count;
            TokenizeChunk(text, i, chunkEnd, output);
            if (output.Count > before && chunkEnd < text.Length && char.IsWhiteSpace(text[chunkEnd]))
                output[output.Count - 1].Flags |= TokenFlags.SpaceAfter;
            i = chunkEnd;
        }
    }

    /// <summary>Tokenizes and returns (start, end, multiword-part) triples; for tests and tools.</summary>
    public IReadOnlyList<(int Start, int End, bool MultiwordPart)> Spans(string text)
    {
        var buffer = new TokenBuffer();
        Tokenize(text, buffer);
        var list = new List<(int, int, bool)>(buffer.Count);
        foreach (ref readonly var t in buffer.Span) list.Add((t.Start, t.End, (t.Flags & TokenFlags.MultiwordPart) != 0));
        return list;
    }

    /// <summary>Convenience: the token strings of <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var spans = Spans(text);
        var words = new List<string>(spans.Count);
        foreach (var (s, e, _) in spans) words.Add(text[s..e]);
        return words;
    }

    internal static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF' || c == '\u200E' || c == '\u200F';

    private void TokenizeChunk(string text, int p, int e, TokenBuffer output)
    {
        while (p < e)
        {
            int len = MatchUrl(text, p, e);
            if (len == 0) len = MatchEmail(text, p, e);
            if (len > 0) { output.Add(p, p + len, TokenFlags.None); p += len; continue; }
            char c = text[p];
            if (c == '#' && p + 1 < e && char.IsLetter(text[p + 1]) && (p == 0 || !char.IsLetterOrDigit(text[p - 1])))
            {
                len = 1 + MatchWord(text, p + 1, e);
                output.Add(p, p + len, TokenFlags.None);
                p += len;
                continue;
            }
            if (IsWordChar(c))
            {
                len = MatchWord(text, p, e);
                EmitWord(text, p, p + len, output);
                p += len;
                continue;
            }
            len = MatchOther(text, p, e);
            output.Add(p, p + len, TokenFlags.None);
            p += len;
        }
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool StartsWithIgnoreCase(string text, int p, int e, string prefix) =>
        e - p >= prefix.Length && text.AsSpan(p, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>URL starting at p: a scheme or "www.", up to the end of the chunk minus trailing punctuation.</summary>
    private static int MatchUrl(string text, int p, int e)
    {
        if (!(StartsWithIgnoreCase(text, p, e, "http://") || StartsWithIgnoreCase(text, p, e, "https://") ||
              StartsWithIgnoreCase(text, p, e, "ftp://") || StartsWithIgnoreCase(text, p, e, "www.")))
            return 0;
        int q = e;
        int open = 0, close = 0;
        for (int k = p; k < e; k++) { if (text[k] == '(') open++; else if (text[k] == ')') close++; }
        while (q > p + 4)
        {
            char c = text[q - 1];
            if (c == ')' && close > open) { close--; q--; continue; }
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or ']' or '}' or '>' or '\u201D' or '\u2019' or '\u00BB') { q--; continue; }
            break;
        }
        return q - p;
    }

    /// <summary>E-mail address starting at p: local@domain.tld.</summary>
    private static int MatchEmail(string text, int p, int e)
    {
        // bounded scans keep tokenization linear on long runs without spaces ("a-a-a-a...")
        int q = p;
        int limit = Math.Min(e, p + 64);
        while (q < limit && (char.IsLetterOrDigit(text[q]) || text[q] is '.' or '_' or '+' or '-')) q++;
        if (q == p || q >= limit || text[q] != '@' || !char.IsLetterOrDigit(text[p])) return 0;
        int at = q++;
        int lastDot = -1;
        int hostLimit = Math.Min(e, q + 255);
        while (q < hostLimit && (char.IsLetterOrDigit(text[q]) || text[q] is '.' or '-'))
        {
            if (text[q] == '.') lastDot = q;
            q++;
        }
        while (q > at + 1 && text[q - 1] is '.' or '-') q--;
        if (lastDot < 0 && q - at > 2 && IsUpperWord(text.AsSpan(at + 1, q - at - 1))) return q - p;
        if (lastDot < 0 || lastDot >= q - 1 || lastDot == at + 1) return 0;
        return q - p;
    }

    private static bool IsUpperWord(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsUpper(c)) return false;
        return true;
    }

    /// <summary>A word: letters and digits with inner periods (U.S, 3.5, example.com), digit commas, times, dates, AT&amp;T, apostrophes, kept hyphens.</summary>
    private int MatchWord(string text, int p, int e)
    {
        int q = p + 1;
        int segmentStart = p;
        while (q < e)
        {
            char c = text[q];
            if (IsWordChar(c)) { q++; continue; }
            char prev = text[q - 1];
            char next = q + 1 < e ? text[q + 1] : '\0';
            bool digits = char.IsDigit(prev) && char.IsDigit(next);
            if (c == '.' && char.IsLetterOrDigit(next))
            {
                if (digits || q - segmentStart == 1 || char.IsLower(next) || IsDomainEnd(text, q + 1, e)) { q++; segmentStart = q; continue; }
                break;
            }
            if (c == '_' && char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)) { q++; continue; }
            if (c == ',' && digits && q + 3 < e + 1 && ThreeDigits(text, q + 1, e)) { q++; continue; }
            if ((c == ':' || c == '-' || c == '/') && digits) { q++; continue; }
            if (c == '&' && char.IsUpper(prev) && char.IsUpper(next)) { q++; continue; }
            if ((c == '\'' || c == '\u2019') && char.IsLetter(prev) && char.IsLetter(next)) { q++; continue; }
            if (c == '-' && char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next))
            {
                int r = q + 1;
                int hyphenLimit = Math.Min(e, p + MaxLookup + 1);
                while (r < hyphenLimit && (IsWordChar(text[r]) || (text[r] == '-' && r + 1 < e && char.IsLetterOrDigit(text[r + 1])))) r++;
                if (Contains(_hyphenWords, text.AsSpan(p, r - p)) || Contains(_hyphenPrefixes, text.AsSpan(segmentStart, q - segmentStart))) { q = r; continue; }
                break;
            }
            break;
        }
        // a following period belongs to an abbreviation or an initial
        if (q < e && text[q] == '.' && !(q + 1 < e && text[q + 1] == '.'))
        {
            var word = text.AsSpan(p, q - p);
            if ((word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.') && char.IsLetter(word[^1]) && word.Length <= 12 || Contains(_abbreviations, word))
                q++;
        }
        return q - p;
    }

    private static readonly string[] DomainEnds = ["com", "org", "net", "edu", "gov"];

    /// <summary>A top-level domain at k followed by a non-letter ("Newsfeed.Com").</summary>
    private static bool IsDomainEnd(string text, int k, int e)
    {
        foreach (var d in DomainEnds)
        {
            if (e - k >= d.Length && text.AsSpan(k, d.Length).Equals(d, StringComparison.OrdinalIgnoreCase) && (k + d.Length == e || !char.IsLetter(text[k + d.Length])))
                return true;
        }
        return false;
    }

    private static bool ThreeDigits(string text, int k, int e) =>
        k + 2 < e && char.IsDigit(text[k]) && char.IsDigit(text[k + 1]) && char.IsDigit(text[k + 2]) && (k + 3 >= e || !char.IsDigit(text[k + 3]));

    private static bool Contains(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word)
    {
        if (word.Length > MaxLookup) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return set.Contains(lower);
    }

    private static readonly string[] Units = ["am", "pm", "k", "mm", "cm", "km", "kg", "ft", "lb", "lbs", "mph", "ml", "mb", "gb"];

    /// <summary>Emits one word, split into its syntactic words when it is a known or regular multiword token.</summary>
    private void EmitWord(string text, int a, int b, TokenBuffer output)
    {
        var word = text.AsSpan(a, b - a);
        if (word.Length <= MaxLookup)
        {
            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            if (_multiwords.TryGetValue(lower, out var parts))
            {
                int pos = a;
                foreach (var len in parts) { output.Add(pos, Math.Min(b, pos + len), TokenFlags.MultiwordPart); pos += len; }
                return;
            }
            int clitic = CliticLength(lower);
            if (clitic > 0 && clitic < word.Length)
            {
                output.Add(a, b - clitic, TokenFlags.MultiwordPart);
                output.Add(b - clitic, b, TokenFlags.MultiwordPart);
                return;
            }
            // number followed by a unit ("5pm", "10k"): two tokens, no space between
            int digitsEnd = 0;
            while (digitsEnd < lower.Length && (char.IsDigit(lower[digitsEnd]) || (digitsEnd > 0 && lower[digitsEnd] is '.' or ':'))) digitsEnd++;
            if (digitsEnd > 0 && digitsEnd < lower.Length && char.IsDigit(lower[digitsEnd - 1]) && IsUnit(lower[digitsEnd..]))
            {
                output.Add(a, a + digitsEnd, TokenFlags.None);
                output.Add(a + digitsEnd, b, TokenFlags.None);
                return;
            }
        }
        output.Add(a, b, TokenFlags.None);
    }

    private static bool IsUnit(ReadOnlySpan<char> s)
    {
        foreach (var u in Units) if (s.SequenceEqual(u)) return true;
        return false;
    }

    /// <summary>Length of a final clitic ('s, n't, 'm, 'll, 're, 've, 'd, with straight or curly apostrophe), or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> lower)
    {
        int n = lower.Length;
        if (n >= 4 && lower[n - 1] == 't' && lower[n - 2] is '\'' or '\u2019' && lower[n - 3] == 'n') return 3;
        if (n >= 3 && lower[n - 2] is '\'' or '\u2019' && lower[n - 1] is 's' or 'm' or 'd') return 2;
        if (n >= 4 && lower[n - 3] is '\'' or '\u2019' && (lower[^2..].SequenceEqual("ll") || lower[^2..].SequenceEqual("re") || lower[^2..].SequenceEqual("ve"))) return 3;
        return 0;
    }

    /// <summary>Punctuation, symbols and emoji: runs of the same mark are one token ("...", "!!!", "--"), surrogate pairs and emoji sequences stay whole.</summary>
    private static int MatchOther(string text, int p, int e)
    {
        char c = text[p];
        if (char.IsHighSurrogate(c)) return EmojiLength(text, p, e);
        // emoticons as whole chunks or at their end: ":)", ";-)", ":("
        if (c is ':' or ';' or '=')
        {
            int q = p + 1;
            if (q < e && text[q] == '-') q++;
            if (q < e && text[q] is ')' or '(' or 'D' or 'P' or 'p' or '/' && (q + 1 == e) && q > p) return q + 1 - p;
        }
        if (c is '.' or '!' or '?')
        {
            int q = p + 1;
            while (q < e && text[q] is '.' or '!' or '?') q++;
            return q - p;
        }
        if (c is '-' or '=')
        {
            int q = p + 1;
            while (q < e && text[q] is '-' or '=') q++;
            return q - p;
        }
        if (c is '*' or '_' or '~' or '<' or '>' or '`' or '#' or '+' or '|' or '$' or '\u2014' or '\u2013')
        {
            int q = p + 1;
            while (q < e && text[q] == c) q++;
            return q - p;
        }
        if (c is '\'' or '\u2018' or '\u2019' && p + 1 < e && text[p + 1] == c) return 2;
        int len = 1;
        while (p + len < e && IsJoiner(text[p + len])) len++;
        return len;
    }

    private static bool IsJoiner(char c) => c is '\uFE0F' or '\uFE0E' or '\u20E3' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static int EmojiLength(string text, int p, int e)
    {
        int q = p;
        while (true)
        {
            if (q + 1 < e && char.IsHighSurrogate(text[q]) && char.IsLowSurrogate(text[q + 1])) q += 2;
            else q++;
            // variation selectors, keycaps, skin tones (surrogate pairs U+1F3FB..U+1F3FF)
            while (q < e)
            {
                if (IsJoiner(text[q])) { q++; continue; }
                if (q + 1 < e && text[q] == '\uD83C' && text[q + 1] >= '\uDFFB' && text[q + 1] <= '\uDFFF') { q += 2; continue; }
                break;
            }
            if (q + 1 < e && text[q] == '\u200D') { q++; continue; }
            return q - p;
        }
    }
}
