using System.Globalization;
using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Cameo;

/// <summary>
/// Everything the event coder reads from data/cameo: ontology, verb patterns, agent nouns, discard phrases and
/// country codes. Built by <c>parley build cameo</c>; loaded once and shared (immutable, thread-safe).
/// </summary>
public sealed class CameoData
{
    public const string AgentsFile = "agents.tsv";
    public const string DiscardsFile = "discards.tsv";
    public const string CountriesFile = "countries.tsv";
    /// <summary>The knowledge base's agent table (data/kb, beside data/cameo): key (words joined by spaces) \t role.</summary>
    public const string KbAgentsFile = "agents.tsv.gz";
    /// <summary>The knowledge base's parties in government (data/kb/governments.tsv.gz): kb id \t GOV code \t from \t to.</summary>
    public const string KbGovernmentsFile = "governments.tsv.gz";

    public required CameoOntology Ontology { get; init; }
    public required VerbDictionary Verbs { get; init; }
    internal AgentLexicon Agents { get; init; } = new();
    /// <summary>Event nouns and the code of the event each names (data/cameo/event-nouns.tsv).</summary>
    internal EventNounTable EventNouns { get; init; } = new();
    internal DiscardList Discards { get; init; } = new();
    /// <summary>Which party governs its country on a date (issue 11); empty for a construction suite's dictionaries.</summary>
    internal GoverningParties Governments { get; init; } = new();
    internal CountryCodes Countries { get; init; } = new();
    /// <summary>UD-PETRARCH's negation through its internal coding ontology, when a suite's dictionaries include one
    /// (read under PETRARCH's conventions only); null otherwise.</summary>
    public CodeNegations? Negations { get; init; }

    /// <summary>The data/cameo folder of the installation (beside the executable or in the repository), or null.</summary>
    public static string? FindFolder()
    {
        var root = ModelLocator.FindRoot("data");
        if (root is null) return null;
        var path = Path.Combine(root, "cameo");
        return File.Exists(Path.Combine(path, CameoOntology.FileName)) ? path : null;
    }

    /// <summary>Loads data/cameo from <paramref name="folder"/> (default: <see cref="FindFolder"/>).</summary>
    public static CameoData Load(string? folder = null)
    {
        folder ??= FindFolder() ?? throw new DirectoryNotFoundException("data/cameo not found (run `parley build cameo`)");
        return new CameoData
        {
            Ontology = CameoOntology.Load(folder),
            Verbs = VerbDictionary.Load(folder),
            // The knowledge base's agent table (Phoenix plus the project's supplement) first, then data/cameo's own list
            // for what it lacks.
            Agents = AgentLexicon.Load(Path.Combine(folder, "..", "kb", KbAgentsFile), Path.Combine(folder, AgentsFile)),
            Discards = DiscardList.Load(Path.Combine(folder, DiscardsFile)),
            Governments = GoverningParties.Load(Path.Combine(folder, "..", "kb", KbGovernmentsFile)),
            EventNouns = EventNounTable.Load(Path.Combine(folder, EventNounTable.FileName)),
            Countries = CountryCodes.Load(Path.Combine(folder, CountriesFile)),
        };
    }

    /// <summary>
    /// Coder data made of PETRARCH dictionaries (a verb file, an agent file, a discard list) in place of data/cameo's, with
    /// the installation's ontology: the construction suites are coded with their own small dictionaries. Every
    /// three-letter actor code in <paramref name="countryCodes"/> counts as a country, so that agents attach to it
    /// ("Arnorian soldiers").
    /// </summary>
    public static CameoData FromPetrarch(TextReader verbs, TextReader? agents, TextReader? discards, IEnumerable<string> countryCodes, CameoOntology ontology) =>
        FromPetrarch(verbs, agents, discards, countryCodes, ontology, out _);

