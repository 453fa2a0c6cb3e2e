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

/// <summary>One word of the resolver: a letter run, a digit run (with an ordinal suffix), a numeric date shape, or one other character (<see cref="DateWordScanner"/>).</summary>
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

/// <summary>
/// The resolver's words, read from the document's token layer (none when it has no tokens). Tokens written without a
/// space between them are rejoined into one run ("we" + "'ll", "5" + "pm", "Sept." + ","), and each run is refined
/// into the matcher's pieces: a letter run ("Sept", "ll", "mid"), a digit run with the letters written after it as
/// its ordinal or other suffix ("7th", "5pm", "10km"), a numeric date shape ("2019-12-04", "12/4", "4.12.2019"), or
/// one other character ("." "'" "-"). Sentences are the document's; without a sentence layer a new one starts after
/// a line break or after . ! ? followed by closing marks, a space and a capital letter or an opening quote.
/// </summary>
internal static class DateWordScanner
{
    public static int Scan(Document doc, ref DateWord[] words, DateLexicon lexicon)
    {
        string text = doc.Text;
        var tokens = doc.Tokens;
        var sentences = doc.Sentences;
        bool ownSentences = sentences.Length == 0;
        int count = 0, sentence = 0, sentenceCursor = 0, previousEnd = 0;
        bool breakPending = false;
        int t = 0;
        while (t < tokens.Length)
        {
            // A run of tokens written together: [runStart, runEnd).
            int runStart = tokens[t].Start, runEnd = tokens[t].End, next = t + 1;
            while (next < tokens.Length && tokens[next].Start <= runEnd)
            {
                runEnd = Math.Max(runEnd, tokens[next].End);
                next++;
            }
            int nextRunStart = next < tokens.Length ? tokens[next].Start : -1;
            if (ownSentences && text.AsSpan(previousEnd, runStart - previousEnd).Contains('\n')) breakPending = true;
            previousEnd = runEnd;
            t = next;

            int i = runStart, n = runEnd;
            while (i < n)
            {
                char c = text[i];
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
                if (ownSentences && w.Kind == WordKind.Punct && c is '.' or '!' or '?' && EndsSentence(text, i, n, nextRunStart)) breakPending = true;

                if (count == words.Length) Array.Resize(ref words, Math.Max(256, words.Length * 2));
                words[count++] = w;
            }
        }
        return count;
    }

    /// <summary>A stop ending at <paramref name="after"/> in a run ending at <paramref name="runEnd"/> ends a sentence when only closing marks follow it in its run and the next run (starting at <paramref name="nextRunStart"/>, -1 when none) starts with a capital letter or an opening quote.</summary>
    private static bool EndsSentence(string text, int after, int runEnd, int nextRunStart)
    {
        int i = after;
        while (i < runEnd && text[i] is '"' or '\u201D' or '\u2019' or '\'' or ')') i++;
        if (i < runEnd) return false;
        return nextRunStart < 0 || char.IsUpper(text[nextRunStart]) || text[nextRunStart] is '"' or '\u201C' or '\u2018';
    }
}
