namespace Parley.Events.Quotes;

/// <summary>A top-level pair of quotation marks: positions of the marks and the content between them.</summary>
internal sealed class QuoteSpan
{
    /// <summary>Position of the opening mark.</summary>
    public int Open;
    /// <summary>Position of the closing mark, or the end of the last paragraph of an unclosed newspaper-style quote.</summary>
    public int Close;
    /// <summary>Positions of the marks that reopen the quote at the start of each following paragraph.</summary>
    public List<int>? Reopens;
}

/// <summary>
/// Pairs quotation marks in one pass over the text with a stack: straight and curly double quotes, guillemets
/// (both directions), German low-high quotes, and single quotes when they are not apostrophes. Only outermost pairs
/// are returned; marks nested inside stay part of the quoted text. A quote still open at a paragraph end continues
/// when the next paragraph opens with the same kind of mark (newspaper style); otherwise it is dropped.
/// </summary>
internal static class QuotePairer
{
    private enum Family : byte { Straight, Curly, Guillemet, ReverseGuillemet, SingleCurly, SingleStraight }

    private readonly record struct OpenMark(int Position, Family Family, char Opener);

    /// <summary>The quotations of a document, read over its words: quote marks are punctuation tokens (inner apostrophes of words never pair).</summary>
    public static List<QuoteSpan> Find(SurfaceWords words)
    {
        string text = words.Text;
        var spans = new List<QuoteSpan>();
        var stack = new List<OpenMark>();
        List<int>? reopens = null;
        int skip = -1;
        int n = text.Length;
        for (int w = 0; w <= words.Count; w++)
        {
            if (stack.Count > 0)
            {
                int gapStart = w == 0 ? 0 : words[w - 1].End, gapEnd = w < words.Count ? words[w].Start : n;
                int newline = text.IndexOf('\n', gapStart, gapEnd - gapStart);
                if (newline >= 0) ParagraphEnd(text, newline, gapEnd, stack, ref reopens, ref skip, spans);
            }
            if (w == words.Count || !SurfaceWords.IsQuoteMark(text[words[w].Start]) && !words[w].IsPunct) continue;
            for (int p = words[w].Start; p < words[w].End; p++)
            {
                char c = text[p];
                if (p == skip || !SurfaceWords.IsQuoteMark(c)) continue;
                Pair(text, p, c, stack, ref reopens, spans);
            }
        }
        if (stack.Count > 0 && reopens is not null) Emit(stack[0].Position, n, ref reopens, spans);
        return spans;
    }

    /// <summary>Opens, closes or passes over the quote mark <paramref name="c"/> at <paramref name="p"/>.</summary>
    private static void Pair(string text, int p, char c, List<OpenMark> stack, ref List<int>? reopens, List<QuoteSpan> spans)
    {
        int n = text.Length;
        bool openerContext = OpenerContext(text, p), closerContext = CloserContext(text, p);
        int idx;
        switch (c)
        {
            case '"':
                idx = FindOpen(stack, Family.Straight, Family.Straight);
                if (idx >= 0 && (closerContext || !openerContext)) Close(stack, idx, p, ref reopens, spans);
                else if (openerContext) stack.Add(new(p, Family.Straight, c));
                else if (closerContext && stack.Count > 0 && stack[^1].Family == Family.Curly) Close(stack, stack.Count - 1, p, ref reopens, spans);
                break;
            case '\u201C': // “ opens, or closes a German „
                idx = FindOpener(stack, '\u201E');
                if (idx >= 0 && closerContext && !openerContext) Close(stack, idx, p, ref reopens, spans);
                else stack.Add(new(p, Family.Curly, c));
                break;
            case '\u201E': // „
                stack.Add(new(p, Family.Curly, c));
                break;
            case '\u201D': // ” closes (even after a space: `truce, ”the State Department said`), or opens when nothing is open
                idx = FindOpen(stack, Family.Curly, Family.Straight);
                if (idx >= 0) Close(stack, idx, p, ref reopens, spans);
                else if (openerContext) stack.Add(new(p, Family.Curly, c));
                break;
            case '\u00AB': // «
                idx = FindOpen(stack, Family.ReverseGuillemet, Family.ReverseGuillemet);
                if (idx >= 0 && closerContext) Close(stack, idx, p, ref reopens, spans);
                else stack.Add(new(p, Family.Guillemet, c));
                break;
            case '\u00BB': // »
                idx = FindOpen(stack, Family.Guillemet, Family.Guillemet);
                if (idx >= 0) Close(stack, idx, p, ref reopens, spans);
                else if (openerContext) stack.Add(new(p, Family.ReverseGuillemet, c));
                break;
            case '\u2018': // ‘ between letters is a misused apostrophe ("country‘s")
                if (p + 1 < n && !char.IsWhiteSpace(text[p + 1]) && (p == 0 || !char.IsLetterOrDigit(text[p - 1])))
                    stack.Add(new(p, Family.SingleCurly, c));
                break;
            case '\u2019': // ’ is an apostrophe unless a single quote is open and no letter follows
                idx = FindOpen(stack, Family.SingleCurly, Family.SingleStraight);
                if (idx >= 0 && p > 0 && !char.IsWhiteSpace(text[p - 1]) && !(p + 1 < n && char.IsLetterOrDigit(text[p + 1])))
                    Close(stack, idx, p, ref reopens, spans);
                break;
            case '\'':
                idx = FindOpen(stack, Family.SingleStraight, Family.SingleCurly);
                if (idx >= 0 && p > 0 && !char.IsWhiteSpace(text[p - 1]) && !(p + 1 < n && char.IsLetterOrDigit(text[p + 1])))
                    Close(stack, idx, p, ref reopens, spans);
                else if (openerContext && p + 1 < n && char.IsLetter(text[p + 1]))
                    stack.Add(new(p, Family.SingleStraight, c));
                break;
        }
    }

