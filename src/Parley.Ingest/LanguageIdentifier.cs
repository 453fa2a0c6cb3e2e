using Parley.Ingest.Languages;

namespace Parley.Ingest;

/// <summary>
/// A small, fast language identifier: the dominant script of the first few thousand characters decides
/// the language or family (Greek, Hebrew, Han, kana, Hangul, Thai, Devanagari, ...); within Latin,
/// Cyrillic and Arabic scripts the function-word profile with most hits wins (English on ties). Latin text
/// without any function word falls back to telltale letters (ß, ñ, ł, ...) and then to English.
/// Score, 0..1: hits of the best profile over (its hits + the runner-up's + 1), or the script's share.
/// </summary>
public static class LanguageIdentifier
{
    private const int MaxChars = 4000;
    private const int MaxWordLength = 24;

    private static readonly Profile LatinProfiles = new(StopwordProfiles.Latin);
    private static readonly Profile CyrillicProfiles = new(StopwordProfiles.Cyrillic);
    private static readonly Profile ArabicProfiles = new(StopwordProfiles.Arabic);

    private enum Script { None, Latin, Cyrillic, Greek, Armenian, Hebrew, Arabic, Devanagari, Bengali, Tamil, Thai, Georgian, Kana, Han, Hangul, Count }

    public static (string Code, double Score) Identify(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxChars) text = text[..MaxChars];
        Span<int> scripts = stackalloc int[(int)Script.Count];
        int letters = 0;
        foreach (char c in text)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
                scripts[(int)Script.Latin]++;
            }
            else if (c >= 0x80 && char.IsLetter(c))
            {
                letters++;
                scripts[(int)ScriptOf(c)]++;
            }
        }
        if (letters == 0) return ("en", 0.0);
        var major = Script.None;
        for (int s = 1; s < scripts.Length; s++)
            if (scripts[s] > scripts[(int)major]) major = (Script)s;
        double share = scripts[(int)major] / (double)letters;
        return major switch
        {
            Script.Latin => Latin(text),
            Script.Cyrillic => Cyrillic(text),
            Script.Arabic => ArabicScript(text),
            Script.Greek => ("el", share),
            Script.Armenian => ("hy", share),
            Script.Hebrew => ("he", share),
            Script.Devanagari => ("hi", share),
            Script.Bengali => ("bn", share),
            Script.Tamil => ("ta", share),
            Script.Thai => ("th", share),
            Script.Georgian => ("ka", share),
            Script.Hangul => ("ko", share),
            Script.Kana => ("ja", share),
            Script.Han => scripts[(int)Script.Kana] * 10 > scripts[(int)Script.Han] ? ("ja", share) : ("zh", share),
            _ => ("en", 0.0),
        };
    }

    private static (string, double) Latin(ReadOnlySpan<char> text)
    {
        var (code, score, hits, englishHits) = LatinProfiles.Best(text);
        if (hits > 0 && code != "en" && (hits < 3 || hits <= 2 * englishHits))
        {
            // Weak evidence against English (tables of figures, a stray "de" or "a"): English unless
            // the letters agree with the other language.
            return LetterHint(text) == code ? (code, score) : ("en", 0.3);
        }
        if (hits > 0) return (code, score);
        string? hinted = LetterHint(text);
        return hinted is null ? ("en", 0.3) : (hinted, 0.3);
    }

    private static (string, double) Cyrillic(ReadOnlySpan<char> text)
    {
        // Letters only Ukrainian uses settle it.
        if (text.IndexOfAny("іїєґІЇЄҐ") >= 0 && text.IndexOfAny("ыэъЫЭ") < 0) return ("uk", 0.9);
        var (code, score, hits, _) = CyrillicProfiles.Best(text);
        return hits > 0 ? (code, score) : ("ru", 0.3);
    }

    private static (string, double) ArabicScript(ReadOnlySpan<char> text)
    {
        var (code, score, hits, _) = ArabicProfiles.Best(text);
        if (hits > 0) return (code, score);
        if (text.IndexOfAny("ٹڈڑںے") >= 0) return ("ur", 0.5);
        if (text.IndexOfAny("پچژگ") >= 0) return ("fa", 0.5);
        return ("ar", 0.5);
    }

    private static string? LetterHint(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny("ßäöüÄÖÜ") >= 0) return "de";
        if (text.IndexOfAny("ñ¿¡Ñ") >= 0) return "es";
        if (text.IndexOfAny("łąężśźńŁŻŚ") >= 0) return "pl";
        if (text.IndexOfAny("řěůŘĚ") >= 0) return "cs";
        if (text.IndexOfAny("ğışİŞĞ") >= 0) return "tr";
        if (text.IndexOfAny("ășțȘȚ") >= 0) return "ro";
        if (text.IndexOfAny("őűŐŰ") >= 0) return "hu";
        if (text.IndexOfAny("ãõÃÕ") >= 0) return "pt";
        if (text.IndexOfAny("åÅ") >= 0) return "sv";
        if (text.IndexOfAny("øæØÆ") >= 0) return "da";
        if (text.IndexOfAny("çèêàùëîœÇÈÊÀ") >= 0) return "fr";
        return null;
    }

    private static Script ScriptOf(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u1E00' and <= '\u1EFF' => Script.Latin,
        >= '\u0370' and <= '\u03FF' => Script.Greek,
        >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0400' and <= '\u052F' => Script.Cyrillic,
        >= '\u0530' and <= '\u058F' => Script.Armenian,
        >= '\u0590' and <= '\u05FF' => Script.Hebrew,
        >= '\u0600' and <= '\u06FF' => Script.Arabic,
        >= '\u0750' and <= '\u077F' => Script.Arabic,
        >= '\uFB50' and <= '\uFDFF' => Script.Arabic,
        >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        >= '\u0980' and <= '\u09FF' => Script.Bengali,
        >= '\u0B80' and <= '\u0BFF' => Script.Tamil,
        >= '\u0E00' and <= '\u0E7F' => Script.Thai,
        >= '\u10A0' and <= '\u10FF' => Script.Georgian,
        >= '\u3040' and <= '\u30FF' => Script.Kana,
        >= '\u3400' and <= '\u4DBF' => Script.Han,
        >= '\u4E00' and <= '\u9FFF' => Script.Han,
        >= '\u1100' and <= '\u11FF' => Script.Hangul,
        >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
        _ => Script.None,
    };

    /// <summary>Function words of several languages in one table: word -> bit set of the languages using it.</summary>
    private sealed class Profile
    {
        private readonly string[] _codes;
        private readonly int _maxStopwordLength;
        private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Profile((string Code, string Words)[] languages)
        {
            _codes = new string[languages.Length];
            var words = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (int i = 0; i < languages.Length; i++)
            {
                _codes[i] = languages[i].Code;
                foreach (string w in languages[i].Words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words[w] = words.GetValueOrDefault(w) | (1UL << i);
                    _maxStopwordLength = Math.Max(_maxStopwordLength, w.Length);
                }
            }
            _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>The best language, its score and hits, and the hits of the first language (English for Latin).</summary>
        private static bool IsWordChar(char c) =>
            char.IsAsciiLetter(c) || (c >= 0x80 && (char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark));

        public (string Code, double Score, int Hits, int FirstHits) Best(ReadOnlySpan<char> text)
        {
            Span<int> hits = stackalloc int[_codes.Length];
            Span<char> word = stackalloc char[MaxWordLength];
            int i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }
                int start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                int length = i - start;
                if (length > MaxWordLength || length > _maxStopwordLength) continue;
                for (int k = 0; k < length; k++)
                {
                    char c = text[start + k];
                    word[k] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 0x80 ? c : char.ToLowerInvariant(c);
                }
                if (!_lookup.TryGetValue(word[..length], out ulong bits)) continue;
                while (bits != 0)
                {
                    int lang = System.Numerics.BitOperations.TrailingZeroCount(bits);
                    hits[lang]++;
                    bits &= bits - 1;
                }
            }
            int best = 0, second = -1;
            for (int l = 1; l < hits.Length; l++)
            {
                if (hits[l] > hits[best]) { second = best; best = l; }
                else if (second < 0 || hits[l] > hits[second]) second = l;
            }
            int b = hits[best], s = second >= 0 ? hits[second] : 0;
            return (_codes[best], b / (b + s + 1.0), b, hits[0]);
        }
    }
}
