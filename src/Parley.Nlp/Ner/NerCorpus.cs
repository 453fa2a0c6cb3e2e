namespace Parley.Nlp.Ner;

/// <summary>The text genre a model is asked to tag: news (CoNLL-2003 conventions, four types) or web text (UNER, no MISC).</summary>
public enum NerDomain
{
    News = 0,
    Web = 1,
}

/// <summary>One sentence of a labelled corpus: tokens and IOB2 label ids (see <see cref="NerLabels"/>).</summary>
public sealed class NerSentence(string[] tokens, int[] labels)
{
    public string[] Tokens { get; } = tokens;
    public int[] Labels { get; } = labels;
}

/// <summary>A document of a labelled corpus (document-level features look across its sentences).</summary>
public sealed class NerDocument(NerDomain domain)
{
    public NerDomain Domain { get; } = domain;
    public List<NerSentence> Sentences { get; } = [];
}

/// <summary>Reads the two training formats: CoNLL-2003 (space-separated, IOB1, -DOCSTART-) and UNER (.iob2, tab-separated).</summary>
public static class NerCorpus
{
    /// <summary>CoNLL-2003: `WORD POS CHUNK NER`, IOB1 tags converted to IOB2; -DOCSTART- lines start documents. Only the first and last columns are used.</summary>
    public static List<NerDocument> ReadConll2003(TextReader reader)
    {
        var corpus = new Collector(NerDomain.News, NerLabels.FromIob1);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) { corpus.EndSentence(); continue; }
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-") { corpus.StartDocument(); continue; }
            corpus.Add(columns[0], columns.Length > 1 ? columns[^1] : "O");
        }
        return corpus.Finish();
    }

    /// <summary>UNER .iob2: `ID FORM TAG ...` tab-separated, `# newdoc` comments start documents; OTH and B-O become O.</summary>
    public static List<NerDocument> ReadIob2(TextReader reader, NerDomain domain = NerDomain.Web)
    {
        var corpus = new Collector(domain, tags => Repair([.. tags.Select(t => NerLabels.Parse(t))]));
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) { corpus.EndSentence(); continue; }
            if (line[0] == '#')
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal)) corpus.StartDocument();
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 3) continue;
            corpus.Add(columns[1], columns[2]);
        }
        return corpus.Finish();
    }

    public static List<NerDocument> ReadConll2003File(string path)
    {
        using var reader = new StreamReader(path);
        return ReadConll2003(reader);
    }

    public static List<NerDocument> ReadIob2File(string path, NerDomain domain = NerDomain.Web)
    {
        using var reader = new StreamReader(path);
        return ReadIob2(reader, domain);
    }

    /// <summary>Turns an I- that does not continue an entity of its type into B- (the draft UNER train has a few).</summary>
    internal static int[] Repair(int[] labels)
    {
        int previous = NerLabels.O;
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (NerLabels.IsInside(label) && (previous == NerLabels.O || NerLabels.TypeOf(previous) != NerLabels.TypeOf(label)))
                labels[i] = label = NerLabels.Begin(NerLabels.TypeOf(label));
            previous = label;
        }
        return labels;
    }

    /// <summary>
    /// Gathers a reader's tokens into sentences and documents: a sentence ends at a blank line, its tags become labels by
    /// the format's rule; a document starts at the format's marker (or at the first sentence); empty documents are dropped.
    /// </summary>
    private sealed class Collector(NerDomain domain, Func<List<string>, int[]> labels)
    {
        private readonly List<NerDocument> _documents = [];
        private readonly List<string> _tokens = [];
        private readonly List<string> _tags = [];
        private NerDocument? _document;

        public void Add(string token, string tag) { _tokens.Add(token); _tags.Add(tag); }

        public void EndSentence()
        {
            if (_tokens.Count == 0) return;
            (_document ?? StartNew()).Sentences.Add(new NerSentence([.. _tokens], labels(_tags)));
            _tokens.Clear(); _tags.Clear();
        }

        public void StartDocument() { EndSentence(); StartNew(); }

        public List<NerDocument> Finish()
        {
            EndSentence();
            _documents.RemoveAll(d => d.Sentences.Count == 0);
            return _documents;
        }

        private NerDocument StartNew()
        {
            _document = new NerDocument(domain);
            _documents.Add(_document);
            return _document;
        }
    }
}
