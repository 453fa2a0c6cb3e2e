using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using Parley.Core;

namespace Parley.Events.Lexicon;

/// <summary>How a candidate verb relates to the verb asked about.</summary>
public enum VerbRelation : byte
{
    /// <summary>A member of the same synset ("rebuff" ~ "snub").</summary>
    Synonym,
    /// <summary>A member of a direct hypernym synset ("pummel" is a way to "hit").</summary>
    Hypernym,
}

/// <summary>
/// A verb that may stand in for another: <paramref name="Lemma"/> (multi-word verbs joined by '_', "turn_down") is a
/// <paramref name="Relation"/> of the asked verb in its <paramref name="Sense"/>-th sense (1 = most frequent), which
/// WordNet's tagged corpora saw <paramref name="TagCount"/> times and files under <paramref name="LexFile"/>
/// ("communication", "contact", "competition"...: a coder may accept a verbal code only from a communication sense);
/// <paramref name="Synset"/> is the WordNet synset (8-digit offset) the candidate was found in, for explanations.
/// </summary>
public readonly record struct VerbCandidate(string Lemma, VerbRelation Relation, int Sense, int TagCount, string LexFile, string Synset);

/// <summary>One sense of a verb: its rank (1 = most frequent), synset, lexicographer file ("communication", "contact"),
/// tag count, the synset's members and the ids of its hypernym synsets.</summary>
public sealed record VerbSense(int Rank, string Synset, string LexFile, int TagCount, IReadOnlyList<string> Members, IReadOnlyList<string> Hypernyms);

/// <summary>One sense of a noun: lexicographer file ("act", "person"), tag count, and the verbs it is derived from or
/// gives ("negotiation" -> "negotiate"), empty when none.</summary>
public sealed record NounSense(int Rank, string LexFile, int TagCount, IReadOnlyList<string> Verbs);

/// <summary>
/// English verb lexicon from WordNet (data/lang/en, built by <c>parley build lexicon</c>): the senses of every verb in
/// frequency order, their synonyms and hypernyms, WordNet's irregular verb forms, and the verbs that nouns derive from
/// ("negotiation" -> "negotiate"). It lets the coder reach a verb absent from its dictionary through a dictionary verb
/// that is a synonym or direct hypernym in a frequent sense ("pummel" -> "hit", "rebuff" -> "reject"). Immutable and
/// thread-safe once loaded; <see cref="Shared"/> loads it once per process. Lemmas are looked up in lower case with
/// spaces read as '_' ("call off" = "call_off").
/// </summary>
public sealed class VerbLexicon
{
    public const string VerbFile = "verb-synsets.tsv.gz";
    public const string NounFile = "noun-verbs.tsv.gz";

    /// <summary>Noun senses that name an event or act rather than a person, group or thing (WordNet lexicographer files).
    /// "communication" covers talks, statements and appeals; "possession" payments, loans and aid.</summary>
    public static readonly FrozenSet<string> EventNounFiles =
        new[] { "act", "event", "communication", "process", "phenomenon", "possession" }.ToFrozenSet(StringComparer.Ordinal);

    private sealed class Synset(int offset, string lexFile, string[] members, int[] hypernymOffsets)
    {
        public readonly int Offset = offset;
        public readonly string LexFile = lexFile;
        public readonly string[] Members = members;
        public readonly int[] HypernymOffsets = hypernymOffsets;
        public Synset[] Hypernyms = [];
        public string Id => Offset.ToString("D8", CultureInfo.InvariantCulture);
    }

    private readonly record struct Sense(Synset Synset, int TagCount);

    private readonly FrozenDictionary<int, Synset> _synsets;
    private readonly FrozenDictionary<string, Sense[]> _verbs;
    private readonly FrozenDictionary<string, string[]> _forms;
    private readonly FrozenDictionary<string, NounSense[]> _nouns;
    private readonly FrozenDictionary<string, Sense[]>.AlternateLookup<ReadOnlySpan<char>> _verbSpans;