    /// <inheritdoc cref="FromPetrarch(TextReader, TextReader?, TextReader?, IEnumerable{string}, CameoOntology)"/>
    public static CameoData FromPetrarch(TextReader verbs, TextReader? agents, TextReader? discards, IEnumerable<string> countryCodes,
        CameoOntology ontology, out VerbConversionReport report, TextReader? codingOntology = null)
    {
        var verbText = new StringWriter();
        report = PetrarchVerbConverter.Convert(verbs, verbText, ontology);
        var lex = new AgentLexicon();
        if (agents is not null)
        {
            var agentText = new StringWriter();
            CameoBuilder.ConvertAgents(agents, agentText, supplement: false);
            foreach (var line in agentText.ToString().Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (c.Length >= 2) lex.Add(c[0], c[1]);
            }
        }
        var discardList = new DiscardList();
        if (discards is not null)
        {
            var discardText = new StringWriter();
            CameoBuilder.ConvertDiscards(discards, discardText);
            foreach (var line in discardText.ToString().Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (c.Length >= 2) discardList.Add(c[0], c[1] == "story");
            }
        }
        var countries = new CountryCodes();
        foreach (var code in countryCodes) if (code.Length == 3) countries.Add(code, "");
        return new CameoData
        {
            Ontology = ontology,
            Verbs = VerbDictionary.Read(new StringReader(verbText.ToString())),
            Agents = lex,
            Discards = discardList,
            Countries = countries,
            Negations = codingOntology is null ? null : CodeNegations.Read(codingOntology),
        };
    }

    private static CameoData? _shared;
    private static object? _sharedGate;

    /// <summary>The installation's data, loaded once per process.</summary>
    public static CameoData Shared => LazyInitializer.EnsureInitialized(ref _shared, ref _sharedGate, () => Load());

    /// <summary>The rows of a TSV table (a gzip file read as such), without blank and '#' lines.</summary>
    internal static IEnumerable<string[]> ReadTsv(string path)
    {
        using var reader = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress))
            : new StreamReader(path);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }
}

/// <summary>Agent nouns ("soldier" -> MIL, "government troops" -> MIL): the role a generic noun gives an actor.</summary>
internal sealed class AgentLexicon
{
    private readonly Dictionary<int, string> _single = [];
    private readonly Dictionary<int, List<(int[][] Mods, string Role)>> _phrases = [];

    public int Count { get; private set; }

