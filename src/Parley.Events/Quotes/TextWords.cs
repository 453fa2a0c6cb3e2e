namespace Parley.Events.Quotes;

/// <summary>A word or one punctuation character of a short text window.</summary>
internal readonly record struct TextWord(int Start, int End, bool IsPunct);

/// <summary>Light word scanning and sentence edges over raw text, for the small windows around quotations.</summary>
internal static class TextWords
{
    /// <summary>Words of text[from..to): letter/digit runs joined by internal . ' ’ - &amp; ("U.S.", "Trump’s", "al-Qaida"), else single characters.</summary>
    public static List<TextWord> Scan(string text, int from, int to)
    {
        var words = new List<TextWord>();
        int i = from;
        while (i < to)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                bool dotted = false;
                while (i < to)
                {
                    if (char.IsLetterOrDigit(text[i])) i++;
                    else if (i + 1 < to && text[i] is '.' or '\'' or '\u2019' or '-' or '&' && char.IsLetterOrDigit(text[i + 1]))
                    {
                        dotted |= text[i] == '.';
                        i++;
                    }
                    else break;
                }
                // "U.S." keeps its final stop.
                if (dotted && i < to && text[i] == '.') i++;
                words.Add(new TextWord(start, i, false));
            }
            else
            {
                i++;
                words.Add(new TextWord(start, i, true));
            }
        }
        return words;
    }

    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2018' or '\u2019';

    /// <summary>Start of the sentence holding position <paramref name="p"/> (bounded by newlines and sentence ends).</summary>
    public static int SentenceStart(string text, int p)
    {
        int i = p - 1;
        while (i >= 0)
        {
            char c = text[i];
            if (c == '\n') return i + 1;
            if (c is '.' or '!' or '?' && IsSentenceEnd(text, i)) return i + 1;
            i--;
        }
        return 0;
    }

    /// <summary>End (exclusive, before the terminator) of the sentence that starts at or holds <paramref name="p"/>; stops at a newline or an opening quote mark when asked.</summary>
    public static int SentenceEnd(string text, int p, bool stopAtOpeningQuote)
    {
        int i = p;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') return i;
            if (c is '.' or '!' or '?' or ';' && IsSentenceEnd(text, i)) return i;
            if (stopAtOpeningQuote && c is '\u201C' or '\u00AB' or '\u201E') return i;
            i++;
        }
        return text.Length;
    }

    /// <summary>A terminator followed by whitespace, a closing quote or the end, not the stop of an abbreviation like "U.S." or "Gen.".</summary>
    public static bool IsSentenceEnd(string text, int i)
    {
        int j = i + 1;
        while (j < text.Length && text[j] is '"' or '\u201D' or '\u2019' or '\'' or ')' or '\u00BB') j++;
        if (j < text.Length && !char.IsWhiteSpace(text[j])) return false;
        if (text[i] != '.') return true;
        int k = i - 1;
        while (k >= 0 && char.IsLetter(text[k])) k--;
        int length = i - 1 - k;
        if (length == 1 && char.IsUpper(text[i - 1])) return false;
        if (length is >= 2 and <= 4)
        {
            var w = text.AsSpan(k + 1, length);
            foreach (var a in Abbreviations)
            {
                if (w.Equals(a, StringComparison.Ordinal)) return false;
            }
        }
        return true;
    }

    private static readonly string[] Abbreviations =
        ["Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "St", "Lt", "Col", "Sgt", "Gov", "Pres", "Jr", "Sr", "vs", "No",
         "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Prof", "Capt", "Cmdr", "Adm", "Maj", "Rev"];
}
