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
            char c = Fold(raw);
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

    /// <summary>Folds typographic variants to their ASCII forms.</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>True for characters that are quote marks of any kind.</summary>
    public static bool IsQuote(char c) => Fold(c) is '"' or '\'';

}