    private VerbLexicon(Dictionary<int, Synset> synsets, Dictionary<string, Sense[]> verbs, Dictionary<string, string[]> forms, Dictionary<string, NounSense[]> nouns)
    {
        _synsets = synsets.ToFrozenDictionary();
        _verbs = verbs.ToFrozenDictionary(StringComparer.Ordinal);
        _forms = forms.ToFrozenDictionary(StringComparer.Ordinal);
        _nouns = nouns.ToFrozenDictionary(StringComparer.Ordinal);
        _verbSpans = _verbs.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int VerbCount => _verbs.Count;
    /// <summary>Every verb lemma, in no particular order.</summary>
    public IReadOnlyList<string> VerbLemmas => _verbs.Keys;
    /// <summary>Every noun that has a sense derivationally related to a verb, in no particular order.</summary>
    public IReadOnlyList<string> NounLemmas => _nouns.Keys;
    public int SynsetCount => _synsets.Count;
    public int IrregularFormCount => _forms.Count;
    public int NounCount => _nouns.Count;

    /// <summary>data/lang/en of the installation (beside the executable or in the repository), or null.</summary>
    public static string? FindFolder()
    {
        var root = ModelLocator.FindRoot("data");
        if (root is null) return null;
        var path = Path.Combine(root, "lang", "en");
        return File.Exists(Path.Combine(path, VerbFile)) ? path : null;
    }

    /// <summary>Loads the lexicon from <paramref name="folder"/> (default: <see cref="FindFolder"/>); the noun file is optional.</summary>
    public static VerbLexicon Load(string? folder = null)
    {
        folder ??= FindFolder() ?? throw new DirectoryNotFoundException($"data/lang/en/{VerbFile} not found (run `parley build lexicon`)");
        using var verbs = OpenGzip(Path.Combine(folder, VerbFile));
        var nounPath = Path.Combine(folder, NounFile);
        using var nouns = File.Exists(nounPath) ? OpenGzip(nounPath) : null;
        return Read(verbs, nouns, folder);
    }

    private static StreamReader OpenGzip(string path) =>
        new(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), System.Text.Encoding.UTF8, false, 1 << 16);

    private static readonly Lazy<VerbLexicon> SharedLexicon = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The installation's lexicon, loaded once per process.</summary>
    public static VerbLexicon Shared => SharedLexicon.Value;

