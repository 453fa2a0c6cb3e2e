using System.Globalization;
using System.IO.Compression;
using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Cameo;

/// <summary>Where a pattern finds an event's source or target.</summary>
internal enum ArgumentRole : byte
{
    /// <summary>The coder's default: active subject / passive by-agent for the source, object or preposition object for the target.</summary>
    Default = 0,
    Subject,
    Object,
    /// <summary>The object of one of the pattern's prepositional conditions (<see cref="PrepCondition.Role"/>).</summary>
    Preposition,
}

/// <summary>Matches a token by lemma: one of several alternatives, each a head lemma with optional modifier lemmas.</summary>
internal sealed class WordMatcher
{
    private readonly HashSet<int> _heads = [];
    private readonly List<(HashSet<int> Heads, int[][] Mods)> _phrases = [];
    /// <summary>Every head of <see cref="_phrases"/>: a word that heads none needs no look at each phrase.</summary>
    private readonly HashSet<int> _phraseHeads = [];

    public string Label { get; }

    public WordMatcher(string label) => Label = label;

    public bool IsEmpty => _heads.Count == 0 && _phrases.Count == 0;

    public void AddWord(string word)
    {
        foreach (int id in VerbDictionary.LemmaIds(word)) _heads.Add(id);
    }

    /// <summary>A multi-word member ("prime minister"): the last word is the head, the others must be its dependents.</summary>
    public void AddPhrase(string[] words)
    {
        if (words.Length == 1) { AddWord(words[0]); return; }
        var heads = new HashSet<int>(VerbDictionary.LemmaIds(words[^1]));
        var mods = new int[words.Length - 1][];
        for (int i = 0; i < mods.Length; i++) mods[i] = VerbDictionary.LemmaIds(words[i]);
        _phrases.Add((heads, mods));
        _phraseHeads.UnionWith(heads);
    }

    public void AddAll(WordMatcher other)
    {
        _heads.UnionWith(other._heads);
        _phrases.AddRange(other._phrases);
        _phraseHeads.UnionWith(other._phraseHeads);
    }

    /// <summary>True when <paramref name="lemma"/> matches a single-word alternative (modifiers are not checked).</summary>
    public bool MatchesHead(int lemma) => _heads.Contains(lemma);

    /// <summary>True when some alternative's words are all among <paramref name="lemmas"/> (the auxiliaries of a verb:
    /// "did n't" matches "did" and "not" as the verb's own auxiliary and negation).</summary>
    public bool MatchesAmong(ReadOnlySpan<int> lemmas)
    {
        foreach (int l in lemmas) if (_heads.Contains(l)) return true;
        foreach (var (heads, mods) in _phrases)
        {
            bool head = false;
            foreach (int l in lemmas) if (heads.Contains(l)) { head = true; break; }
            if (!head) continue;
            bool all = true;
            for (int m = 0; m < mods.Length && all; m++)
            {
                bool found = false;
                foreach (int l in lemmas) if (Array.IndexOf(mods[m], l) >= 0) { found = true; break; }
                all = found;
            }
            if (all) return true;
        }
        return false;
    }

    public bool Matches(in SentenceGraph g, int token)
    {
        int lemma = g.Lemma(token);
        if (_heads.Contains(lemma)) return true;
        if (!_phraseHeads.Contains(lemma)) return false;
        for (int i = 0; i < _phrases.Count; i++)
        {
            var (heads, mods) = _phrases[i];
            if (!heads.Contains(lemma)) continue;
            bool all = true;
            for (int m = 0; m < mods.Length && all; m++) all = g.HasChildWithLemma(token, mods[m]);
            if (all) return true;
        }
        return false;
    }
}

/// <summary>A noun condition: a head matcher plus modifier matchers that must be dependents of the head.</summary>
internal sealed class NounCondition
{
    public required WordMatcher Head { get; init; }
    public WordMatcher[] Mods { get; init; } = [];
    public int Weight => 1 + Mods.Length;

