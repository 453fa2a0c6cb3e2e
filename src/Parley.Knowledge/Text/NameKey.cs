using Parley.Core.Text;

namespace Parley.Knowledge.Text;

/// <summary>
/// Normalises names into lookup keys: lowercase words joined by one space, hyphens without spaces
/// around them, typographic quotes and apostrophes folded, surrounding quotes and parentheses dropped.
/// Dictionary phrases (PETRARCH's UPPER_CASE_WITH_UNDERSCORES) and document token runs map to the same key.
/// </summary>
public static class NameKey
{
    /// <summary>Key of a dictionary phrase or a free-text name; empty when nothing is left.</summary>
    public static string FromPhrase(string phrase)
    {
        // Built in a stack buffer (no StringBuilder): the knowledge base keys some 800,000 names at start-up.
        Span<char> buffer = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        int n = 0;
        bool pendingSpace = false;
        foreach (char raw in phrase)
        {
            char c = TextChars.Fold(raw);
            if (c == '_' || char.IsWhiteSpace(c)) { pendingSpace = n > 0; continue; }
            if (c == '"') continue;
            if (c == '-') { pendingSpace = false; while (n > 0 && buffer[n - 1] == ' ') n--; buffer[n++] = '-'; continue; }
            if (pendingSpace && n > 0 && buffer[n - 1] != '-') buffer[n++] = ' ';
            pendingSpace = false;
            buffer[n++] = char.ToLowerInvariant(c);
        }
        while (n > 0 && buffer[n - 1] == ' ') n--;
        return n == 0 ? "" : new string(buffer[..n]);
    }

    /// <summary>Number of words in a key.</summary>
    public static int WordCount(string key)
    {
        if (key.Length == 0) return 0;
        int n = 1;
        foreach (char c in key) if (c == ' ') n++;
        return n;
    }
}
