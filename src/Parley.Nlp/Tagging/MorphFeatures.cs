using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Tagging;

/// <summary>
/// Morphological features (FEATS) derived from the predicted UPOS+XPOS and the word: the treebank's most
/// frequent FEATS for (lower-case form, UPOS, XPOS), else for (UPOS, XPOS, whether the word has digits).
/// In English FEATS follow almost entirely from the PTB tag and, for pronouns and determiners, the word.
/// </summary>
public sealed class MorphFeatures
{
    private readonly Dictionary<string, string> _byWord;
    private readonly Dictionary<string, string> _byTag;
    private readonly KeyedLexicon _byWordIds;
    private readonly KeyedLexicon _byTagIds;

    internal MorphFeatures(Dictionary<string, string> byWord, Dictionary<string, string> byTag)
    {
        _byWord = byWord; _byTag = byTag;
        _byWordIds = KeyedLexicon.Interned(byWord);
        _byTagIds = KeyedLexicon.Interned(byTag);
    }

    private static string TagKey(UPos upos, string xpos) => upos.Name() + "/" + xpos;

    /// <summary>FEATS as a StringStore id (0 = none).</summary>
    public int Features(ReadOnlySpan<char> form, UPos upos, ReadOnlySpan<char> xpos)
    {
        Span<char> tag = stackalloc char[8 + xpos.Length];
        var name = upos.Name();
        name.AsSpan().CopyTo(tag);
        tag[name.Length] = '/';
        xpos.CopyTo(tag[(name.Length + 1)..]);
        var tagKey = tag[..(name.Length + 1 + xpos.Length)];
        if (_byWordIds.TryGet(form, tagKey, lowerA: true, out int id)) return id;
        ReadOnlySpan<char> digits = HasDigit(form) ? "d" : "w";
        return _byTagIds.TryGet(tagKey, digits, lowerA: false, out id) ? id : 0;
    }

    private static bool HasDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsDigit(c)) return true;
        return false;
    }

    internal static MorphFeatures Train(IReadOnlyList<ConlluSentence> sentences)
    {
        var byWord = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var byTag = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
            foreach (var w in s.Words)
            {
                string tag = TagKey(UPosNames.Parse(w.Upos), w.Xpos);
                KeyedLexicon.Count(byWord, KeyedLexicon.Key(w.Form.ToLowerInvariant(), tag), w.Feats);
                KeyedLexicon.Count(byTag, KeyedLexicon.Key(tag, HasDigit(w.Form) ? "d" : "w"), w.Feats);
            }
        var wordMap = KeyedLexicon.MostFrequent(byWord);
        var tagMap = KeyedLexicon.MostFrequent(byTag);
        // a word entry that says what its tag entry says anyway is not needed
        foreach (var key in wordMap.Keys.ToList())
        {
            int tab = key.IndexOf('\t');
            string tagKey = key[(tab + 1)..] + "\t" + (HasDigit(key.AsSpan(0, tab)) ? "d" : "w");
            if (tagMap.TryGetValue(tagKey, out var v) && v == wordMap[key]) wordMap.Remove(key);
        }
        return new MorphFeatures(wordMap, tagMap);
    }

    public void Write(BinaryWriter w) { KeyedLexicon.Write(w, _byWord); KeyedLexicon.Write(w, _byTag); }

    public static MorphFeatures Read(BinaryReader r) => new(KeyedLexicon.Read(r), KeyedLexicon.Read(r));
}
