namespace Parley.Nlp.Tests;

/// <summary>
/// Made-up news-like text for the cluster recipes, generated from a fixed seed: 600 invented words in Zipf-like
/// frequencies (every seventh always capitalised, as names are), lines of several sentences, punctuation, quotes,
/// parentheses, abbreviations ("U.S.", "Corp."), years and over-long words, so that each recipe's text reading,
/// vocabulary and case counting are exercised.
/// </summary>
internal static class ClusterSample
{
    public static List<string> Texts()
    {
        var random = new Random(7);
        string[] syllables = ["ka", "lo", "mi", "ter", "san", "du", "pre", "vol", "ni", "gor", "bel", "ra"];
        var words = new string[600];
        for (int i = 0; i < words.Length; i++)
        {
            string w = "";
            int n = 2 + i % 3;
            for (int s = 0; s < n; s++) w += syllables[(i * 7 + s * 5 + i / 12) % syllables.Length];
            words[i] = w + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'q').Replace('1', 'z').Replace('2', 'u')
                .Replace('3', 'y').Replace('4', 'o').Replace('5', 'e').Replace('6', 'i').Replace('7', 'h').Replace('8', 'j').Replace('9', 'w');
        }
        string longWord = new('x', 45), veryLong = "A" + new string('b', 69);
        string[] extras = ["U.S.", "Corp.", "(", ")", "\"", "\u201c", "\u201d", "--", ";", ":", "-", "'s", "1987", "2019", longWord, veryLong];
        var texts = new List<string>();
        for (int t = 0; t < 400; t++)
        {
            var text = new System.Text.StringBuilder();
            for (int line = 0; line < 3; line++)
            {
                int length = 12 + random.Next(14);
                bool start = true;
                for (int k = 0; k < length; k++)
                {
                    string token;
                    if (random.Next(8) == 0) token = extras[random.Next(extras.Length)];
                    else
                    {
                        int idx = (int)(words.Length * Math.Pow(random.NextDouble(), 2.5));
                        token = words[Math.Min(idx, words.Length - 1)];
                        if (idx % 7 == 0 || start || random.Next(20) == 0) token = char.ToUpperInvariant(token[0]) + token[1..];
                    }
                    start = false;
                    if (random.Next(10) == 0) { token += random.Next(2) == 0 ? "," : "."; start = token.EndsWith('.'); }
                    text.Append(token).Append(random.Next(30) == 0 ? "\t" : " ");
                }
                text.Append(".\n");
            }
            texts.Add(text.ToString());
        }
        return texts;
    }
}
