namespace Parley.Ingest.Cleaning;

/// <summary>
/// Headlines written all in capitals ("U.S. LAUNCHED A STRIKE AGAINST IRAN") put out the tagger and the name recogniser,
/// which learned from ordinary case: such a headline is written as a sentence ("U.S. launched a strike against Iran"):
/// its first word, words with dots ("U.S."), short words that read as acronyms ("US", "UN", "EU") and the words
/// <c>isName</c> knows as names keep their capitals, the rest is lower case. Headlines in ordinary case are left alone.
/// The length of the text does not change, so offsets into the headline stay valid.
/// </summary>
public static class HeadlineCase
{
    public static string Normalize(string title, Func<string, bool>? isName = null)
    {
        int letters = 0, upper = 0, words = 1;
        foreach (char c in title)
        {
            if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
            else if (c == ' ') words++;
        }
        if (words < 3 || letters < 8 || upper < letters * 0.8) return title;
        var chars = title.ToCharArray();
        int start = 0;
        bool firstWord = true;
        for (int i = 0; i <= chars.Length; i++)
        {
            if (i < chars.Length && chars[i] != ' ') continue;
            var word = chars.AsSpan(start, i - start);
            int wordLetters = 0;
            bool dot = false;
            foreach (char c in word) { if (char.IsLetter(c)) wordLetters++; else if (c == '.') dot = true; }
            bool keep = dot || wordLetters is > 0 and <= 3;
            if (!keep && wordLetters > 0)
            {
                bool first = true;
                for (int k = 0; k < word.Length; k++)
                {
                    if (!char.IsLetter(word[k])) continue;
                    if (!first || !firstWord) word[k] = char.ToLowerInvariant(word[k]);
                    first = false;
                }
                // A name keeps its capital ("Iran"): the word as a name, first letter up.
                if (!firstWord && isName is not null)
                {
                    var candidate = new string(word);
                    int l = candidate.IndexOfAny("abcdefghijklmnopqrstuvwxyz".ToCharArray());
                    if (l >= 0)
                    {
                        string named = candidate[..l] + char.ToUpperInvariant(candidate[l]) + candidate[(l + 1)..];
                        if (isName(named)) named.AsSpan().CopyTo(word);
                    }
                }
            }
            if (wordLetters > 0) firstWord = false;
            start = i + 1;
        }
        return new string(chars);
    }
}