    /// <summary>Loads agent tables in order (an earlier table wins for a phrase listed twice); gzip files are read as such.</summary>
    public static AgentLexicon Load(params string[] paths)
    {
        var lex = new AgentLexicon();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) continue;
            foreach (var c in CameoData.ReadTsv(path))
            {
                if (c.Length < 2 || c[0].Length == 0) continue;
                string key = c[0];
                // Knowledge-base keys keep articles ("a cabinet meeting"); the coder matches heads and their modifiers.
                if (key.StartsWith("a ", StringComparison.Ordinal) || key.StartsWith("the ", StringComparison.Ordinal)) continue;
                lex.Add(key.Replace(' ', '_'), c[1]);
            }
        }
        return lex;
    }

    private static readonly HashSet<string> PhrasePrepositions = new(StringComparer.Ordinal) { "of", "for", "in", "on" };

    public void Add(string phrase, string role)
    {
        var words = phrase.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        Count++;
        // "ministry of silly walks": the head is the noun before the preposition; the other words hang below it.
        int prep = Array.FindIndex(words, w => PhrasePrepositions.Contains(w));
        if (prep > 0 && prep < words.Length - 1)
        {
            var rest = new List<string>(words[..(prep - 1)]);
            for (int i = prep + 1; i < words.Length; i++) rest.Add(words[i]);
            words = [.. rest, words[prep - 1]];
        }
        if (words.Length == 1)
        {
            foreach (int id in VerbDictionary.LemmaIds(words[0])) _single.TryAdd(id, role);
            // A title written with its capital is a proper-noun lemma ("President", "Representative").
            foreach (int id in VerbDictionary.LemmaIds(words[0])) _single.TryAdd(StringStore.Intern(TextChars.Capitalised(StringStore.Get(id))), role);
            return;
        }
        var mods = new int[words.Length - 1][];
        for (int i = 0; i < mods.Length; i++) mods[i] = VerbDictionary.LemmaIds(words[i]);
        foreach (int id in VerbDictionary.LemmaIds(words[^1]))
        {
            foreach (int key in new[] { id, StringStore.Intern(TextChars.Capitalised(StringStore.Get(id))) })
            {
                if (!_phrases.TryGetValue(key, out var list)) _phrases[key] = list = [];
                list.Add((mods, role));
            }
        }
    }

    /// <summary>A role written before the actor's code ("NGO~": "MSF Arnor" -> NGOARN) rather than after it.</summary>
    public bool IsPrefix(string role) => role.EndsWith('~');

    /// <summary>True when <paramref name="modifier"/> is one of the words of a multi-word agent phrase matched on
    /// <paramref name="token"/> ("security" in "security officials"): it gives no role of its own.</summary>
    public bool IsPartOfPhrase(in SentenceGraph g, int token, int modifier)
    {
        if (!_phrases.TryGetValue(g.Lemma(token), out var list)) return false;
        int ml = g.Lemma(modifier);
        foreach (var (mods, _) in list)
        {
            bool all = true;
            for (int m = 0; m < mods.Length && all; m++) all = HasDependent(g, token, mods[m], 3);
            if (!all) continue;
            for (int m = 0; m < mods.Length; m++) if (Array.IndexOf(mods[m], ml) >= 0) return true;
        }
        return false;
    }

    /// <summary>Agent nouns that also name a stance: "Biden's opposition to the ban" is not the opposition.</summary>
    private static readonly int Opposition = StringStore.Intern("opposition"), To = StringStore.Intern("to");

    /// <summary>"shadow chancellor", "Shadow Foreign Secretary": a Westminster-system opposition spokesperson, not the office.</summary>
    private static readonly int Shadow = StringStore.Intern("shadow"), ShadowCapital = StringStore.Intern("Shadow");

    /// <summary>The role code of the noun phrase headed by <paramref name="token"/>, or null. A government title under "shadow"
    /// ("shadow home secretary", GOV...) is the opposition's (OPP): the office itself is the government's.</summary>
    public string? RoleOf(in SentenceGraph g, int token)
    {
        var role = TitleRoleOf(g, token);
        return role is not null && role.StartsWith("GOV", StringComparison.Ordinal) && IsShadowTitle(g, token) ? "OPP" : role;
    }

    /// <summary>"Shadow" hangs on the title or on a word of it ("shadow home secretary": on "home"): the opposition's
    /// spokesperson for the office, a role no party named with it changes ("Tory shadow chancellor" is OPP).</summary>
    public static bool IsShadowTitle(in SentenceGraph g, int token)
    {
        for (int c = g.FirstChild(token); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Compound or Rel.Amod) || c > token) continue;
            if (IsShadow(g.Lemma(c))) return true;
            for (int d = g.FirstChild(c); d >= 0; d = g.NextSibling(d))
                if (g.RelOf(d) is Rel.Compound or Rel.Amod && IsShadow(g.Lemma(d))) return true;
        }
        return false;
    }

    private static bool IsShadow(int lemma) => lemma == Shadow || lemma == ShadowCapital;

    private string? TitleRoleOf(in SentenceGraph g, int token)
    {
        int lemma = g.Lemma(token);
        if (lemma == Opposition && IsStance(g, token)) return null;
        if (SplitPhraseRole(g, token) is { } split) return split;
        if (_phrases.TryGetValue(lemma, out var list))
        {
            // The longest phrase that matches: "main opposition group" (MOP) over "opposition group" (OPP); a modifier may
            // hang on another ("human rights activists": human on rights).
            string? best = null;
            int bestMods = 0;
            // The lemmas HasDependent(g, token, _, 3) reaches, gathered once for every phrase of the list (some lists are long).
            Span<int> reach = stackalloc int[ReachCapacity];
            int reached = Reach(g, token, reach, 0, 3);
            foreach (var (mods, role) in list)
            {
                if (mods.Length <= bestMods) continue;
                bool all = true;
                for (int m = 0; m < mods.Length && all; m++)
                    all = reached >= 0 ? reach[..reached].ContainsAny(mods[m]) : HasDependent(g, token, mods[m], 3);
                if (all) { best = role; bestMods = mods.Length; }
            }
            if (best is not null) return best;
        }
        if (_single.TryGetValue(lemma, out var r)) return r;
        // A capitalised plural keeps its form as a proper-noun lemma ("the Calenardhon Congresses").
        if (g.Upos(token) == UPos.PROPN)
        {
            string lower = StringStore.Get(lemma).ToLowerInvariant();
            string singular = VerbDictionary.Singular(lower);
            if (StringStore.TryGet(singular, out int id) && _single.TryGetValue(id, out r)) return r;
            if (StringStore.TryGet(lower, out id) && _single.TryGetValue(id, out r)) return r;
        }
        return null;
    }

    /// <summary>
    /// The role of a two-word title whose head the parser split off <paramref name="token"/>: "Attorney General Edwin Meese"
    /// parsed with "General" hung on the name, not on "Attorney", is still the attorney general (GOV), not an attorney.
    /// Only when the first word is an agent noun alone and does not hang on the next (then the phrase lookup on the next
    /// word reads it: "law enforcement individuals"). The phrase is keyed on its last word, so "attorney, general of New York" with "general" in apposition to "attorney"
    /// is read the same way.
    /// </summary>
    private string? SplitPhraseRole(in SentenceGraph g, int token)
    {
        int next = token + 1;
        // Only a word that is a title of its own ("attorney", JUD) is misread so; "Chief executive X" keeps its reading.
        if (next >= g.End || g.Head(token) == next || !_single.ContainsKey(g.Lemma(token)) || !_phrases.TryGetValue(g.Lemma(next), out var list)) return null;
        int lemma = g.Lemma(token);
        foreach (var (mods, role) in list)
            if (mods.Length == 1 && Array.IndexOf(mods[0], lemma) >= 0) return role;
        return null;
    }

    private const int ReachCapacity = 64;

    /// <summary>
    /// The lemmas of the dependents <see cref="HasDependent"/> looks at within <paramref name="depth"/> levels, appended to
    /// <paramref name="into"/> from <paramref name="count"/> on; returns the new count, or -1 when they do not fit.
    /// </summary>
    private static int Reach(in SentenceGraph g, int token, Span<int> into, int count, int depth)
    {
        for (int c = g.FirstChild(token); c >= 0 && count >= 0; c = g.NextSibling(c))
        {
            if (count == into.Length) return -1;
            into[count++] = g.Lemma(c);
            if (depth > 1 && g.RelOf(c) is Rel.Amod or Rel.Compound or Rel.Nmod or Rel.Case or Rel.Flat) count = Reach(g, c, into, count, depth - 1);
        }
        return count;
    }

    /// <summary>A dependent of <paramref name="token"/> within <paramref name="depth"/> levels whose lemma is one of <paramref name="lemmas"/>.</summary>
    private static bool HasDependent(in SentenceGraph g, int token, int[] lemmas, int depth)
    {
        for (int c = g.FirstChild(token); c >= 0; c = g.NextSibling(c))
        {
            if (Array.IndexOf(lemmas, g.Lemma(c)) >= 0) return true;
            if (depth > 1 && g.RelOf(c) is Rel.Amod or Rel.Compound or Rel.Nmod or Rel.Case or Rel.Flat && HasDependent(g, c, lemmas, depth - 1)) return true;
        }
        return false;
    }

    private static bool IsStance(in SentenceGraph g, int token)
    {
        for (int c = g.FirstChild(token); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Nmod or Rel.Acl && g.CaseOf(c) is int cs and >= 0 && g.Lemma(cs) == To) return true;
        return false;
    }
}

