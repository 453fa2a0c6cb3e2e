using Parley.Core;

namespace Parley.Knowledge.Dates;

internal enum WordKind : byte { Alpha, Digits, NumericShape, Punct }

[Flags]
internal enum WordFlags : byte
{
    None = 0,
    Capitalized = 1,
    /// <summary>Digits with an ordinal suffix: "7th".</summary>
    Ordinal = 2,
    /// <summary>Digits followed by other letters ("5G", "10km"): not a number.</summary>
    Suffixed = 4,
}

/// <summary>One word of the resolver's own light scan: a letter run, a digit run (with an ordinal suffix), a numeric date shape, or one other character.</summary>
internal struct DateWord
{
    public int Start;
    public int End;
    public int Sentence;
    /// <summary>The value of a digit run (-1 when longer than 9 digits).</summary>
    public int Number;
    /// <summary>Number of digits of a digit run.</summary>
    public byte Digits;
    public WordKind Kind;
    public WordFlags Flags;
    public LexEntry Lex;
}

/// <summary>Splits text into <see cref="DateWord"/>s at word boundaries and assigns sentences (the document's when present).</summary>
internal static class DateWordScanner
{
    public static int Scan(Document doc, ref DateWord[] words, DateLexicon lexicon)
    {
        string text = doc.Text;
        int n = text.Length, count = 0, sentence = 0;
        bool breakPending = false;
        var sentences = doc.Sentences;
        bool ownSentences = sentences.Length == 0;
        int sentenceCursor = 0;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && ownSentences) breakPending = true;
                i++;
                continue;
            }
            var w = default(DateWord);
            w.Start = i;
            if (char.IsLetter(c))
            {
                while (i < n && char.IsLetter(text[i])) i++;
                w.Kind = WordKind.Alpha;
                if (char.IsUpper(c)) w.Flags |= WordFlags.Capitalized;
                w.Lex = lexicon.Find(text.AsSpan(w.Start, i - w.Start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < n && char.IsAsciiDigit(text[i])) i++;
                int digitEnd = i;
                w.Kind = WordKind.Digits;
                while (i + 1 < n && text[i] is '-' or '/' or '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    w.Kind = WordKind.NumericShape;
                    i++;
                    while (i < n && char.IsAsciiDigit(text[i])) i++;
                }
                if (w.Kind == WordKind.Digits)
                {
                    w.Digits = (byte)Math.Min(255, digitEnd - w.Start);
                    w.Number = w.Digits <= 9 ? int.Parse(text.AsSpan(w.Start, digitEnd - w.Start), provider: System.Globalization.CultureInfo.InvariantCulture) : -1;
                    if (i < n && char.IsLetter(text[i]))
                    {
                        while (i < n && char.IsLetter(text[i])) i++;
                        var suffix = text.AsSpan(digitEnd, i - digitEnd);
                        w.Flags |= lexicon.IsOrdinalSuffix(suffix) ? WordFlags.Ordinal : WordFlags.Suffixed;
                    }
                }
                else
                {
                    while (i < n && char.IsLetterOrDigit(text[i])) i++;
                }
            }
            else
            {
                w.Kind = WordKind.Punct;
                i++;
            }
            w.End = i;

            if (ownSentences)
            {
                if (breakPending && count > 0) sentence++;
                breakPending = false;
            }
            else
            {
                while (sentenceCursor < sentences.Length - 1 && w.Start >= sentences[sentenceCursor].End) sentenceCursor++;
                sentence = sentenceCursor;
            }
            w.Sentence = sentence;
            if (ownSentences && w.Kind == WordKind.Punct && c is '.' or '!' or '?' && EndsSentence(text, i)) breakPending = true;

            if (count == words.Length) Array.Resize(ref words, Math.Max(256, words.Length * 2));
            words[count++] = w;
        }
        return count;
    }

    /// <summary>A full stop ends a sentence when whitespace and then a capital letter, a digit or a quote follow.</summary>
    private static bool EndsSentence(string text, int after)
    {
        int i = after;
        while (i < text.Length && text[i] is '"' or '\u201D' or '\u2019' or '\'' or ')') i++;
        if (i >= text.Length) return true;
        if (!char.IsWhiteSpace(text[i])) return false;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i >= text.Length || char.IsUpper(text[i]) || text[i] is '"' or '\u201C' or '\u2018';
    }
}