    public bool Matches(in SentenceGraph g, int token)
    {
        if (!Head.Matches(g, token)) return false;
        for (int i = 0; i < Mods.Length; i++)
        {
            bool found = false;
            for (int c = g.FirstChild(token); c >= 0 && !found; c = g.NextSibling(c)) found = Mods[i].Matches(g, c);
            if (!found) return false;
        }
        return true;
    }
}

/// <summary>Words in the sentence's order after the verb, each adjacent to the one before or with words between
/// (PETRARCH's "MEMOS_ON_&amp;TIETYPES FROM"); the first word within the verb's phrase.</summary>
internal sealed class SequenceCondition
{
    public required WordMatcher[] Words { get; init; }
    /// <summary>Per word: it must follow the previous word directly (joined by '_' in the pattern).</summary>
    public required bool[] Adjacent { get; init; }

    public bool Matches(in SentenceGraph g, int verb)
    {
        for (int p = verb + 1; p < g.End; p++)
            if (Words[0].Matches(g, p) && g.Dominates(verb, p) && Rest(g, p, 1)) return true;
        return false;
    }

    private bool Rest(in SentenceGraph g, int at, int i)
    {
        if (i == Words.Length) return true;
        if (Adjacent[i]) return at + 1 < g.End && Words[i].Matches(g, at + 1) && Rest(g, at + 1, i + 1);
        for (int q = at + 1; q < g.End; q++)
            if (Words[i].Matches(g, q) && Rest(g, q, i + 1)) return true;
        return false;
    }
}

/// <summary>A prepositional condition: an oblique or nominal modifier introduced by one of <see cref="Preps"/>.</summary>
internal sealed class PrepCondition
{
    public required int[] Preps { get; init; }
    public required string Label { get; init; }
    public NounCondition? Object { get; init; }
    /// <summary>Source or target taken from this phrase's object, or Default.</summary>
    public PrepRole Role { get; init; }
    /// <summary>PETRARCH's '^' before the marker ("AT ^ +"): the actor is the phrase object's own nominal modifier ("at the
    /// people of Gondor"), not the object itself; without one the pattern does not match.</summary>
    public bool SkipHead { get; init; }
    /// <summary>PETRARCH's compound marker on the phrase ("WITH %"): its object must be coordinated actors.</summary>
    public bool Coordinated { get; init; }
    public int Weight => 1 + (Object?.Weight ?? 0);
}

internal enum PrepRole : byte { None, Source, Target }

/// <summary>One converted PETRARCH pattern: conditions on the dependency parse around a verb, and the codes they give.</summary>
internal sealed class VerbPattern
{
    /// <summary>Code of the source -> target event; null for the null code "---" (the pattern blocks coding).</summary>
    public string? Code { get; init; }
    /// <summary>Code of the paired target -> source event of "[a:b]" patterns, or null.</summary>
    public string? ReverseCode { get; init; }
    public NounCondition[] Subject { get; init; } = [];
    public NounCondition[] Nouns { get; init; } = [];
    public PrepCondition[] Preps { get; init; } = [];
    public SequenceCondition[] Sequences { get; init; } = [];
    public ArgumentRole SourceRole { get; init; }
    public ArgumentRole TargetRole { get; init; }
    /// <summary>Short readable form used in rule ids, e.g. "+with" or "+talks".</summary>
    public required string Label { get; init; }
    public int Line { get; init; }
    public int Specificity { get; init; }
    /// <summary>PETRARCH's "%" before the verb: the subject is coordinated actors ("X and Y have postponed").</summary>
    public bool CompoundSubject { get; init; }
    /// <summary>PETRARCH's "%" after the verb: the object is coordinated actors.</summary>
    public bool CompoundObject { get; init; }
}

internal sealed class VerbBlock
{
    public required string Name { get; init; }
    public string? DefaultCode { get; init; }
    /// <summary>The paired target -> source code of the block's default ("[031:031]"), or null.</summary>
    public string? DefaultReverse { get; init; }
    public List<VerbPattern> Patterns { get; } = [];
}