/// <summary>Discard phrases (sports, entertainment): a sentence, or with scope "story" the whole document, is not coded.</summary>
internal sealed class DiscardList
{
    private readonly Dictionary<int, List<(int[][] Tail, bool Story)>> _byFirst = [];

    public int Count { get; private set; }

    public static DiscardList Load(string path)
    {
        var list = new DiscardList();
        if (File.Exists(path)) foreach (var c in CameoData.ReadTsv(path)) if (c.Length >= 2) list.Add(c[0], c[1] == "story");
        return list;
    }

    public void Add(string phrase, bool story)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return;
        Count++;
        var rest = new int[words.Length - 1][];
        for (int i = 1; i < words.Length; i++) rest[i - 1] = Variants(words[i]);
        foreach (int id in Variants(words[0]))
        {
            if (!_byFirst.TryGetValue(id, out var l)) _byFirst[id] = l = [];
            l.Add((rest, story));
        }
    }

    /// <summary>
    /// 0 no match, 1 sentence discard, 2 story discard. A year among the phrases ("1944", "2005") marks a sentence about
    /// the past: it discards only when the year is more than a year before <paramref name="publishedYear"/> ("by 2007" in an
    /// article of 2005 is the future), and never in an undated article.
    /// </summary>
    public int Match(ReadOnlySpan<TokenData> tokens, int first, int end, int? publishedYear = null)
    {
        int result = 0;
        for (int t = first; t < end; t++)
        {
            if (!_byFirst.TryGetValue(tokens[t].Lemma, out var list)) continue;
            if (YearOf(tokens[t].Lemma) is int year && (publishedYear is not int py || year >= py - 1)) continue;
            foreach (var (rest, story) in list)
            {
                if (t + rest.Length >= end) continue;
                bool ok = true;
                for (int k = 0; k < rest.Length && ok; k++) ok = Array.IndexOf(rest[k], tokens[t + 1 + k].Lemma) >= 0;
                if (!ok) continue;
                if (story) return 2;
                result = 1;
            }
        }
        return result;
    }

    private static int? YearOf(int lemma)
    {
        var w = StringStore.Get(lemma);
        return w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is > 1000 and < 2200 ? y : null;
    }

    private static int[] Variants(string word)
    {
        var ids = new HashSet<int>();
        foreach (var w in new[] { word, VerbDictionary.Singular(word) })
        {
            ids.Add(StringStore.Intern(w));
            ids.Add(StringStore.Intern(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
            ids.Add(StringStore.Intern(w.ToUpperInvariant()));
        }
        return [.. ids];
    }
}

/// <summary>ISO 3166-1 alpha-3 country codes and their FIPS 10-4 equivalents (GDELT geography).</summary>
internal sealed class CountryCodes
{
    private readonly Dictionary<string, string> _fips = new(StringComparer.Ordinal);

    public static CountryCodes Load(string path)
    {
        var cc = new CountryCodes();
        if (File.Exists(path)) foreach (var c in CameoData.ReadTsv(path)) if (c.Length >= 2) cc._fips[c[0]] = c[1];
        return cc;
    }

    internal void Add(string iso3, string fips) => _fips[iso3] = fips;

    public bool IsCountry(ReadOnlySpan<char> iso3) => iso3.Length == 3 && _fips.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(iso3);

    public string? Fips(string? iso3) => iso3 is not null && _fips.TryGetValue(iso3, out var f) && f.Length > 0 ? f : null;

    public int Count => _fips.Count;
}

/// <summary>Event nouns ("meeting", "attack") and the code of the event each names when coded as a nominal.</summary>
internal sealed class EventNounTable
{
    public const string FileName = "event-nouns.tsv";

    private readonly Dictionary<int, string> _codes = [];

    public static EventNounTable Load(string path)
    {
        var table = new EventNounTable();
        if (!File.Exists(path)) return table;
        foreach (var c in CameoData.ReadTsv(path))
        {
            if (c.Length < 2) continue;
            table._codes[StringStore.Intern(c[0])] = c[1];
            table._codes[StringStore.Intern(TextChars.Capitalised(c[0]))] = c[1];
        }
        return table;
    }

    public string? CodeOf(int lemma) => _codes.TryGetValue(lemma, out var c) ? c : null;
}
