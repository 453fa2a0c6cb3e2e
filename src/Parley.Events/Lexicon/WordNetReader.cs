using System.Globalization;

namespace Parley.Events.Lexicon;

/// <summary>A pointer of a WordNet synset (wndb(5WN)): symbol ("@" hypernym, "+" derivationally related form...),
/// target synset, its part of speech, and the word numbers it links (0 = the whole synset).</summary>
internal readonly record struct WordNetPointer(string Symbol, int Target, char Pos, int SourceWord, int TargetWord);

/// <summary>One line of a WordNet data file: a synset with its lexicographer file, words (in the synset's order) and pointers.</summary>
internal sealed record WordNetSynset(int Offset, char Pos, int LexFile, string[] Words, WordNetPointer[] Pointers);

/// <summary>
/// Reads Princeton WordNet's database files (the format of wndb(5WN) and senseidx(5WN), WordNet 3.0 and 3.1): data.POS,
/// index.POS, index.sense and the morphological exception lists POS.exc. Every reader skips the licence lines that open
/// the data and index files (they start with a space) and reports a malformed line as its file and line number.
/// </summary>
internal static class WordNetReader
{
    /// <summary>The lexicographer files by number (lexnames(5WN)); a number past the table reads as "lexNN".</summary>
    private static readonly string[] LexNames =
    [
        "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact", "noun.attribute",
        "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
        "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant", "noun.possession",
        "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
        "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
        "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession",
        "verb.social", "verb.stative", "verb.weather", "adj.ppl",
    ];

    public static string LexName(int number) =>
        number >= 0 && number < LexNames.Length ? LexNames[number] : "lex" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Synsets of a data file (data.verb, data.noun), by offset. <paramref name="name"/> names the input in errors.</summary>
    public static Dictionary<int, WordNetSynset> ReadData(TextReader reader, string name)
    {
        var synsets = new Dictionary<int, WordNetSynset>();
        foreach (var (line, lineNo) in Lines(reader))
        {
            try
            {
                var synset = ParseDataLine(line);
                synsets[synset.Offset] = synset;
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"{name} line {lineNo}: not a WordNet data line ({e.Message})");
            }
        }
        return synsets;
    }

    /// <summary>synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames] | gloss</summary>
    private static WordNetSynset ParseDataLine(string line)
    {
        int bar = line.IndexOf(" | ", StringComparison.Ordinal);
        var f = (bar < 0 ? line : line[..bar]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int offset = int.Parse(f[0], CultureInfo.InvariantCulture);
        int lexFile = int.Parse(f[1], CultureInfo.InvariantCulture);
        char pos = f[2][0] == 's' ? 'a' : f[2][0];
        int wordCount = int.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var words = new string[wordCount];
        int i = 4;
        for (int w = 0; w < wordCount; w++, i += 2) words[w] = NormalizeWord(f[i]);
        int pointerCount = int.Parse(f[i++], CultureInfo.InvariantCulture);
        var pointers = new WordNetPointer[pointerCount];
        for (int p = 0; p < pointerCount; p++, i += 4)
        {
            string st = f[i + 3];
            if (st.Length != 4) throw new FormatException($"pointer source/target '{st}'");
            pointers[p] = new WordNetPointer(f[i], int.Parse(f[i + 1], CultureInfo.InvariantCulture), f[i + 2][0] == 's' ? 'a' : f[i + 2][0],
                int.Parse(st.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                int.Parse(st.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return new WordNetSynset(offset, pos, lexFile, words, pointers);
    }

    /// <summary>Words as the index files spell them: lower case, without an adjective's syntactic marker ("(a)", "(p)").</summary>
    private static string NormalizeWord(string word)
    {
        int paren = word.IndexOf('(');
        if (paren > 0) word = word[..paren];
        return word.ToLowerInvariant();
    }

    /// <summary>An index file (index.verb, index.noun): each lemma's synset offsets in sense order (most frequent first).</summary>
    public static Dictionary<string, int[]> ReadIndex(TextReader reader, string name)
    {
        var index = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (line, lineNo) in Lines(reader))
        {
            try
            {
                // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset [synset_offset...]
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int synsetCount = int.Parse(f[2], CultureInfo.InvariantCulture);
                int first = 4 + int.Parse(f[3], CultureInfo.InvariantCulture) + 2;
                if (f.Length != first + synsetCount) throw new FormatException($"{synsetCount} synsets announced, {f.Length - first} given");
                var offsets = new int[synsetCount];
                for (int s = 0; s < synsetCount; s++) offsets[s] = int.Parse(f[first + s], CultureInfo.InvariantCulture);
                index[f[0]] = offsets;
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"{name} line {lineNo}: not a WordNet index line ({e.Message})");
            }
        }
        return index;
    }

    /// <summary>
    /// index.sense: the tag count (occurrences in the semantically tagged corpora) of each sense of one part of speech,
    /// keyed by lemma and synset offset. <paramref name="ssType"/>: 1 noun, 2 verb (senseidx(5WN)).
    /// </summary>
    public static Dictionary<(string Lemma, int Offset), int> ReadTagCounts(TextReader reader, string name, int ssType)
    {
        var counts = new Dictionary<(string, int), int>();
        string marker = "%" + ssType.ToString(CultureInfo.InvariantCulture) + ":";
        foreach (var (line, lineNo) in Lines(reader))
        {
            int pct = line.IndexOf(marker, StringComparison.Ordinal);
            if (pct <= 0) continue;
            // sense_key synset_offset sense_number tag_cnt
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 4 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
                || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int tags))
                throw new InvalidDataException($"{name} line {lineNo}: not a WordNet sense index line");
            counts[(line[..pct], offset)] = tags;
        }
        return counts;
    }

    /// <summary>A morphological exception list (verb.exc): inflected form -> its base forms ("fought" -> "fight").</summary>
    public static Dictionary<string, string[]> ReadExceptions(TextReader reader, string name)
    {
        var forms = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (line, lineNo) in Lines(reader))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 2) throw new InvalidDataException($"{name} line {lineNo}: an exception line needs a form and a base form");
            forms[f[0]] = f[1..];
        }
        return forms;
    }

    /// <summary>The lines of a database file with their numbers (1-based), past the licence notice and without empty lines.</summary>
    private static IEnumerable<(string Line, int Number)> Lines(TextReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0 && line[0] != ' ') yield return (line, number);
        }
    }

    /// <summary>
    /// The licence notice that opens a data or index file (numbered lines starting with a space), without the numbers,
    /// or an empty list when the file has none.
    /// </summary>
    public static List<string> ReadNotice(TextReader reader)
    {
        var notice = new List<string>();
        while (reader.ReadLine() is { } line && line.Length > 0 && line[0] == ' ')
        {
            var text = line.AsSpan().TrimStart();
            int space = text.IndexOf(' ');
            notice.Add(space < 0 ? "" : text[(space + 1)..].TrimEnd().ToString());
        }
        while (notice.Count > 0 && notice[^1].Length == 0) notice.RemoveAt(notice.Count - 1);
        return notice;
    }
}
