using System.Globalization;
using System.Text;

namespace Parley.Events.Cameo;

/// <summary>What the conversion of a PETRARCH verb dictionary kept and dropped.</summary>
public sealed class VerbConversionReport
{
    public int Synsets { get; set; }
    public int SynsetMembers { get; set; }
    public int Blocks { get; set; }
    public int Verbs { get; set; }
    public int MultiWordVerbs { get; set; }
    public int PatternsRead { get; set; }
    public int PatternsConverted { get; set; }
    public int Transformations { get; set; }
    /// <summary>Lines of the project's own supplement (VerbSupplement.tsv) appended after the conversion.</summary>
    public int SupplementLines { get; set; }
    /// <summary>Reason -> number of patterns or verbs dropped for it.</summary>
    public SortedDictionary<string, int> Dropped { get; } = new(StringComparer.Ordinal);
    /// <summary>Codes used by converted patterns that the ontology does not list (the coder falls back to the parent code).</summary>
    public SortedSet<string> UnknownCodes { get; } = new(StringComparer.Ordinal);

    public void Drop(string reason) => Dropped[reason] = Dropped.GetValueOrDefault(reason) + 1;

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"synsets {Synsets} ({SynsetMembers} members), verb blocks {Blocks}, verbs {Verbs} ({MultiWordVerbs} multi-word), ");
        sb.Append(CultureInfo.InvariantCulture, $"patterns {PatternsConverted} of {PatternsRead} converted, transformations {Transformations} not converted, supplement lines {SupplementLines}");
        foreach (var (reason, n) in Dropped) sb.Append(CultureInfo.InvariantCulture, $"\n  dropped {n}: {reason}");
        if (UnknownCodes.Count > 0) sb.Append("\n  codes not in the ontology (coded as their parent): ").Append(string.Join(' ', UnknownCodes));
        return sb.ToString();
    }
}

/// <summary>
/// Converts PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) into the project's line format read by
/// <see cref="VerbDictionary.Read"/>. PETRARCH patterns are positional over a constituency tree
/// ("- PRE * POST (PREP NOUN) [code]"); here each becomes conditions on the dependency parse: subject nouns,
/// object-side nouns (objects, complements, particles), prepositional phrases (obliques and nominal modifiers with a
/// case marker), and where the source ($) and target (+) are found.
/// </summary>
public static class PetrarchVerbConverter
{
    public static VerbConversionReport Convert(TextReader input, TextWriter output, CameoOntology? ontology = null)
    {
        var report = new VerbConversionReport();
        var sets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var setOrder = new List<string>();
        var body = new StringBuilder();
        string section = "synsets";
        string? currentSet = null;
        string? block = null;
        string? blockCode = null;
        var seenPatterns = new HashSet<string>(StringComparer.Ordinal);
        string? raw;
        int lineNo = 0;
        while ((raw = input.ReadLine()) is not null)
        {
            lineNo++;
            if (raw.StartsWith("####### VERB PATTERNS", StringComparison.Ordinal)) { section = "verbs"; continue; }
            if (raw.StartsWith("######## TRANSFORMATIONS", StringComparison.Ordinal)) { section = "transformations"; continue; }
            if (raw.Length == 0 || raw[0] == '#' || raw.StartsWith("<!", StringComparison.Ordinal)) continue;
            string line = StripComment(raw).Trim();
            if (line.Length == 0) continue;

            if (section == "transformations")
            {
                if (line[0] == '~') report.Transformations++;
                continue;
            }
            // Dictionaries without the "VERB PATTERNS" banner (the construction suites') start their verbs at the first block.
            if (section == "synsets" && line.StartsWith("---", StringComparison.Ordinal)) section = "verbs";
            if (line[0] != '+' && line[0] != '&') currentSet = section == "synsets" ? currentSet : null;
            if (section == "synsets" || (line[0] == '&' && !line.StartsWith("---", StringComparison.Ordinal)) || (line[0] == '+' && currentSet is not null))
            {
                // "&PREPOSIT1_" is the set patterns call "&PREPOSIT1": PETRARCH's trailing '_' is no part of the name.
                if (line[0] == '&') { currentSet = SetName(line.Split(' ')[0]); if (!sets.ContainsKey(currentSet)) { sets[currentSet] = []; setOrder.Add(currentSet); } }
                else if (line[0] == '+' && currentSet is not null) sets[currentSet].Add(line[1..].Trim().ToLowerInvariant().Replace(' ', '_').Trim('_'));
                continue;
            }
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                var parts = line.Trim('-').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                block = parts[0];
                var (primary, reverse) = parts.Length > 1 ? Code(parts[1]) : (null, null);
                blockCode = primary;
                // "--- MEET [031:031] ---": the block's default carries a paired code as patterns do.
                body.Append("B\t").Append(block).Append('\t').Append(blockCode ?? "-");
                if (reverse is not null) body.Append('\t').Append(reverse);
                body.Append('\n');
                report.Blocks++;
                continue;
            }
            if (block is null) { report.Drop("line outside a verb block"); continue; }
            if (line[0] == '-')
            {
                report.PatternsRead++;
                string? converted = ConvertPattern(line[1..], sets, report, ontology, out string? reason);
                if (converted is null) { report.Drop(reason ?? "unparsed pattern"); continue; }
                // The same conditions listed twice with another code: the first wins in PETRARCH too.
                if (!seenPatterns.Add(block + "|" + ConditionsOf(converted)))
                {
                    report.Drop("duplicate conditions within a block (first kept)");
                    continue;
                }
                body.Append("P\t").Append(block).Append('\t').Append(InsertLine(converted, lineNo)).Append('\n');
                report.PatternsConverted++;
                continue;
            }
            ConvertVerb(line, block, blockCode, body, report, ontology);
        }