    /// <summary>Reads the formats written by <see cref="LexiconBuilder"/>; <paramref name="name"/> names the input in errors.</summary>
    public static VerbLexicon Read(TextReader verbs, TextReader? nouns, string name = "lexicon")
    {
        var pool = new StringPool();
        var synsets = new Dictionary<int, Synset>();
        var lemmaLines = new List<(string Lemma, string Senses, int Line)>();
        var forms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (c, lineNo) in Records(verbs))
        {
            switch (c[0])
            {
                case "S" when c.Length == 5:
                    {
                        int offset = ParseOffset(c[1], name, lineNo);
                        var hypers = c[4] == "-" ? [] : Array.ConvertAll(c[4].Split(' '), h => ParseOffset(h, name, lineNo));
                        synsets[offset] = new Synset(offset, pool.Get(c[2]), pool.Split(c[3], ' '), hypers);
                        break;
                    }
                case "L" when c.Length == 3:
                    lemmaLines.Add((pool.Get(c[1]), c[2], lineNo));
                    break;
                case "X" when c.Length == 3:
                    forms[c[1]] = pool.Split(c[2], ' ');
                    break;
                default:
                    throw new InvalidDataException($"{name} line {lineNo}: expected an S, L or X record");
            }
        }
        foreach (var s in synsets.Values)
        {
            s.Hypernyms = new Synset[s.HypernymOffsets.Length];
            for (int i = 0; i < s.Hypernyms.Length; i++)
                s.Hypernyms[i] = synsets.GetValueOrDefault(s.HypernymOffsets[i])
                    ?? throw new InvalidDataException($"{name}: synset {s.Id} has hypernym {s.HypernymOffsets[i]:D8}, which is not listed");
        }
        var byLemma = new Dictionary<string, Sense[]>(lemmaLines.Count, StringComparer.Ordinal);
        foreach (var (lemma, list, line) in lemmaLines)
        {
            var parts = list.Split(' ');
            var senses = new Sense[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                int colon = parts[i].IndexOf(':');
                if (colon < 0 || !int.TryParse(parts[i].AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int tags))
                    throw new InvalidDataException($"{name} line {line}: sense '{parts[i]}' is not <synset>:<tag count>");
                int offset = ParseOffset(parts[i][..colon], name, line);
                senses[i] = new Sense(synsets.GetValueOrDefault(offset)
                    ?? throw new InvalidDataException($"{name} line {line}: synset {parts[i][..colon]} is not listed"), tags);
            }
            byLemma[lemma] = senses;
        }
        var nounSenses = nouns is null ? [] : ReadNouns(nouns, name, pool);
        return new VerbLexicon(synsets, byLemma, forms, nounSenses);
    }

    /// <summary>The tab-separated records of a lexicon file with their line numbers, without comments and empty lines.</summary>
    private static IEnumerable<(string[] Cells, int Line)> Records(TextReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0 && line[0] != '#') yield return (line.Split('\t'), number);
        }
    }

    private static int ParseOffset(string text, string name, int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
            ? offset : throw new InvalidDataException($"{name} line {line}: '{text}' is not a synset id");

    private static Dictionary<string, NounSense[]> ReadNouns(TextReader reader, string name, StringPool pool)
    {
        var nouns = new Dictionary<string, NounSense[]>(StringComparer.Ordinal);
        foreach (var (c, lineNo) in Records(reader))
        {
            if (c.Length < 3 || c[0] != "N") throw new InvalidDataException($"{name} (nouns) line {lineNo}: expected an N record");
            var senses = new NounSense[c.Length - 2];
            for (int i = 0; i < senses.Length; i++)
            {
                var f = c[i + 2].Split(':');
                if (f.Length != 3 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int tags))
                    throw new InvalidDataException($"{name} (nouns) line {lineNo}: sense '{c[i + 2]}' is not <file>:<tag count>:<verbs>");
                senses[i] = new NounSense(i + 1, pool.Get(f[0]), tags, f[2].Length == 0 ? [] : pool.Split(f[2], ','));
            }
            nouns[c[1]] = senses;
        }
        return nouns;
    }

    /// <summary>One string instance per distinct word while loading: a verb is a key, a synset member, a hypernym member and
    /// a noun's verb, and the lexicon keeps it once.</summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spans;

        public StringPool() => _spans = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> text)
        {
            if (_spans.TryGetValue(text, out var s)) return s;
            s = text.ToString();
            _strings[s] = s;
            return s;
        }

        public string[] Split(string text, char separator)
        {
            var span = text.AsSpan();
            var parts = new string[span.Count(separator) + 1];
            int i = 0;
            foreach (var range in span.Split(separator)) parts[i++] = Get(span[range]);
            return parts;
        }
    }

    /// <summary>Lower case, spaces as '_'; allocates only when the key changes.</summary>
    private static string Key(string word)
    {
        foreach (char ch in word)
            if (ch == ' ' || char.IsUpper(ch)) return word.Trim().ToLowerInvariant().Replace(' ', '_');
        return word;
    }

    /// <summary>The senses of <paramref name="lemma"/>, else of the verb it is an irregular form of ("forbade"), else null.</summary>
    private Sense[]? SensesOf(string lemma)
    {
        string key = Key(lemma);
        if (_verbs.TryGetValue(key, out var senses)) return senses;
        if (_forms.TryGetValue(key, out var bases))
            foreach (var b in bases)
                if (_verbs.TryGetValue(b, out senses)) return senses;
        return null;
    }

    /// <summary>Whether WordNet knows <paramref name="lemma"/> as a verb (a lemma, not an inflected form).</summary>
    public bool IsVerb(string lemma) => _verbs.ContainsKey(Key(lemma));

    /// <summary>Whether WordNet knows <paramref name="lemma"/> as a verb, without allocating (the lemma as the parser gives it).</summary>
    public bool IsVerb(ReadOnlySpan<char> lemma) => _verbSpans.ContainsKey(lemma);

    /// <summary>The base forms of an irregular verb form ("fought" -> "fight"), empty when WordNet lists none.</summary>
    public IReadOnlyList<string> BaseForms(string form) => _forms.TryGetValue(Key(form), out var b) ? b : [];

    /// <summary>The senses of a verb, most frequent first (an irregular form is read as its verb), empty when unknown.</summary>
    public IReadOnlyList<VerbSense> Senses(string verbLemma)
    {
        var senses = SensesOf(verbLemma);
        if (senses is null) return [];
        var result = new VerbSense[senses.Length];
        for (int i = 0; i < senses.Length; i++)
        {
            var s = senses[i].Synset;
            result[i] = new VerbSense(i + 1, s.Id, s.LexFile, senses[i].TagCount, s.Members, Array.ConvertAll(s.Hypernyms, h => h.Id));
        }
        return result;
    }

    /// <summary>The members of a verb synset given by its id (as in <see cref="VerbSense.Synset"/>), empty when unknown.</summary>
    public IReadOnlyList<string> SynsetMembers(string synset) =>
        int.TryParse(synset, NumberStyles.None, CultureInfo.InvariantCulture, out int offset) && _synsets.TryGetValue(offset, out var s) ? s.Members : [];

    /// <summary>
    /// The verbs that may stand in for <paramref name="verbLemma"/>: for each of its first <paramref name="maxSenses"/>
    /// senses in frequency order, the other members of the sense's synset, then (when <paramref name="hypernyms"/>) the
    /// members of its direct hypernyms. Each lemma appears once, at its first (most frequent) sense. Empty when WordNet
    /// does not know the verb.
    /// </summary>
    public IReadOnlyList<VerbCandidate> Related(string verbLemma, int maxSenses = 3, bool hypernyms = true)
    {
        var senses = SensesOf(verbLemma);
        if (senses is null) return [];
        string self = Key(verbLemma);
        var result = new List<VerbCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { self };
        // An irregular form asked for ("forbade") must not yield its own base form ("forbid") as a candidate.
        if (!_verbs.ContainsKey(self) && _forms.TryGetValue(self, out var bases)) seen.UnionWith(bases);
        int n = Math.Min(maxSenses, senses.Length);
        for (int i = 0; i < n; i++)
        {
            var (synset, tags) = senses[i];
            foreach (var m in synset.Members)
                if (seen.Add(m)) result.Add(new VerbCandidate(m, VerbRelation.Synonym, i + 1, tags, synset.LexFile, synset.Id));
            if (!hypernyms) continue;
            foreach (var h in synset.Hypernyms)
                foreach (var m in h.Members)
                    if (seen.Add(m)) result.Add(new VerbCandidate(m, VerbRelation.Hypernym, i + 1, tags, synset.LexFile, h.Id));
        }
        return result;
    }

    /// <summary>The lemmas of <see cref="Related"/>: synonyms and direct hypernyms of the verb's first
    /// <paramref name="maxSenses"/> senses, most frequent sense first.</summary>
    public IEnumerable<string> Candidates(string verbLemma, int maxSenses = 3)
    {
        foreach (var c in Related(verbLemma, maxSenses)) yield return c.Lemma;
    }

    /// <summary>
    /// The first candidate of <see cref="Related"/> that <paramref name="known"/> accepts (for the coder: a verb of its
    /// dictionary), or null: the synonym or hypernym of the verb's most frequent sense that the dictionary codes.
    /// </summary>
    public VerbCandidate? FirstKnown(string verbLemma, Func<string, bool> known, int maxSenses = 3, bool hypernyms = true)
    {
        foreach (var c in Related(verbLemma, maxSenses, hypernyms))
            if (known(c.Lemma)) return c;
        return null;
    }

    /// <summary>The senses of a noun that WordNet relates to a verb (with all its other senses), empty when none.</summary>
    public IReadOnlyList<NounSense> NounSenses(string nounLemma) => _nouns.TryGetValue(Key(nounLemma), out var s) ? s : [];

    /// <summary>
    /// The verb an event noun names ("negotiation" -> "negotiate", "visit" -> "visit"): the first verb of the noun's first
    /// sense among its <paramref name="maxSenses"/> most frequent that is an act or event (<see cref="EventNounFiles"/>)
    /// and derived from a verb; null otherwise ("president" is a person, not an act of presiding).
    /// </summary>
    public string? VerbOfNoun(string nounLemma, int maxSenses = 1)
    {
        if (!_nouns.TryGetValue(Key(nounLemma), out var senses)) return null;
        int n = Math.Min(maxSenses, senses.Length);
        for (int i = 0; i < n; i++)
            if (senses[i].Verbs.Count > 0 && EventNounFiles.Contains(senses[i].LexFile)) return senses[i].Verbs[0];
        return null;
    }
}
