using System.Text;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Turns what a user types into a safe FTS5 query: every word becomes a quoted term (so characters such as
/// '-', ':' or '"' never reach the FTS5 parser as syntax), terms are ANDed, "double quotes" make a phrase,
/// a word glued to punctuation ("U.S.") becomes the phrase of its parts, a trailing '*' makes a prefix query,
/// and a bare OR between two terms is kept.
/// </summary>
internal static class FtsQuery
{
    /// <summary>The FTS5 query, or null when the input has no searchable word.</summary>
    public static string? Build(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var sb = new StringBuilder(input.Length + 16);
        var words = new List<string>();
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
                pendingOr = sb.Length > 0;
                continue;
            }
            words.Clear();
            Words(chunk, words);
            if (words.Count == 0) continue;
            bool prefix = !phrase && chunk.EndsWith("*") && words.Count == 1;
            if (sb.Length > 0) sb.Append(pendingOr ? " OR " : " ");
            pendingOr = false;
            sb.Append('"').AppendJoin(' ', words).Append('"');
            if (prefix) sb.Append('*');
        }
        return sb.Length == 0 ? null : sb.ToString();
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