    private static bool OpenerContext(string text, int p)
    {
        char prev = p == 0 ? '\n' : text[p - 1];
        bool prevOk = char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' or ':'
            || prev is '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u201E';
        return prevOk && p + 1 < text.Length && !char.IsWhiteSpace(text[p + 1]);
    }

    private static bool CloserContext(string text, int p)
    {
        if (p == 0 || char.IsWhiteSpace(text[p - 1])) return false;
        if (p + 1 >= text.Length) return true;
        char next = text[p + 1];
        return char.IsWhiteSpace(next) || char.IsPunctuation(next) || char.IsSymbol(next);
    }

    private static int FindOpen(List<OpenMark> stack, Family a, Family b)
    {
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Family == a || stack[i].Family == b) return i;
        }
        return -1;
    }

    private static int FindOpener(List<OpenMark> stack, char opener)
    {
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Opener == opener) return i;
        }
        return -1;
    }

    private static void Close(List<OpenMark> stack, int idx, int p, ref List<int>? reopens, List<QuoteSpan> spans)
    {
        int open = stack[idx].Position;
        stack.RemoveRange(idx, stack.Count - idx);
        if (idx == 0) Emit(open, p, ref reopens, spans);
    }

    private static void Emit(int open, int close, ref List<int>? reopens, List<QuoteSpan> spans)
    {
        spans.Add(new QuoteSpan { Open = open, Close = close, Reopens = reopens });
        reopens = null;
    }

    /// <summary>At a newline <paramref name="p"/> with a quote open: continue it if the next paragraph (its first word at <paramref name="q"/>) reopens it, else end or drop it.</summary>
    private static void ParagraphEnd(string text, int p, int q, List<OpenMark> stack, ref List<int>? reopens, ref int skip, List<QuoteSpan> spans)
    {
        if (q == skip) return;
        var bottom = stack[0];
        if (q < text.Length && Reopens(bottom, text[q]))
        {
            stack.RemoveRange(1, stack.Count - 1);
            (reopens ??= []).Add(q);
            skip = q;
            return;
        }
        // A quote run over several paragraphs whose last paragraph is not closed ends with that paragraph.
        if (reopens is not null) Emit(bottom.Position, p, ref reopens, spans);
        stack.Clear();
    }

    private static bool Reopens(OpenMark open, char c) => open.Family switch
    {
        Family.Straight => c == '"',
        Family.Curly => c is '\u201C' or '\u201E' || c == '\u201D' && open.Opener == '\u201D',
        Family.Guillemet => c == '\u00AB',
        Family.ReverseGuillemet => c == '\u00BB',
        Family.SingleCurly => c == '\u2018',
        _ => c == '\'',
    };
}
