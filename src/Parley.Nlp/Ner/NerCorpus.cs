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
        var docs = new List<NerDocument>();
        NerDocument? doc = null;
        var tokens = new List<string>();
        var tags = new List<string>();
        void Flush()
        {
            if (tokens.Count == 0) return;
            doc ??= Add(docs, NerDomain.News);
            doc.Sentences.Add(new NerSentence([.. tokens], NerLabels.FromIob1(tags)));
            tokens.Clear(); tags.Clear();
        }
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line)) { Flush(); continue; }
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-") { Flush(); doc = Add(docs, NerDomain.News); continue; }
            tokens.Add(columns[0]);
            tags.Add(columns.Length > 1 ? columns[^1] : "O");
        }
        Flush();
        docs.RemoveAll(d => d.Sentences.Count == 0);
        return docs;
    }

    /// <summary>UNER .iob2: `ID FORM TAG ...` tab-separated, `# newdoc` comments start documents; OTH and B-O become O.</summary>
    public static List<NerDocument> ReadIob2(TextReader reader, NerDomain domain = NerDomain.Web)
    {
        var docs = new List<NerDocument>();
        NerDocument? doc = null;
        var tokens = new List<string>();
        var labels = new List<int>();
        void Flush()
        {
            if (tokens.Count == 0) return;
            doc ??= Add(docs, domain);
            doc.Sentences.Add(new NerSentence([.. tokens], Repair([.. labels])));
            tokens.Clear(); labels.Clear();
        }
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) { Flush(); continue; }
            if (line[0] == '#')
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal)) { Flush(); doc = Add(docs, domain); }
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 3) continue;
            tokens.Add(columns[1]);
            labels.Add(NerLabels.Parse(columns[2]));
        }
        Flush();
        docs.RemoveAll(d => d.Sentences.Count == 0);
        return docs;
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

    private static NerDocument Add(List<NerDocument> docs, NerDomain domain)
    {
        var doc = new NerDocument(domain);
        docs.Add(doc);
        return doc;
    }
}
