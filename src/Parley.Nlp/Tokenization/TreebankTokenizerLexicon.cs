using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Tokenization;

/// <summary>Teaches the <see cref="Tokenizer"/>'s lexicon from a treebank (the seed lexicon itself lives in Parley.Core.Text).</summary>
internal static class TreebankTokenizerLexicon
{
    /// <summary>Adds what the treebank shows: periods kept on abbreviations, hyphenated words more often whole than split, multiword tokens more often split than whole.</summary>
    public static TokenizerLexicon Learn(IEnumerable<ConlluSentence> sentences, LanguageData language)
    {
        var lex = TokenizerLexicon.BuiltIn(language);
        var whole = new Dictionary<string, int>(StringComparer.Ordinal);
        var split = new Dictionary<string, (int Count, byte[] Parts)>(StringComparer.Ordinal);
        var hyphenSplit = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var surface = SurfaceTokens(s);
            for (int i = 0; i < surface.Count; i++)
            {
                var (form, parts, spaceAfter) = surface[i];
                string lower = form.ToLowerInvariant();
                if (parts is not null)
                {
                    split.TryGetValue(lower, out var e);
                    split[lower] = (e.Count + 1, parts);
                    continue;
                }
                whole[lower] = whole.GetValueOrDefault(lower) + 1;
                if (form.Length > 1 && form[^1] == '.' && char.IsLetter(form[0]) && form.Length <= 8)
                    lex.Abbreviations.Add(lower[..^1]);
                // word - word written without spaces: a split hyphenated word
                if (form == "-" && i > 0 && i + 1 < surface.Count && !surface[i - 1].SpaceAfter && !spaceAfter)
                {
                    string joined = (surface[i - 1].Form + "-" + surface[i + 1].Form).ToLowerInvariant();
                    hyphenSplit[joined] = hyphenSplit.GetValueOrDefault(joined) + 1;
                }
            }
        }
        foreach (var (lower, count) in whole)
        {
            if (lower.Contains('-') && lower.Length > 2 && char.IsLetter(lower[0]) && count > hyphenSplit.GetValueOrDefault(lower))
                lex.HyphenWords.Add(lower);
        }
        var prefixWhole = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixSplit = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in lex.HyphenWords) { var pre = w[..w.IndexOf('-')]; prefixWhole[pre] = prefixWhole.GetValueOrDefault(pre) + whole[w]; }
        foreach (var (w, c) in hyphenSplit) { var pre = w[..w.IndexOf('-')]; prefixSplit[pre] = prefixSplit.GetValueOrDefault(pre) + c; }
        foreach (var (pre, c) in prefixWhole)
            if (c >= 3 && c > 2 * prefixSplit.GetValueOrDefault(pre) && pre.Length >= 2) lex.HyphenPrefixes.Add(pre);
        foreach (var (lower, e) in split)
        {
            if (e.Count >= whole.GetValueOrDefault(lower)) lex.Multiwords[lower] = e.Parts;
            else lex.Multiwords.Remove(lower);
        }
        foreach (var (lower, count) in whole)
        {
            // a built-in split the treebank mostly keeps whole (e.g. "cant" as a noun) is dropped
            if (lex.Multiwords.ContainsKey(lower) && count > (split.TryGetValue(lower, out var e) ? e.Count : 0)) lex.Multiwords.Remove(lower);
        }
        return lex;
    }

    /// <summary>The surface tokens of a sentence: form, word lengths when it is a multiword token, and whether a space follows.</summary>
    internal static List<(string Form, byte[]? Parts, bool SpaceAfter)> SurfaceTokens(ConlluSentence s)
    {
        var list = new List<(string, byte[]?, bool)>(s.Words.Count);
        int mw = 0;
        for (int i = 0; i < s.Words.Count; i++)
        {
            var w = s.Words[i];
            if (mw < s.Multiwords.Count && s.Multiwords[mw].First == w.Id)
            {
                var m = s.Multiwords[mw++];
                int n = m.Last - m.First + 1;
                var parts = new byte[n];
                int total = 0;
                for (int k = 0; k < n && i + k < s.Words.Count; k++) { parts[k] = (byte)Math.Min(255, s.Words[i + k].Form.Length); total += parts[k]; }
                list.Add((m.Form, total == m.Form.Length ? parts : null, !m.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal)));
                i += n - 1;
                continue;
            }
            list.Add((w.Form, null, w.SpaceAfter));
        }
        return list;
    }

}
