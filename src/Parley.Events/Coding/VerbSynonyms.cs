using System.Collections.Concurrent;
using Parley.Core;
using Parley.Events.Cameo;
using Parley.Events.Lexicon;

namespace Parley.Events;

/// <summary>
/// Verbs absent from the verb dictionary reached through WordNet (<see cref="VerbLexicon"/>): a synonym of the verb's most
/// frequent sense that the dictionary codes ("pummel" -> hit, "rebuff" -> reject), when that sense is also one of the
/// dictionary verb's two main senses. Hypernyms are not taken (too general: "visit" -> see), nor verbs that carry no event
/// of their own ("act", "make", "try"), and a communication sense reaches only verbal codes, a physical one only material
/// codes: WordNet lists literal senses first, and "blast" must not become an attack when it is criticism. Looked up once
/// per lemma and cached.
/// </summary>
internal sealed class VerbSynonyms(VerbDictionary verbs, VerbLexicon lexicon, IEventOntology ontology)
{
    private readonly ConcurrentDictionary<int, Found?> _cache = new();

    /// <summary>The dictionary entries a verb reaches, and the verb it reached them through.</summary>
    public sealed record Found(VerbEntry[] Entries, string Via, string Relation, int Sense);

    /// <summary>Generic verbs WordNet offers as hypernyms or synonyms that carry no event of their own.</summary>
    private static readonly HashSet<string> TooGeneral = new(StringComparer.Ordinal)
    {
        "act", "make", "do", "be", "have", "get", "give", "take", "go", "come", "see", "use", "cause", "change", "move", "put",
        "set", "hold", "keep", "let", "bring", "turn", "run", "say", "state", "tell", "express", "state", "show", "affect", "travel",
        "interact", "meet", "touch", "consume", "create", "think", "perceive", "feel", "communicate", "transfer", "remove", "try",
        "seek", "expect", "want",
    };

    /// <summary>WordNet lexicographer files of verbal acts (statements, appeals, criticism) and of physical ones.</summary>
    private static readonly HashSet<string> Verbal = new(StringComparer.Ordinal) { "communication", "cognition", "emotion" };
    private static readonly HashSet<string> Physical = new(StringComparer.Ordinal) { "contact", "competition", "motion", "body", "possession", "change", "creation" };

    /// <summary>Tagged uses a verb's first sense needs before its synonyms are taken (WordNet's counts; see <see cref="Look"/>).</summary>
    private const int MinFirstSenseTags = 2;

    /// <summary>A change of state or amount ("limit", "restrict", "reduce": WordNet's "change" file) is no act of force: its synonyms
    /// reach no coercion, assault, fight or mass violence (CAMEO roots 17-20), which "confine" (detain) would make of "limited
    /// debt repayments" (Reuters, 2026-12-07).</summary>
    private static bool IsForce(string code) => CameoOntology.RootOf(code) >= 17;

    public Found? Find(int lemmaId) => _cache.GetOrAdd(lemmaId, Look);

    private readonly ConcurrentDictionary<int, bool> _communication = new();

    /// <summary>Is the verb's most frequent sense a verb of communication ("reaffirm", "indicate", "stress")?</summary>
    public bool IsCommunication(int lemmaId) => _communication.GetOrAdd(lemmaId, id =>
    {
        var senses = lexicon.Senses(StringStore.Get(id));
        return senses.Count > 0 && senses[0].LexFile == "communication";
    });

    private Found? Look(int lemmaId)
    {
        string lemma = StringStore.Get(lemmaId);
        if (lemma.Length < 3 || !char.IsLower(lemma[0])) return null;
        // WordNet's sense order rests on how often its tagged corpora saw each sense: a first sense seen once or never is no
        // evidence of the verb's usual meaning ("sack": plunder once, dismiss never; "jeopardise" never), so it reaches nothing.
        var senses = lexicon.Senses(lemma);
        if (senses.Count > 0 && senses[0].TagCount < MinFirstSenseTags) return null;
        foreach (var c in lexicon.Related(lemma, maxSenses: 1, hypernyms: false))
        {
            if (c.Lemma.Contains('_') || TooGeneral.Contains(c.Lemma)) continue;
            // The shared sense must be a main sense of the dictionary verb too: "lag" shares a rare sense with "imprison".
            if (!IsMainSense(c.Lemma, c.Synset)) continue;
            if (!StringStore.TryGet(c.Lemma, out int id)) continue;
            var entries = verbs.Lookup(id);
            if (entries is null || Array.TrueForAll(entries, e => e.Particles.Length > 0)) continue;
            var plain = Array.FindAll(entries, e => e.Particles.Length == 0);
            string? code = plain[0].Code;
            if (code is null || !Fits(code, c.LexFile) || c.LexFile == "change" && IsForce(code)) continue;
            return new Found(plain, c.Lemma, c.Relation == VerbRelation.Synonym ? "synonym" : "hypernym", c.Sense);
        }
        return null;
    }

    private bool IsMainSense(string verb, string synset)
    {
        var senses = lexicon.Senses(verb);
        for (int i = 0; i < senses.Count && i < 2; i++) if (senses[i].Synset == synset) return true;
        return false;
    }

    /// <summary>A verbal sense reaches verbal codes (quad classes 1 and 3), a physical sense material ones (2 and 4).</summary>
    private bool Fits(string code, string lexFile)
    {
        int quad = ontology.Find(code)?.QuadClass ?? CameoOntology.QuadClassOf(code);
        if (Verbal.Contains(lexFile)) return quad is 1 or 3;
        if (Physical.Contains(lexFile)) return quad is 2 or 4;
        return lexFile is "social" or "stative";
    }
}