internal sealed class VerbEntry
{
    public required string Lemma { get; init; }
    public required int LemmaId { get; init; }
    /// <summary>Further words of a multi-word verb ("rule out", "ask for"): particles or prepositions that must depend on the verb.</summary>
    public int[][] Particles { get; init; } = [];
    public string[] ParticleWords { get; init; } = [];
    public required VerbBlock Block { get; init; }
    /// <summary>The verb's own code, else the block's default; null when the bare verb gives no event.</summary>
    public string? Code { get; init; }
    /// <summary>The paired target -> source code of the verb's own or its block's default code, or null.</summary>
    public string? Reverse { get; init; }

    /// <summary>The same entry coding only through its block's patterns.</summary>
    public VerbEntry WithoutDefault() => new()
    {
        Lemma = Lemma, LemmaId = LemmaId, Particles = Particles, ParticleWords = ParticleWords, Block = Block, Code = null, Reverse = null,
    };
}

/// <summary>
/// The CAMEO verb-pattern dictionary in the project's own format (data/cameo/verbs.tsv.gz, converted from PETRARCH2's
/// CAMEO.2.0.txt by <c>parley build cameo</c>): verb lemma -> block and default code; block patterns -> code, as
/// conditions on the dependency parse. Immutable after loading; safe to share between threads.
/// </summary>
public sealed class VerbDictionary
{
    public const string FileName = "verbs.tsv.gz";

    internal Dictionary<int, VerbEntry[]> ByLemma { get; }
    internal Dictionary<string, VerbBlock> Blocks { get; }
    internal Dictionary<string, WordMatcher> Sets { get; }

    internal VerbDictionary(Dictionary<int, VerbEntry[]> byLemma, Dictionary<string, VerbBlock> blocks, Dictionary<string, WordMatcher> sets)
    {
        ByLemma = byLemma; Blocks = blocks; Sets = sets;
    }

    public int VerbCount { get { int n = 0; foreach (var e in ByLemma.Values) n += e.Length; return n; } }
    public int PatternCount { get { int n = 0; foreach (var b in Blocks.Values) n += b.Patterns.Count; return n; } }
    public int BlockCount => Blocks.Count;

    /// <summary>Irregular forms ("shot", "fought") -> the entries of their verb, for lemmas the lemmatizer left inflected.</summary>
    internal Dictionary<int, VerbEntry[]> ByForm { get; private init; } = [];

    /// <summary>Every form some verb's irregular forms list ("found" of FIND), whether or not it is also a verb of its own.</summary>
    internal HashSet<int> ListedForms { get; private init; } = [];

    internal VerbEntry[]? Lookup(int lemmaId) => ByLemma.TryGetValue(lemmaId, out var e) ? e : null;

    /// <summary>The entries of <paramref name="lemmaId"/>, else of the verb it is an irregular form of.</summary>
    internal VerbEntry[]? LookupOrForm(int lemmaId) =>
        ByLemma.TryGetValue(lemmaId, out var e) ? e : ByForm.TryGetValue(lemmaId, out e) ? e : null;

