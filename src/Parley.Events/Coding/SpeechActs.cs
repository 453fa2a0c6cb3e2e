using Parley.Core;

namespace Parley.Events;

/// <summary>A speech act a statement can carry (criticism, denial, praise...): its name, CAMEO code and priority (lower
/// first when a clause holds words of several).</summary>
internal sealed record SpeechAct(string Name, string Code, int Priority);

/// <summary>
/// The speech-act words of data/lang/en/speech-acts.tsv as interned lemma ids: speech verbs that are an act themselves
/// ("denied that ..."), words of a reported clause that make it one ("said the plan was ludicrous") and words that do so
/// when negated ("said the claims were not true"). One source of truth: the coder holds no such word in code.
/// </summary>
internal sealed class SpeechActs
{
    public const string FileName = "speech-acts.tsv";

    /// <summary>More words of the reported clause, read after <see cref="FileName"/> (a word there keeps its act): the
    /// evaluation words built from the AFINN-165 lexicon by tools/evaluation-words/build.mjs (issue 11).</summary>
    public const string EvaluationFileName = "evaluation-words.tsv";

    private readonly Dictionary<int, SpeechAct> _verbs = [], _words = [], _negated = [], _nouns = [], _claimJudges = [];
    private readonly HashSet<int> _negators = [], _carriers = [], _claimVerbs = [];

    /// <summary>Phrases of conduct by their first (anchor) lemma: the act and, for each other word, its spellings.</summary>
    private readonly Dictionary<int, List<(SpeechAct Act, HashSet<int>[] Others)>> _phrases = [], _negatedPhrases = [];

    /// <summary>The phrases (kind "phrase", or with <paramref name="negated"/> kind "negphrase": "add+up" of "the sums do
    /// not add up") whose anchor word is <paramref name="lemma"/> ("break" of "break+promise"): each act with the spellings
    /// of the phrase's other words; empty if none.</summary>
    public IReadOnlyList<(SpeechAct Act, HashSet<int>[] Others)> PhrasesOf(int lemma, bool negated) =>
        (negated ? _negatedPhrases : _phrases).TryGetValue(lemma, out var list) ? list : [];

    /// <summary>The act a word is when it judges a claim made in its own clausal subject or complement ("it was wrong to
    /// suggest ...": a denial), or null.</summary>
    public SpeechAct? OfClaimJudge(int lemma) => _claimJudges.GetValueOrDefault(lemma);

    /// <summary>A verb of claiming ("suggest", "claim", "allege"): what a claim judge judges.</summary>
    public bool IsClaimVerb(int lemma) => _claimVerbs.Contains(lemma);

    /// <summary>The act a noun is as the object of a carrier verb ("sent condolences", "paid tribute"), or null.</summary>
    public SpeechAct? OfNoun(int lemma) => _nouns.GetValueOrDefault(lemma);

    /// <summary>A verb that carries an act noun ("send", "express", "pay", "voice").</summary>
    public bool IsCarrier(int lemma) => _carriers.Contains(lemma);

    /// <summary>A word that negates the act of a word it heads ("nothing wrong", "none of it true").</summary>
    public bool IsNegator(int lemma) => _negators.Contains(lemma);

    /// <summary>The act a speech verb is, or null.</summary>
    public SpeechAct? OfVerb(int lemma) => _verbs.GetValueOrDefault(lemma);

    /// <summary>The act a clause word makes when its predicate is (<paramref name="negated"/>) or is not negated, or null.</summary>
    public SpeechAct? OfWord(int lemma, bool negated) => (negated ? _negated : _words).GetValueOrDefault(lemma);

    /// <summary>The word may make an act, negated or not: the cheap test before the predicate is looked for.</summary>
    public bool Holds(int lemma) => _words.ContainsKey(lemma) || _negated.ContainsKey(lemma) || _claimJudges.ContainsKey(lemma) || _phrases.ContainsKey(lemma)
        || _negatedPhrases.ContainsKey(lemma);

    public static SpeechActs Load(string folder)
    {
        using var reader = File.OpenText(Path.Combine(folder, FileName));
        using var evaluation = File.OpenText(Path.Combine(folder, EvaluationFileName));
        return Read([(reader, FileName), (evaluation, EvaluationFileName)]);
    }

    /// <summary>The acts of the given files in order: an act keeps its code across them, a word the act it was first given.</summary>
    public static SpeechActs Read(params TextReader[] readers) => Read(Array.ConvertAll(readers, r => (r, FileName)));

    private static SpeechActs Read((TextReader Reader, string Name)[] files)
    {
        var acts = new SpeechActs();
        var byName = new Dictionary<string, SpeechAct>(StringComparer.Ordinal);
        foreach (var (reader, name) in files) acts.ReadInto(reader, name, byName);
        return acts;
    }

    /// <summary>One file's lines into these acts; an error names <paramref name="fileName"/> and the line.</summary>
    private void ReadInto(TextReader reader, string fileName, Dictionary<string, SpeechAct> byName)
    {
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length != 4 || c[1].Length == 0)
                throw new InvalidDataException($"{fileName} line {lineNo}: expected 'act<TAB>code<TAB>verb|word|negated|phrase|negphrase|noun|claim|negator|carrier|claimverb<TAB>lemmas'");
            if (c[2] is "negator" or "carrier" or "claimverb")
            {
                foreach (var w in c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (c[2] == "negator") _negators.Add(StringStore.Intern(w));
                    else (c[2] == "carrier" ? _carriers : _claimVerbs).UnionWith(CoderWords.Spellings(w));
                }
                continue;
            }
            if (!byName.TryGetValue(c[0], out var act)) byName[c[0]] = act = new SpeechAct(c[0], c[1], byName.Count);
            else if (act.Code != c[1]) throw new InvalidDataException($"{fileName} line {lineNo}: act '{c[0]}' has two codes");
            if (c[2] is "phrase" or "negphrase")
            {
                var phrases = c[2] == "phrase" ? _phrases : _negatedPhrases;
                // "break+promise": the anchor's spellings, then each other word's, as one phrase of the act.
                foreach (var p in c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var words = p.Split('+', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length < 2) throw new InvalidDataException($"{fileName} line {lineNo}: phrase '{p}' needs two or more words joined by '+'");
                    var others = words[1..].Select(w => CoderWords.Spellings(w).ToHashSet()).ToArray();
                    foreach (int id in CoderWords.Spellings(words[0]))
                    {
                        if (!phrases.TryGetValue(id, out var list)) phrases[id] = list = [];
                        list.Add((act, others));
                    }
                }
                continue;
            }
            var into = c[2] switch
            {
                "verb" => _verbs,
                "word" => _words,
                "negated" => _negated,
                "noun" => _nouns,
                "claim" => _claimJudges,
                _ => throw new InvalidDataException($"{fileName} line {lineNo}: kind '{c[2]}' is not verb, word, negated, phrase, negphrase, noun, claim, carrier, claimverb or negator"),
            };
            foreach (var w in c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // The first act listed for a word keeps it: the file's order is the priority.
                foreach (int id in CoderWords.Spellings(w)) into.TryAdd(id, act);
            }
        }
    }

    private static SpeechActs? _shared;
    private static object? _sharedGate;

    /// <summary>The installation's speech acts, loaded once per process.</summary>
    public static SpeechActs Shared => LazyInitializer.EnsureInitialized(ref _shared, ref _sharedGate,
        () => Load(CoderWords.FindFolder() ?? throw new DirectoryNotFoundException($"data/lang/en/{FileName} not found")));
}
