using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Lemmatization;

/// <summary>
/// Lemmas: a lexicon of (form, XPOS) -> lemma from the treebank, then (lower-case form, XPOS), then suffix rules
/// learned per XPOS (strip n final characters, append a string) for unknown words, choosing the rule of the
/// longest known suffix. Proper nouns keep their form. Immutable and thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private const int MaxSuffix = 5;
    private readonly Dictionary<string, string> _exact;
    private readonly Dictionary<string, string> _lower;
    private readonly Dictionary<string, string> _rules;
    private readonly KeyedLexicon _exactIds;
    private readonly KeyedLexicon _lowerIds;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _ruleLookup;

    internal Lemmatizer(Dictionary<string, string> exact, Dictionary<string, string> lower, Dictionary<string, string> rules)
    {
        _exact = exact; _lower = lower; _rules = rules;
        _exactIds = KeyedLexicon.Interned(exact);
        _lowerIds = KeyedLexicon.Interned(lower);
        _ruleLookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lemma of <paramref name="form"/> tagged <paramref name="xpos"/>/<paramref name="upos"/>, as a StringStore id.</summary>
    public int Lemmatize(ReadOnlySpan<char> form, ReadOnlySpan<char> xpos, UPos upos)
    {
        if (_exactIds.TryGet(form, xpos, lowerA: false, out int id)) return id;
        if (_lowerIds.TryGet(form, xpos, lowerA: true, out id)) return id;
        if (upos == UPos.PROPN || form.Length > 64) return StringStore.Intern(form);
        Span<char> lower = stackalloc char[form.Length];
        form.ToLowerInvariant(lower);
        Span<char> key = stackalloc char[xpos.Length + 1 + MaxSuffix];
        xpos.CopyTo(key);
        key[xpos.Length] = '\t';
        for (int k = Math.Min(MaxSuffix, lower.Length - 1); k >= 0; k--)
        {
            lower[^k..].CopyTo(key[(xpos.Length + 1)..]);
            if (!_ruleLookup.TryGetValue(key[..(xpos.Length + 1 + k)], out var rule)) continue;
            int bar = rule.IndexOf('|');
            int strip = rule[0] - '0';
            if (bar < 0 || strip > lower.Length) break;
            var append = rule.AsSpan(bar + 1);
            Span<char> lemma = stackalloc char[lower.Length - strip + append.Length];
            lower[..^strip].CopyTo(lemma);
            append.CopyTo(lemma[(lower.Length - strip)..]);
            return StringStore.Intern(lemma);
        }
        return StringStore.Intern(lower);
    }

    internal static Lemmatizer Train(IReadOnlyList<ConlluSentence> sentences)
    {
        var exact = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lower = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var rules = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                if (w.Lemma == "_" && w.Form != "_") continue;
                KeyedLexicon.Count(exact, KeyedLexicon.Key(w.Form, w.Xpos), w.Lemma);
                string lf = w.Form.ToLowerInvariant();
                KeyedLexicon.Count(lower, KeyedLexicon.Key(lf, w.Xpos), w.Lemma);
                if (w.Upos == "PROPN") continue;
                string ll = w.Lemma.ToLowerInvariant();
                int common = 0;
                while (common < lf.Length && common < ll.Length && lf[common] == ll[common]) common++;
                int strip = lf.Length - common;
                if (strip > 9) continue;
                string rule = strip.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + ll[common..];
                for (int k = 0; k <= Math.Min(MaxSuffix, lf.Length - 1); k++)
                    KeyedLexicon.Count(rules, w.Xpos + "\t" + lf[^k..], rule);
            }
        }
        return new Lemmatizer(KeyedLexicon.MostFrequent(exact), KeyedLexicon.MostFrequent(lower), KeyedLexicon.MostFrequent(rules, minCount: 2));
    }

    public void Save(string path) => PerceptronModel.WriteFile(path, w =>
    {
        KeyedLexicon.Write(w, _exact);
        KeyedLexicon.Write(w, _lower);
        KeyedLexicon.Write(w, _rules);
    });

    public static Lemmatizer Load(string path) => PerceptronModel.ReadFile(path, r =>
        new Lemmatizer(KeyedLexicon.Read(r), KeyedLexicon.Read(r), KeyedLexicon.Read(r)));
}