    public static VerbDictionary Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return Read(reader);
    }

    /// <summary>Reads the line format written by <see cref="PetrarchVerbConverter"/> (documented in data/cameo/README.md).</summary>
    public static VerbDictionary Read(TextReader reader)
    {
        var sets = new Dictionary<string, WordMatcher>(StringComparer.Ordinal);
        var blocks = new Dictionary<string, VerbBlock>(StringComparer.Ordinal);
        var byLemma = new Dictionary<int, List<VerbEntry>>();
        var forms = new Dictionary<int, int>();
        var patternOnly = new HashSet<int>();
        string? line;
        int lineNo = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            try
            {
                switch (c[0])
                {
                    case "S":
                        {
                            var m = new WordMatcher(c[1]);
                            foreach (var member in c[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) m.AddPhrase(member.Split('_'));
                            sets[c[1]] = m;
                            break;
                        }
                    case "B":
                        blocks[c[1]] = new VerbBlock { Name = c[1], DefaultCode = NullCode(c[2]), DefaultReverse = c.Length > 3 ? NullCode(c[3]) : null };
                        break;
                    case "V":
                    case "V!":
                        {
                            var block = blocks[c[1]];
                            string lemma = c[2];
                            var particles = c[3] == "-" ? [] : c[3].Split(',');
                            var ids = new int[particles.Length][];
                            for (int i = 0; i < particles.Length; i++) ids[i] = LemmaIds(particles[i]);
                            var entry = new VerbEntry
                            {
                                Lemma = lemma, LemmaId = StringStore.Intern(lemma), Particles = ids, ParticleWords = particles,
                                Block = block, Code = c[4] == "=" ? block.DefaultCode : NullCode(c[4]),
                                Reverse = c[4] == "=" ? block.DefaultReverse : c.Length > 5 ? NullCode(c[5]) : null,
                            };
                            if (!byLemma.TryGetValue(entry.LemmaId, out var list)) byLemma[entry.LemmaId] = list = [];
                            // "V!" (the project's supplement) replaces the earlier entries of the same verb and particles.
                            if (c[0] == "V!") list.RemoveAll(x => x.ParticleWords.AsSpan().SequenceEqual(particles));
                            list.Add(entry);
                            break;
                        }
                    case "P":
                        blocks[c[1]].Patterns.Add(ParsePattern(c, sets));
                        break;
                    case "X":
                        // The project's supplement: a converted pattern (block, source line) that contradicts the codebook.
                        blocks[c[1]].Patterns.RemoveAll(x => x.Line == int.Parse(c[2], CultureInfo.InvariantCulture));
                        break;
                    case "N":
                        // The project's supplement: the verb codes only through its patterns (its default is wrong too often).
                        patternOnly.Add(StringStore.Intern(c[1]));
                        break;
                    case "F":
                        {
                            int lemmaId = StringStore.Intern(c[1]);
                            foreach (var form in c[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)) forms.TryAdd(StringStore.Intern(form), lemmaId);
                            break;
                        }
                    default:
                        throw new InvalidDataException($"unknown record type '{c[0]}'");
                }
            }
            catch (Exception e) when (e is IndexOutOfRangeException or KeyNotFoundException or FormatException)
            {
                throw new InvalidDataException($"{FileName} line {lineNo}: {e.Message}");
            }
        }
        var final = new Dictionary<int, VerbEntry[]>(byLemma.Count);
        foreach (var (id, list) in byLemma)
        {
            if (patternOnly.Contains(id))
                for (int i = 0; i < list.Count; i++)
                    if (list[i].Particles.Length == 0) list[i] = list[i].WithoutDefault();
            // Multi-word verbs first: they are checked before the single word (as in PETRARCH).
            list.Sort((a, b) => b.Particles.Length.CompareTo(a.Particles.Length));
            final[id] = [.. list];
        }
        // An inflected form that is itself a dictionary verb ("found", "left") keeps its own entries; one that is only the
        // first word of a multi-word verb ("shot and") gets its verb's entries after those.
        var formToVerb = new Dictionary<int, VerbEntry[]>();
        foreach (var (form, lemma) in forms)
        {
            if (!final.TryGetValue(lemma, out var entries)) continue;
            if (!final.TryGetValue(form, out var own)) formToVerb[form] = entries;
            else if (Array.TrueForAll(own, x => x.Particles.Length > 0)) final[form] = [.. own, .. entries];
        }
        return new VerbDictionary(final, blocks, sets) { ByForm = formToVerb, ListedForms = [.. forms.Keys] };
    }

    // P <block> <code> <reverse> <line> <conditions...>
    private static VerbPattern ParsePattern(string[] c, Dictionary<string, WordMatcher> sets)
    {
        var subject = new List<NounCondition>();
        var nouns = new List<NounCondition>();
        var preps = new List<PrepCondition>();
        var sequences = new List<SequenceCondition>();
        var src = ArgumentRole.Default;
        var tgt = ArgumentRole.Default;
        var label = new System.Text.StringBuilder();
        int spec = 0;
        bool compoundSubject = false, compoundObject = false;
        for (int i = 5; i < c.Length; i++)
        {
            string term = c[i];
            if (term.Length == 0) continue;
            if (term == "subj>tgt") { tgt = ArgumentRole.Subject; continue; }
            if (term == "subj>src") { src = ArgumentRole.Subject; continue; }
            if (term == "obj>tgt") { tgt = ArgumentRole.Object; continue; }
            if (term == "obj>src") { src = ArgumentRole.Object; continue; }
            if (term == "compound:subj") { compoundSubject = true; spec++; label.Append("-%"); continue; }
            if (term == "compound:obj") { compoundObject = true; spec++; label.Append("+%"); continue; }
            int colon = term.IndexOf(':');
            string kind = term[..colon];
            string rest = term[(colon + 1)..];
            switch (kind)
            {
                case "pre":
                    { var n = Noun(rest, sets, verbForms: true); subject.Add(n); spec += n.Weight; label.Append('-').Append(rest); break; }
                case "n":
                    { var n = Noun(rest, sets); nouns.Add(n); spec += n.Weight; label.Append('+').Append(rest); break; }
                case "seq":
                    { var q = Sequence(rest, sets); sequences.Add(q); spec += q.Words.Length; label.Append('+').Append(rest); break; }
                case "pp":
                    {
                        var role = PrepRole.None;
                        bool skip = rest.EndsWith('^');
                        if (skip) rest = rest[..^1];
                        bool coordinated = rest.EndsWith('%');
                        if (coordinated) { rest = rest[..^1]; spec++; label.Append('%'); }
                        if (rest.EndsWith(">src", StringComparison.Ordinal)) { role = PrepRole.Source; rest = rest[..^4]; src = ArgumentRole.Preposition; }
                        else if (rest.EndsWith(">tgt", StringComparison.Ordinal)) { role = PrepRole.Target; rest = rest[..^4]; tgt = ArgumentRole.Preposition; }
                        int c2 = rest.IndexOf(':');
                        string prep = c2 < 0 ? rest : rest[..c2];
                        var alternatives = prep.Split('/');
                        var ids = new List<int>();
                        foreach (var p in alternatives) ids.Add(StringStore.Intern(p));
                        var obj = c2 < 0 ? null : Noun(rest[(c2 + 1)..], sets);
                        var pc = new PrepCondition { Preps = [.. ids], Label = rest, Object = obj, Role = role, SkipHead = skip && role != PrepRole.None, Coordinated = coordinated };
                        preps.Add(pc); spec += pc.Weight; label.Append('+').Append(rest);
                        break;
                    }
                default:
                    throw new FormatException($"unknown condition '{term}'");
            }
        }
        return new VerbPattern
        {
            Code = NullCode(c[2]), ReverseCode = NullCode(c[3]), Line = int.Parse(c[4], CultureInfo.InvariantCulture),
            Subject = [.. subject], Nouns = [.. nouns], Preps = [.. preps], Sequences = [.. sequences], SourceRole = src, TargetRole = tgt,
            Label = label.ToString(), Specificity = spec, CompoundSubject = compoundSubject, CompoundObject = compoundObject,
        };
    }

    // "memos+on+&SET~from": '+' adjacent words, '~' words between
    private static SequenceCondition Sequence(string spec, Dictionary<string, WordMatcher> sets)
    {
        var words = new List<WordMatcher>();
        var adjacent = new List<bool>();
        foreach (var group in spec.Split('~'))
        {
            var parts = group.Split('+');
            for (int k = 0; k < parts.Length; k++)
            {
                words.Add(Word(parts[k], sets, false));
                adjacent.Add(k > 0);
            }
        }
        return new SequenceCondition { Words = [.. words], Adjacent = [.. adjacent] };
    }

    // "mod+&SET+head"
    private static NounCondition Noun(string spec, Dictionary<string, WordMatcher> sets, bool verbForms = false)
    {
        var words = spec.Split('+');
        var mods = new WordMatcher[words.Length - 1];
        for (int i = 0; i < mods.Length; i++) mods[i] = Word(words[i], sets, false);
        return new NounCondition { Head = Word(words[^1], sets, verbForms), Mods = mods };
    }

    private static WordMatcher Word(string w, Dictionary<string, WordMatcher> sets, bool verbForms)
    {
        if (w[0] == '&') return sets.TryGetValue(w, out var m) ? m : throw new FormatException($"undefined set {w}");
        var matcher = new WordMatcher(w);
        // A word before the verb may be an auxiliary or a governing verb ("SAID WOULD NOT *"): match its lemma too.
        if (verbForms && !w.Contains('_')) foreach (var lemma in VerbLemmaGuesses(w.ToLowerInvariant())) matcher.AddWord(lemma);
        matcher.AddPhrase(w.Split('_'));
        return matcher;
    }

    private static string? NullCode(string s) => s is "-" or "---" or "" ? null : s;

    private static readonly Dictionary<string, string> IrregularVerbForms = new(StringComparer.Ordinal)
    {
        ["said"] = "say", ["says"] = "say", ["told"] = "tell", ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be",
        ["been"] = "be", ["has"] = "have", ["had"] = "have", ["did"] = "do", ["does"] = "do", ["wo"] = "will", ["ca"] = "can",
        ["n't"] = "not", ["went"] = "go", ["gone"] = "go", ["made"] = "make", ["took"] = "take", ["gave"] = "give", ["left"] = "leave",
    };

    /// <summary>Possible lemmas of a verb form written in a pattern ("indicated" -> indicate, indicat; "said" -> say).</summary>
    internal static IEnumerable<string> VerbLemmaGuesses(string w)
    {
        if (IrregularVerbForms.TryGetValue(w, out var irregular)) yield return irregular;
        if (w.Length > 4 && w.EndsWith("ied", StringComparison.Ordinal)) yield return w[..^3] + "y";
        else if (w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return w[..^1];
            yield return w[..^2];
            if (w.Length > 5 && w[^3] == w[^4]) yield return w[..^3];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) yield return w[..^1];
    }

    /// <summary>Lemma ids a dictionary word stands for: the word itself and its likely singular ("talks" -> "talk").</summary>
    internal static int[] LemmaIds(string word)
    {
        string w = word.ToLowerInvariant();
        string s = Singular(w);
        // Function words as a lemmatiser gives them: "did n't" is do + not, "wo n't" will + not.
        if (FunctionWordLemmas.TryGetValue(w, out var lemma)) return [StringStore.Intern(w), StringStore.Intern(lemma)];
        // An abbreviation with points is written in capitals ("U.S. attorney": the lemma is "U.S.").
        if (w.Length > 2 && w.EndsWith('.') && w.IndexOf('.') < w.Length - 1)
            return [StringStore.Intern(w), StringStore.Intern(TextChars.Capitalised(w)), StringStore.Intern(word.ToUpperInvariant())];
        // A proper noun keeps its capital as its lemma ("celebrated Eid", "the Calenardhon Congress").
        return s == w ? [StringStore.Intern(w), StringStore.Intern(TextChars.Capitalised(w))]
            : [StringStore.Intern(w), StringStore.Intern(s), StringStore.Intern(TextChars.Capitalised(w)), StringStore.Intern(TextChars.Capitalised(s))];
    }


    private static readonly Dictionary<string, string> FunctionWordLemmas = new(StringComparer.Ordinal)
    {
        ["did"] = "do", ["does"] = "do", ["n't"] = "not", ["wo"] = "will", ["ca"] = "can", ["was"] = "be", ["were"] = "be",
        ["is"] = "be", ["are"] = "be", ["been"] = "be", ["has"] = "have", ["had"] = "have",
    };

    internal static string Singular(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal)
            || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal)) return w[..^1];
        if (w.EndsWith("men", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "man";
        return w;
    }
}
