using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Quotes;

/// <summary>A surface word or a punctuation token of a document (<see cref="SurfaceWords"/>).</summary>
internal readonly record struct TextWord(int Start, int End, bool IsPunct);

/// <summary>
/// The surface words of a document read from its token layer, with the clause edges the quotation finder needs. Tokens
/// written without a space between them are one word when they meet at letters or digits or across one inner . ' ’ - &amp;
/// ("WHO" + "'s", "do" + "n't", "Abdul" + "-" + "Mahdi", "10" + "km"); every other token is a word of its own. A clause
/// ends at a line break and after . ! ? (and, reading forwards, ;) followed by closing marks and a space, unless the stop
/// belongs to an initial or a sentence abbreviation ("Gen.", "Mr."); reading forwards it can also stop at an opening
/// quotation mark. Unlike the sentence layer these edges fall inside quotations and at ';'.
/// </summary>
internal sealed class SurfaceWords
{
    private readonly TextWord[] _words;

    private SurfaceWords(string text, TextWord[] words, int count, SentenceAbbreviations abbreviations)
    {
        Text = text;
        _words = words;
        Count = count;
        _abbreviations = abbreviations;
    }

    private readonly SentenceAbbreviations _abbreviations;

    public string Text { get; }

    public int Count { get; }

    public TextWord this[int index] => _words[index];

    /// <summary>The words of <paramref name="doc"/>'s tokens (none when it has no token layer).</summary>
    public static SurfaceWords Of(Document doc, SentenceAbbreviations abbreviations)
    {
        string text = doc.Text;
        var tokens = doc.Tokens;
        var words = new TextWord[tokens.Length];
        int count = 0, i = 0;
        while (i < tokens.Length)
        {
            int start = tokens[i].Start, end = tokens[i].End, next = i + 1;
            while (next < tokens.Length && tokens[next].Start == end && Joins(text, tokens, next, out int after))
            {
                end = tokens[after - 1].End;
                next = after;
            }
            words[count++] = new TextWord(start, end, !HasLetterOrDigit(text, start, end));
            i = next;
        }
        return new SurfaceWords(text, words, count, abbreviations);
    }

    /// <summary>Token <paramref name="t"/> continues the word that ends right before it; <paramref name="after"/> is the token after the join.</summary>
    private static bool Joins(string text, ReadOnlySpan<TokenData> tokens, int t, out int after)
    {
        after = t + 1;
        int at = tokens[t].Start;
        if (!char.IsLetterOrDigit(text[at - 1])) return false;
        char c = text[at];
        if (char.IsLetterOrDigit(c)) return true;
        if (c is not ('.' or '\'' or '\u2019' or '-' or '&')) return false;
        if (tokens[t].End - at > 1) return char.IsLetterOrDigit(text[at + 1]);
        after = t + 2;
        return t + 1 < tokens.Length && tokens[t + 1].Start == at + 1 && char.IsLetterOrDigit(text[at + 1]);
    }

    private static bool HasLetterOrDigit(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (char.IsLetterOrDigit(text[i])) return true;
        return false;
    }

    /// <summary>Index of the first word that starts at or after <paramref name="offset"/> (<see cref="Count"/> when none does).</summary>
    public int FirstAtOrAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_words[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Words [<paramref name="from"/>, <paramref name="to"/>) as a list.</summary>
    public List<TextWord> Range(int from, int to)
    {
        var list = new List<TextWord>(Math.Max(0, to - from));
        for (int i = from; i < to; i++) list.Add(_words[i]);
        return list;
    }

    public ReadOnlySpan<char> Span(int index) => Text.AsSpan(_words[index].Start, _words[index].End - _words[index].Start);

    /// <summary>Whitespace holding a line break comes before word <paramref name="index"/>.</summary>
    public bool LineBreakBefore(int index) =>
        index > 0 && Text.AsSpan(_words[index - 1].End, _words[index].Start - _words[index - 1].End).Contains('\n');

    /// <summary>First word of the clause holding word <paramref name="index"/> (after a line break or a sentence end).</summary>
    public int ClauseStart(int index)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            if (LineBreakBefore(j + 1) || EndsClause(j, semicolon: false)) return j + 1;
        }
        return 0;
    }

    /// <summary>End (exclusive) of the clause that starts at or holds word <paramref name="index"/>: before a terminator token or a line break, after a word that ends with the terminator ("etc."); at an opening quotation mark when asked.</summary>
    public int ClauseEnd(int index, bool stopAtOpeningQuote)
    {
        for (int j = index; j < Count; j++)
        {
            if (j > index && LineBreakBefore(j)) return j;
            if (stopAtOpeningQuote && _words[j].End - _words[j].Start == 1 && Text[_words[j].Start] is '\u201C' or '\u00AB' or '\u201E') return j;
            if (EndsClause(j, semicolon: true)) return _words[j].IsPunct ? j : j + 1;
        }
        return Count;
    }

    /// <summary>Word <paramref name="index"/> ends with . ! ? (or ;) followed by closing marks and a space or the end, and the stop is not an abbreviation's.</summary>
    private bool EndsClause(int index, bool semicolon)
    {
        var w = _words[index];
        char c = Text[w.End - 1];
        if (!(c is '.' or '!' or '?' || semicolon && c == ';')) return false;
        int k = index + 1;
        while (k < Count && _words[k].Start == _words[k - 1].End && IsClosing(_words[k])) k++;
        if (k < Count && _words[k].Start == _words[k - 1].End) return false;
        if (c != '.') return true;
        // The letters before the stop: the word's own ("Gen.") or, for a stop token, the word written right before it.
        int letterEnd = w.End - 1, floor = w.Start;
        if (w.IsPunct)
        {
            if (w.End - w.Start > 1 || index == 0 || _words[index - 1].End != w.Start) return true;
            floor = _words[index - 1].Start;
        }
        int letterStart = letterEnd;
        while (letterStart > floor && char.IsLetter(Text[letterStart - 1])) letterStart--;
        return letterStart == letterEnd || !_abbreviations.KeepsSentenceOpen(Text.AsSpan(letterStart, letterEnd - letterStart));
    }

    private bool IsClosing(TextWord w)
    {
        for (int i = w.Start; i < w.End; i++)
            if (Text[i] is not ('"' or '\u201D' or '\u2019' or '\'' or ')' or '\u00BB')) return false;
        return true;
    }

    public static bool IsQuoteMark(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' or '\u2018' or '\u2019';
}
