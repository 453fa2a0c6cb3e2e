using System.Buffers;
using System.Text.RegularExpressions;

namespace Parley.Ingest.Cleaning;

/// <summary>What the paragraph pass drops besides whitespace.</summary>
internal readonly record struct ParagraphRules(
    ReadOnlyMemory<char> Title, bool JoinWrappedLines, bool DropRepeatedParagraphs, bool DropLeadingDateline, bool DropSignOff);

/// <summary>
/// The structure pass of cleaning: lines to paragraphs separated by one blank line ("\n\n"). Hard-wrapped
/// lines (newswire bodies) are joined with a space and a word broken by a hyphen at a line end is rejoined;
/// runs of spaces collapse to one. It drops paragraphs that repeat the title, short paragraphs that repeat
/// an earlier one (headline or caption repeated in the body), a leading dateline paragraph ("Friday,
/// January 4, 2019") and a closing "Reuter" sign-off. Offsets of joins and breaks map to the line break
/// they replace.
/// </summary>
internal static partial class ParagraphBuilder
{
    private const int MaxRepeatLength = 300;

    private struct Line
    {
        public int Start, End, ContentStart, ContentEnd; // End: index of the '\n' (or the text length)
        public readonly int Width => ContentEnd - Start;
        public readonly bool Blank => ContentEnd == ContentStart;
    }

    /// <summary>Builds the paragraphs; returns the leading dateline that was dropped, if any.</summary>
    public static string? Build(MappedBuffer src, MappedBuffer dst, in ParagraphRules rules)
    {
        string? dateline = null;
        var chars = src.Chars;
        int lineCount = 1;
        foreach (char c in chars) if (c == '\n') lineCount++;
        var lines = ArrayPool<Line>.Shared.Rent(lineCount);
        try
        {
            int n = SplitLines(chars, lines);
            if (rules.DropSignOff) DropSignOff(chars, lines.AsSpan(0, n));
            Emit(src, lines.AsSpan(0, n), dst, rules, allowDrops: true, ref dateline);
            if (dst.Length == 0)
            {
                Emit(src, lines.AsSpan(0, n), dst, rules, allowDrops: false, ref dateline); // never drop everything
                dateline = null;
            }
        }
        finally
        {
            ArrayPool<Line>.Shared.Return(lines);
        }
        return dateline;
    }

    private static int SplitLines(ReadOnlySpan<char> chars, Line[] lines)
    {
        int n = 0, start = 0;
        while (true)
        {
            int nl = chars[start..].IndexOf('\n');
            int end = nl < 0 ? chars.Length : start + nl;
            int cs = start, ce = end;
            while (cs < ce && chars[cs] == ' ') cs++;
            while (ce > cs && chars[ce - 1] == ' ') ce--;
            lines[n++] = new Line { Start = start, End = end, ContentStart = cs, ContentEnd = ce };
            if (nl < 0) return n;
            start = end + 1;
        }
    }

