namespace Parley.Nlp.Ner;

/// <summary>
/// A minimal whitespace-and-punctuation tokenizer with a naive sentence splitter, used by `parley ner --input text`
/// until the project's tokenizer is available there. Returns token spans into the text and sentence ends (token indices).
/// </summary>
public static class NerFallbackTokenizer
{
    public static (List<(int Start, int End)> Tokens, List<int> SentenceEnds) Tokenize(string text)
    {
        var tokens = new List<(int, int)>();
        var ends = new List<int>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                // A blank line ends a sentence.
                if (text[i] == '\n' && i + 1 < text.Length && text[i + 1] is '\n' or '\r' && tokens.Count > 0 && (ends.Count == 0 || ends[^1] != tokens.Count))
                    ends.Add(tokens.Count);
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            int end = i;
            int a = start;
            while (a < end && IsSplitPunct(text[a])) { tokens.Add((a, a + 1)); a++; }
            int b = end;
            while (b > a && IsSplitPunct(text[b - 1])) b--;
            if (b < end && text[b] == '.' && b > a && (text.AsSpan(a, b - a).Contains('.') || (b - a <= 3 && char.IsUpper(text[a])))) b++;
            // Split a possessive 's.
            if (b - a > 2 && text[b - 2] == '\'' && text[b - 1] is 's' or 'S') { tokens.Add((a, b - 2)); tokens.Add((b - 2, b)); }
            else if (b > a) tokens.Add((a, b));
            for (int k = b; k < end; k++)
            {
                tokens.Add((k, k + 1));
                if (text[k] is '.' or '!' or '?' && (k + 1 == end || text[k + 1] is not ('.' or '!' or '?'))) EndAfterQuotes(text, tokens, ends, k, end);
            }
        }
        if (tokens.Count > 0 && (ends.Count == 0 || ends[^1] != tokens.Count)) ends.Add(tokens.Count);
        return (tokens, ends);
    }

    private static void EndAfterQuotes(string text, List<(int, int)> tokens, List<int> ends, int k, int end)
    {
        // The sentence ends after the punctuation and any closing quotes or brackets that follow it in this word.
        int last = k + 1;
        while (last < end && text[last] is '"' or '\'' or ')' or '\u201D' or '\u2019') last++;
        if (last == end && (ends.Count == 0 || ends[^1] != tokens.Count + (end - k - 1)))
            ends.Add(tokens.Count + (end - k - 1));
    }

    private static bool IsSplitPunct(char c) => char.IsPunctuation(c) || char.IsSymbol(c);
}
