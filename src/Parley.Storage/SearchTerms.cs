namespace Parley.Storage;

/// <summary>One part of a user's search: a word, a glued chunk such as "U.S." or a "quoted phrase".</summary>
/// <param name="Text">The part as typed (without its quotes and prefix star), for stores that parse text themselves.</param>
/// <param name="Words">Its letter-and-digit runs, in order: a phrase when more than one.</param>
/// <param name="Prefix">A trailing '*' on a single word: match words starting with it.</param>
/// <param name="OrWithPrevious">A bare OR stood between this part and the one before.</param>
public sealed record SearchClause(string Text, IReadOnlyList<string> Words, bool Prefix, bool OrWithPrevious);

/// <summary>
/// What a user types into a search box, parsed once for every store: words are ANDed, "double quotes" make a
/// phrase, a word glued to punctuation ("U.S.") is the phrase of its parts, a trailing '*' makes a prefix,
/// and a bare OR between two parts is kept. No character of the input ever reaches a store's query syntax:
/// stores render only <see cref="SearchClause.Words"/> (or pass <see cref="SearchClause.Text"/> as a value).
/// </summary>
public static class SearchTerms
{
    /// <summary>The parts of the query, or an empty list when it has no searchable word.</summary>
    public static IReadOnlyList<SearchClause> Parse(string? input)
    {
        var clauses = new List<SearchClause>();
        if (string.IsNullOrWhiteSpace(input)) return clauses;
        bool pendingOr = false;
        int i = 0;
        while (i < input.Length)
        {
            char c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int chunkStart, chunkEnd;
            bool phrase = c == '"';
            if (phrase)
            {
                chunkStart = i + 1;
                int close = input.IndexOf('"', chunkStart);
                chunkEnd = close < 0 ? input.Length : close;
                i = close < 0 ? input.Length : close + 1;
            }
            else
            {
                chunkStart = i;
                while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"') i++;
                chunkEnd = i;
            }
            var chunk = input.AsSpan(chunkStart, chunkEnd - chunkStart);
            if (!phrase && chunk.SequenceEqual("OR"))
            {
                pendingOr = clauses.Count > 0;
                continue;
            }
            var words = new List<string>();
            Words(chunk, words);
            if (words.Count == 0) continue;
            bool prefix = !phrase && chunk.EndsWith("*") && words.Count == 1;
            string text = prefix ? chunk.TrimEnd('*').ToString() : chunk.ToString();
            clauses.Add(new SearchClause(text, words, prefix, pendingOr));
            pendingOr = false;
        }
        return clauses;
    }

    private static void Words(ReadOnlySpan<char> chunk, List<string> words)
    {
        int i = 0;
        while (i < chunk.Length)
        {
            while (i < chunk.Length && !char.IsLetterOrDigit(chunk[i])) i++;
            int start = i;
            while (i < chunk.Length && char.IsLetterOrDigit(chunk[i])) i++;
            if (i > start) words.Add(chunk[start..i].ToString());
        }
    }
}