    private static void DropSignOff(ReadOnlySpan<char> chars, Span<Line> lines)
    {
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].Blank) continue;
            var content = chars[lines[i].ContentStart..lines[i].ContentEnd];
            if (content.Equals("Reuter", StringComparison.OrdinalIgnoreCase) || content.Equals("Reuters", StringComparison.OrdinalIgnoreCase))
                lines[i].ContentEnd = lines[i].ContentStart;
            return;
        }
    }

    private static void Emit(MappedBuffer src, ReadOnlySpan<Line> lines, MappedBuffer dst, in ParagraphRules rules, bool allowDrops, ref string? dateline)
    {
        dst.Clear();
        var chars = src.Chars;

        // Is the text hard-wrapped? Then a single line break is a soft wrap, not a paragraph end.
        int nonBlank = 0, maxWidth = 0, singleBreaks = 0, indented = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Blank) continue;
            nonBlank++;
            maxWidth = Math.Max(maxWidth, lines[i].Width);
            if (lines[i].ContentStart - lines[i].Start >= 2) indented++;
            if (i + 1 < lines.Length && !lines[i + 1].Blank) singleBreaks++;
        }
        int wide = 0;
        for (int i = 0; i < lines.Length; i++)
            if (!lines[i].Blank && lines[i].Width * 10 >= maxWidth * 6) wide++;
        bool wrapped = rules.JoinWrappedLines && singleBreaks > 0 && nonBlank >= 2 && maxWidth <= 100 && wide * 2 >= nonBlank;
        bool indentStartsParagraph = indented * 5 < nonBlank * 4;

        ulong titleHash = 0;
        int titleKeyLength = 0;
        if (allowDrops && !rules.Title.IsEmpty) titleHash = KeyHash(rules.Title.Span, out titleKeyLength);
        HashSet<ulong>? seen = null;
        int separatorOrigin = 0;

        // A title line at the top always stands alone, so it can be recognised and dropped.
        int titleLine = -1;
        if (!rules.Title.IsEmpty)
        {
            ulong wanted = KeyHash(rules.Title.Span, out int wantedLength);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Blank) continue;
                ulong hash = KeyHash(chars[lines[i].ContentStart..lines[i].ContentEnd], out int length);
                if (length == wantedLength && hash == wanted) titleLine = i;
                break;
            }
        }

        int first = -1;
        for (int i = 0; i <= lines.Length; i++)
        {
            bool end = i == lines.Length || lines[i].Blank;
            if (!end && first >= 0 && (i - 1 == titleLine || !Joins(chars, lines[i - 1], lines[i], wrapped, indentStartsParagraph, maxWidth))) end = true;
            if (end && first >= 0)
            {
                EmitParagraph(src, lines, first, i - 1, dst, ref separatorOrigin, allowDrops ? rules : default, titleHash, titleKeyLength, ref seen, ref dateline);
                first = -1;
            }
            if (i < lines.Length && !lines[i].Blank && first < 0) first = i;
        }
    }

    private static bool Joins(ReadOnlySpan<char> chars, in Line prev, in Line next, bool wrapped, bool indentStartsParagraph, int maxWidth)
    {
        if (EndsWithBrokenWord(chars, prev) && char.IsLower(chars[next.ContentStart])) return true;
        if (!wrapped) return false;
        if (indentStartsParagraph && next.ContentStart - next.Start >= 2) return false;
        // A sentence going on in lower case continues the paragraph, even after a short line (Reuters
        // bodies start with a short line: the dateline was cut from it).
        if (char.IsLower(chars[next.ContentStart])) return true;
        if (prev.Width * 2 < maxWidth) return false;
        if (prev.Width * 10 < maxWidth * 7 && EndsSentence(chars[prev.ContentStart..prev.ContentEnd])) return false;
        return true;
    }

    private static bool EndsWithBrokenWord(ReadOnlySpan<char> chars, in Line line) =>
        line.ContentEnd - line.ContentStart >= 3 && chars[line.ContentEnd - 1] == '-' && char.IsLower(chars[line.ContentEnd - 2]) &&
        char.IsLetter(chars[line.ContentEnd - 3]);

    private static bool EndsSentence(ReadOnlySpan<char> content)
    {
        char last = content[^1];
        if (last is '"' or '\'' or ')' && content.Length > 1) last = content[^2];
        return last is '.' or '!' or '?' or ':' or '\u2026';
    }

    private static void EmitParagraph(MappedBuffer src, ReadOnlySpan<Line> lines, int first, int last, MappedBuffer dst,
        ref int separatorOrigin, in ParagraphRules rules, ulong titleHash, int titleKeyLength, ref HashSet<ulong>? seen, ref string? dateline)
    {
        var chars = src.Chars;
        int paragraphStart = dst.Length;
        if (dst.Length > 0)
        {
            dst.Append('\n', separatorOrigin);
            dst.Append('\n', separatorOrigin);
        }
        int contentStart = dst.Length;
        for (int l = first; l <= last; l++)
        {
            if (l > first)
            {
                if (EndsWithBrokenWord(chars, lines[l - 1]) && char.IsLower(chars[lines[l].ContentStart])) dst.Truncate(dst.Length - 1);
                else dst.Append(' ', src.MapAt(lines[l - 1].End));
            }
            bool space = false;
            for (int k = lines[l].ContentStart; k < lines[l].ContentEnd; k++)
            {
                char c = chars[k];
                if (c == ' ')
                {
                    if (!space) dst.Append(' ', src.MapAt(k));
                    space = true;
                }
                else
                {
                    dst.Append(c, src.MapAt(k));
                    space = false;
                }
            }
        }

        var drop = ShouldDrop(dst.Chars[contentStart..], paragraphStart == 0, rules, titleHash, titleKeyLength, ref seen);
        if (drop != Drop.Keep)
        {
            if (drop == Drop.Dateline) dateline = dst.Chars[contentStart..].ToString();
            dst.Truncate(paragraphStart);
            return;
        }
        // An inline dateline opening a later paragraph ("BAHRAIN - Iranian forces ...", digests and agency copy) is where the
        // reporter was, not part of the sentence. The first paragraph's is left for the geocoder (the article's dateline place).
        if (rules.DropLeadingDateline && paragraphStart > 0)
            foreach (var d in InlineDateline().EnumerateMatches(dst.Chars[contentStart..]))
            {
                dst.Remove(contentStart, d.Length);
                break;
            }
        int after = lines[last].End;
        separatorOrigin = after < chars.Length ? src.MapAt(after) : src.MapAt(chars.Length - 1) + 1;
    }

    private enum Drop { Keep, Repeat, Dateline }

    private static Drop ShouldDrop(ReadOnlySpan<char> paragraph, bool isFirstKept, in ParagraphRules rules, ulong titleHash, int titleKeyLength, ref HashSet<ulong>? seen)
    {
        if (paragraph.Length > MaxRepeatLength) return Drop.Keep;
        ulong hash = KeyHash(paragraph, out int keyLength);
        if (keyLength == 0) return Drop.Keep;
        if (titleKeyLength > 0 && keyLength == titleKeyLength && hash == titleHash) return Drop.Repeat;
        if (rules.DropRepeatedParagraphs && keyLength >= 8)
        {
            seen ??= [];
            if (!seen.Add(hash)) return Drop.Repeat;
        }
        return rules.DropLeadingDateline && isFirstKept && paragraph.Length <= 60 && Dateline().IsMatch(paragraph) ? Drop.Dateline : Drop.Keep;
    }

    /// <summary>FNV-1a over the lower-cased letters and digits: two paragraphs that differ only in case, spacing or punctuation share it.</summary>
    internal static ulong KeyHash(ReadOnlySpan<char> text, out int keyLength)
    {
        ulong hash = 14695981039346656037UL;
        keyLength = 0;
        foreach (char c in text)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            keyLength++;
        }
        return hash;
    }

    [GeneratedRegex(
        @"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?" +
        @"(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}" +
        @"|\d{1,2}\.?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d{4}" +
        @"|\d{4}-\d{2}-\d{2})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    /// <summary>
    /// "CITY - ", "NEW YORK, March 5 - ", "CAIRO (Reuters) - ", "WASHINGTON (AP) — ": one to three words in capitals, an
    /// optional month and day (a capitalised word and a number: no month list) or agency, a spaced dash, then a capital
    /// (a sentence) and some lower case further on (not a table or a line in capitals).
    /// </summary>
    [GeneratedRegex(
        @"^\p{Lu}[\p{Lu}.'&-]+(?: \p{Lu}[\p{Lu}.'&-]+){0,2}" +
        @"(?:, \p{Lu}\p{Ll}{2,8}\.? \d{1,2})?(?: \(\p{Lu}[\p{L}-]+\))?" +
        @" (?:--?|\u2014|\u2013) (?=[""'\u2018\u201C]?[\p{Lu}\d][^\n]*\p{Ll})",
        RegexOptions.CultureInvariant)]
    private static partial Regex InlineDateline();
}