        output.WriteLine("# Parley CAMEO verb dictionary, converted from PETRARCH2 CAMEO.2.0.txt (MIT, Open Event Data Alliance).");
        output.WriteLine("# Format: see data/cameo/README.md. S set; B block default; V verb; F irregular forms; P pattern.");
        foreach (var name in setOrder)
        {
            var members = Expand(name, sets, []);
            if (members.Count == 0) continue;
            report.Synsets++;
            report.SynsetMembers += members.Count;
            output.Write("S\t"); output.Write(name); output.Write('\t'); output.WriteLine(string.Join(' ', members));
        }
        output.Write(body.ToString());
        return report;
    }

    /// <summary>A set's members with embedded sets ("+&amp;TIETYPES" inside &amp;ACCORDSYN) replaced by their own members.</summary>
    private static List<string> Expand(string name, Dictionary<string, List<string>> sets, HashSet<string> visiting)
    {
        var result = new List<string>();
        if (!visiting.Add(name) || !sets.TryGetValue(name, out var members)) return result;
        foreach (var m in members)
        {
            if (m.StartsWith('&')) result.AddRange(Expand(m.ToUpperInvariant(), sets, visiting));
            else result.Add(m);
        }
        visiting.Remove(name);
        return result;
    }

    private static string ConditionsOf(string converted)
    {
        // converted = code \t reverse \t conditions
        int t1 = converted.IndexOf('\t');
        int t2 = converted.IndexOf('\t', t1 + 1);
        return converted[(t2 + 1)..];
    }

    private static string InsertLine(string converted, int lineNo)
    {
        int t1 = converted.IndexOf('\t');
        int t2 = converted.IndexOf('\t', t1 + 1);
        return converted[..t2] + "\t" + lineNo.ToString(CultureInfo.InvariantCulture) + converted[t2..];
    }

    private static void ConvertVerb(string line, string block, string? blockCode, StringBuilder body, VerbConversionReport report, CameoOntology? ontology)
    {
        string? code = null, ownReverse = null;
        bool ownCode = false;
        int lb = line.LastIndexOf('[');
        if (lb >= 0 && line.EndsWith(']'))
        {
            var c = Code(line[(lb + 1)..^1]);
            code = c.Primary; ownReverse = c.Reverse; ownCode = true;
            line = line[..lb].Trim();
        }
        int brace = line.IndexOf('{');
        string[] forms = [];
        if (brace >= 0)
        {
            // Irregular forms: the coder matches lemmas, but keeps them to recover a lemmatizer that left "shot" as "shot".
            int close = line.IndexOf('}', brace);
            if (close > brace) forms = line[(brace + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            line = line[..brace].Trim();
        }
        if (line.Length == 0 || line.Contains(' ')) { report.Drop("verb line not understood"); return; }
        string word = line;
        string lemma;
        var particles = new List<string>();
        if (word.Contains('_'))
        {
            var parts = word.Split('_', StringSplitOptions.RemoveEmptyEntries);
            int verbAt = Array.FindIndex(parts, p => p.StartsWith('+'));
            if (verbAt < 0) verbAt = 0;
            if (verbAt > 0)
            {
                // "RE_+ARREST": a prefix written as a separate word; taken as one lemma ("rearrest").
                lemma = string.Concat(parts[..(verbAt + 1)]).TrimStart('+').Replace("+", "", StringComparison.Ordinal).ToLowerInvariant();
                report.Drop("multi-word verb with words before the verb (kept as one lemma)");
            }
            else lemma = parts[0].TrimStart('+').ToLowerInvariant();
            for (int i = verbAt + 1; i < parts.Length; i++) particles.Add(parts[i].ToLowerInvariant());
            report.MultiWordVerbs++;
        }
        else lemma = word.TrimStart('+').ToLowerInvariant();
        if (ownCode && code is not null && ontology is not null && !ontology.Contains(code)) report.UnknownCodes.Add(code);
        body.Append("V\t").Append(block).Append('\t').Append(lemma).Append('\t')
            .Append(particles.Count == 0 ? "-" : string.Join(',', particles)).Append('\t')
            .Append(ownCode ? code ?? "-" : "=");
        if (ownReverse is not null) body.Append('\t').Append(ownReverse);
        body.Append('\n');
        report.Verbs++;
        if (forms.Length > 0 && particles.Count == 0)
        {
            body.Append("F\t").Append(lemma).Append('\t');
            for (int i = 0; i < forms.Length; i++) body.Append(i == 0 ? "" : " ").Append(forms[i].ToLowerInvariant());
            body.Append('\n');
        }
    }

    /// <summary>Converts "PRE * POST [code]" to "code \t reverse \t conditions"; null with a reason when it cannot.</summary>
    private static string? ConvertPattern(string text, Dictionary<string, List<string>> sets, VerbConversionReport report, CameoOntology? ontology, out string? reason)
    {
        reason = null;
        int lb = text.LastIndexOf('[');
        int rb = text.LastIndexOf(']');
        if (lb < 0 || rb < lb) { reason = "pattern without a code"; return null; }
        var (primary, reverse) = Code(text[(lb + 1)..rb]);
        // Words joined to the verb by '_' ("IN_*", "*_OUT") are read like the others, as the nearest word before or after it.
        string spec = text[..lb].Replace('\t', ' ').Replace("_*", " *", StringComparison.Ordinal).Replace("*_", "* ", StringComparison.Ordinal);
        int star = spec.IndexOf('*');
        if (star < 0) { reason = "pattern without a verb marker *"; return null; }
        var terms = new List<string>();
        if (!Side(spec[..star], pre: true, terms, sets, out reason)) return null;
        if (!Side(spec[(star + 1)..], pre: false, terms, sets, out reason)) return null;
        if (terms.Count == 0 && primary is null && reverse is null) { reason = "empty pattern with the null code"; return null; }
        if (ontology is not null)
        {
            if (primary is not null && !ontology.Contains(primary)) report.UnknownCodes.Add(primary);
            if (reverse is not null && !ontology.Contains(reverse)) report.UnknownCodes.Add(reverse);
        }
        return (primary ?? "-") + "\t" + (reverse ?? "-") + "\t" + string.Join('\t', terms);
    }

    private static bool Side(string text, bool pre, List<string> terms, Dictionary<string, List<string>> sets, out string? reason)
    {
        reason = null;
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int i = 0;
        while (i < tokens.Length)
        {
            string t = tokens[i];
            if (t.StartsWith('('))
            {
                // Prepositional phrase: (PREP noun... [$|+]) up to the token that ends with ')'.
                var group = new List<string>();
                while (i < tokens.Length)
                {
                    group.Add(tokens[i]);
                    if (tokens[i].EndsWith(')')) break;
                    i++;
                }
                i++;
                string joined = string.Join(' ', group).Trim('(', ')').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
                var words = joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) { reason = "empty prepositional phrase"; return false; }
                string prep = words[0].ToLowerInvariant();
                if (!IsWord(prep.Replace("/", "", StringComparison.Ordinal))) { reason = "prepositional phrase without a preposition"; return false; }
                string role = "";
                var nounWords = new List<string>();
                for (int k = 1; k < words.Length; k++)
                {
                    if (words[k] == "$") role = ">src";
                    else if (words[k] == "+") role = ">tgt";
                    else if (words[k] == "^") continue;
                    else nounWords.Add(words[k]);
                }
                string? noun = null;
                if (nounWords.Count > 0 && !NounSpec(nounWords, sets, out noun, out reason)) return false;
                terms.Add("pp:" + prep + (noun is null ? "" : ":" + noun) + role);
                continue;
            }
            if (t.StartsWith('{'))
            {
                var group = new List<string>();
                while (i < tokens.Length)
                {
                    group.Add(tokens[i].Trim('{', '}'));
                    if (tokens[i].EndsWith('}')) break;
                    i++;
                }
                i++;
                group.RemoveAll(g => g.Length == 0 || g == "^");
                if (group.Count == 0) { reason = "empty noun phrase"; return false; }
                if (!NounSpec(group, sets, out string? np, out reason)) return false;
                terms.Add((pre ? "pre:" : "n:") + np);
                continue;
            }
            i++;
            if (t == "^") continue;
            if (!pre && t != "$" && t != "+" && t != "%")
            {
                // After the verb, bare words read as PETRARCH reads them, in sequence: words of one noun phrase ("DIPLOMATIC
                // TIES"), a preposition opening a phrase ("OVER EFFORTS"), words joined by '_' ("MEMOS_ON_&TIETYPES").
                var raw = new List<string> { t };
                while (i < tokens.Length && tokens[i] is not ("$" or "+" or "%" or "^") && !tokens[i].StartsWith('(') && !tokens[i].StartsWith('{'))
                    raw.Add(tokens[i++]);
                // Words joined by '_' are adjacent in PETRARCH's reading ("NEW_&TIETYPES_RELATIONS" matches "new economic
                // relations", not "new global economic relations"): a run with such words and no actor marker after it is a
                // sequence of words in the sentence's order, '_' adjacent and ' ' with words between.
                if (raw.Exists(w => w.Trim('_').Contains('_')) && !(i < tokens.Length && tokens[i] is "$" or "+"))
                {
                    if (!Sequence(raw, sets, out string? seq, out reason)) return false;
                    terms.Add("seq:" + seq);
                    continue;
                }
                var run = new List<string>();
                foreach (var w in raw) run.AddRange(w.Split('_', StringSplitOptions.RemoveEmptyEntries));
                if (!BareRun(run, terms, sets, out reason)) return false;
                // "DEAD IN $": a marker right after a bare preposition is that phrase's object. After a skipped phrase ('^',
                // "WARN * AT ^ +": "warned at the people of Gondor") it is the actor that phrase's object governs ("^" kept).
                int m = i;
                while (m < tokens.Length && tokens[m] == "^") m++;
                // "AGREE * WITH % [031]": a compound marker right after a bare preposition is that phrase's object, coordinated
                // actors and the targets ('%' after the verb marks the target side).
                if (m == i && m < tokens.Length && tokens[m] == "%" && terms.Count > 0 && terms[^1].StartsWith("pp:", StringComparison.Ordinal)
                    && terms[^1].IndexOf(':', 3) < 0)
                {
                    terms[^1] += ">tgt%";
                    i = m + 1;
                    continue;
                }
                if (m < tokens.Length && tokens[m] is "$" or "+" && terms.Count > 0 && terms[^1].StartsWith("pp:", StringComparison.Ordinal)
                    && terms[^1].IndexOf(':', 3) < 0)
                {
                    terms[^1] += (tokens[m] == "$" ? ">src" : ">tgt") + (m > i ? "^" : "");
                    i = m + 1;
                }
                continue;
            }
            // PETRARCH's compound marker: the subject (before the verb) or the object (after it) is coordinated actors.
            if (t == "%") { terms.Add(pre ? "compound:subj" : "compound:obj"); continue; }
            if (t == "$") { terms.Add(pre ? "subj>src" : "obj>src"); continue; }
            if (t == "+") { terms.Add(pre ? "subj>tgt" : "obj>tgt"); continue; }
            if (t.EndsWith(')') || t.EndsWith('}')) { reason = "unbalanced brackets"; return false; }
            if (!NounSpec([t], sets, out string? n, out reason)) return false;
            terms.Add((pre ? "pre:" : "n:") + n);
        }
        return true;
    }

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "over", "with", "from", "about", "to", "for", "against", "by", "into", "of", "under", "between", "among",
        "through", "toward", "towards", "near", "after", "before", "during", "without", "upon", "across", "behind", "despite", "onto",
    };

    /// <summary>A run of bare words after the verb: noun phrases ("n:mod+head") and prepositional phrases ("pp:prep:mod+head").</summary>
    private static bool BareRun(List<string> run, List<string> terms, Dictionary<string, List<string>> sets, out string? reason)
    {
        reason = null;
        string? prep = null;
        var words = new List<string>();
        bool Flush(out string? why)
        {
            why = null;
            if (words.Count == 0 && prep is null) return true;
            string? np = null;
            if (words.Count > 0 && !NounSpec(words, sets, out np, out why)) return false;
            terms.Add(prep is null ? "n:" + np : "pp:" + prep + (np is null ? "" : ":" + np));
            words.Clear();
            prep = null;
            return true;
        }
        foreach (var raw in run)
        {
            string w = raw.ToLowerInvariant();
            // "- * &PREPOSIT1 RESOLUTION": a set of prepositions opens a phrase as any of them does.
            if (raw[0] == '&' && PrepositionSet(raw, sets) is { } alternatives)
            {
                if (!Flush(out reason)) return false;
                prep = alternatives;
                continue;
            }
            if (Prepositions.Contains(w))
            {
                if (!Flush(out reason)) return false;
                prep = w;
                continue;
            }
            words.Add(raw[0] == '&' ? raw : w);
        }
        return Flush(out reason);
    }

    /// <summary>Words of a run after the verb as a sequence: "memos+on+&amp;TIETYPES~from" ('+' adjacent, '~' words between).</summary>
    private static bool Sequence(List<string> raw, Dictionary<string, List<string>> sets, out string? seq, out string? reason)
    {
        seq = null; reason = null;
        var sb = new StringBuilder();
        foreach (var token in raw)
        {
            var pieces = token.Split('_', StringSplitOptions.RemoveEmptyEntries);
            for (int k = 0; k < pieces.Length; k++)
            {
                string piece = pieces[k];
                string word;
                if (piece[0] == '&')
                {
                    word = SetName(piece);
                    if (!sets.ContainsKey(word)) { reason = "undefined synonym set"; return false; }
                }
                else
                {
                    word = piece.ToLowerInvariant();
                    if (!IsWord(word)) { reason = "pattern word with unsupported characters"; return false; }
                }
                if (sb.Length > 0) sb.Append(k == 0 ? '~' : '+');
                sb.Append(word);
            }
        }
        if (sb.Length == 0) { reason = "empty noun phrase"; return false; }
        seq = sb.ToString();
        return true;
    }

    /// <summary>A set's name as patterns call it: upper case, without PETRARCH's trailing '_' ("&amp;PREPOSIT1_").</summary>
    private static string SetName(string name) => name.ToUpperInvariant().TrimEnd('_');

    /// <summary>The members of a set made of prepositions only, joined as alternatives ("against/in/on"); null otherwise.</summary>
    private static string? PrepositionSet(string name, Dictionary<string, List<string>> sets)
    {
        var members = Expand(SetName(name), sets, []);
        return members.Count > 0 && members.TrueForAll(Prepositions.Contains) ? string.Join('/', members) : null;
    }

    // Words of one noun phrase -> "mod+mod+head"; a word with '_' is itself a phrase whose last word is the head.
    private static bool NounSpec(List<string> words, Dictionary<string, List<string>> sets, out string? spec, out string? reason)
    {
        spec = null; reason = null;
        var parts = new List<string>();
        foreach (var raw in words)
        {
            string w = raw.Trim('{', '}', '(', ')');
            if (w.Length == 0) continue;
            if (w is "$" or "+" or "%") { reason = "actor marker inside a noun phrase"; return false; }
            foreach (var piece in w.Split('_', StringSplitOptions.RemoveEmptyEntries))
            {
                if (piece[0] == '&')
                {
                    string set = SetName(piece);
                    if (!sets.ContainsKey(set)) { reason = "undefined synonym set"; return false; }
                    parts.Add(set);
                    continue;
                }
                string lw = piece.ToLowerInvariant();
                if (!IsWord(lw)) { reason = "pattern word with unsupported characters"; return false; }
                parts.Add(lw);
            }
        }
        if (parts.Count == 0) { reason = "empty noun phrase"; return false; }
        spec = string.Join('+', parts);
        return true;
    }

    private static bool IsWord(string w)
    {
        if (w.Length == 0) return false;
        foreach (char ch in w) if (!(char.IsLetterOrDigit(ch) || ch is '-' or '\'' or '.' or '/')) return false;
        return true;
    }

    /// <summary>"036", "042:043", ":173", "---", "080!" -> (primary, reverse); null stands for no event.</summary>
    internal static (string? Primary, string? Reverse) Code(string s)
    {
        s = s.Trim().Trim('[', ']');
        int colon = s.IndexOf(':');
        string a = colon < 0 ? s : s[..colon];
        string b = colon < 0 ? "" : s[(colon + 1)..];
        return (Digits(a), Digits(b));
    }

    private static string? Digits(string s)
    {
        var sb = new StringBuilder(4);
        foreach (char ch in s) if (ch is >= '0' and <= '9') sb.Append(ch);
        return sb.Length >= 2 ? sb.ToString() : null;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }
}
