using System.Text;
using Parley.Core;

namespace Parley.Nlp.Ner;

/// <summary>
/// The `parley ner --input conll` format: one token per line (first column, space- or tab-separated), a blank line
/// between sentences, `-DOCSTART-` lines between documents. Each input line is written back with one more
/// tab-separated column, the predicted IOB2 tag; blank lines and `-DOCSTART-` lines are written as they are.
/// Documents are delimited by `-DOCSTART-` lines (or `# newdoc` comment lines, also kept as they are); in input
/// without either, document boundaries are unknown, so each sentence is tagged on its own (document-level
/// features would otherwise carry labels across unrelated texts).
/// </summary>
public static class NerConllFormat
{
    /// <summary>Tags with <paramref name="model"/> alone (its component, without the rest of a pipeline).</summary>
    public static void Process(TextReader input, TextWriter output, NerModel model, NerDomain domain = NerDomain.News)
    {
        var component = new NerComponent(model, domain);
        Process(input, output, doc => component.Process(doc));
    }

    /// <summary>
    /// Tags each document with <paramref name="annotate"/>, which receives it with the given tokens and sentences (text:
    /// the tokens joined by spaces) and fills its entities (a pipeline run with those layers given).
    /// </summary>
    public static void Process(TextReader input, TextWriter output, Action<Document> annotate)
    {
        var lines = new List<string>();
        bool delimited = false;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (IsDocumentStart(line))
            {
                delimited = true;
                TagDocument(lines, output, annotate);
                lines.Clear();
                output.WriteLine(line);
                continue;
            }
            lines.Add(line);
            // Until the first document marker, text is tagged sentence by sentence.
            if (!delimited && string.IsNullOrWhiteSpace(line))
            {
                TagDocument(lines, output, annotate);
                lines.Clear();
            }
        }
        TagDocument(lines, output, annotate);
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal);

    private static bool IsComment(string line) => line.StartsWith('#') && !line.StartsWith("# newdoc", StringComparison.Ordinal) && line.Length > 1 && line[1] == ' ';

    private static void TagDocument(List<string> lines, TextWriter output, Action<Document> annotate)
    {
        if (lines.Count == 0) return;
        var sentences = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var l in lines)
        {
            if (string.IsNullOrWhiteSpace(l)) { if (current.Count > 0) { sentences.Add(current); current = []; } continue; }
            if (IsComment(l)) continue;
            current.Add(FirstColumn(l));
        }
        if (current.Count > 0) sentences.Add(current);
        var tags = Annotate(sentences, annotate);
        int s = 0, k = 0;
        foreach (var l in lines)
        {
            if (string.IsNullOrWhiteSpace(l) || IsComment(l))
            {
                if (string.IsNullOrWhiteSpace(l) && k > 0) { s++; k = 0; }
                output.WriteLine(l);
                continue;
            }
            output.Write(l);
            output.Write('\t');
            output.WriteLine(tags[s][k++]);
        }
    }

    /// <summary>IOB2 tags of each sentence: the sentences as one document (tokens joined by spaces, as the model was
    /// trained), annotated, its entities read back as tags.</summary>
    private static string[][] Annotate(List<IReadOnlyList<string>> sentences, Action<Document> annotate)
    {
        var text = new StringBuilder();
        foreach (var sentence in sentences) foreach (var token in sentence) text.Append(token).Append(' ');
        var doc = new Document("conll", text.ToString());
        int at = 0;
        foreach (var sentence in sentences)
        {
            int first = doc.TokenCount;
            foreach (var token in sentence)
            {
                doc.AddToken(new TokenData { Start = at, End = at + token.Length, Sentence = doc.SentenceCount, Head = -1, Flags = TokenFlags.SpaceAfter });
                at += token.Length + 1;
            }
            doc.AddSentence(new SentenceData(doc.Tokens[first].Start, doc.Tokens[^1].End, first, doc.TokenCount));
        }
        doc.Done |= Layers.Clean | Layers.Language | Layers.Tokens | Layers.Sentences;
        annotate(doc);
        var labels = new int[doc.TokenCount];
        foreach (var e in doc.Entities)
        {
            int type = NerLabels.TypeIndex(e.Type);
            int t = doc.TokenAt(e.Start);
            if (type < 0 || t < 0) continue;
            labels[t] = NerLabels.Begin(type);
            for (t++; t < doc.TokenCount && doc.Tokens[t].Start < e.End; t++) labels[t] = NerLabels.Inside(type);
        }
        var tags = new string[sentences.Count][];
        for (int s = 0, t = 0; s < sentences.Count; s++)
        {
            tags[s] = new string[sentences[s].Count];
            for (int k = 0; k < tags[s].Length; k++) tags[s][k] = NerLabels.Names[labels[t++]];
        }
        return tags;
    }

    /// <summary>The token: the first tab-separated column, or the first space-separated one when there is no tab.</summary>
    internal static string FirstColumn(string line)
    {
        int tab = line.IndexOf('\t');
        if (tab >= 0) return line[..tab];
        int space = line.IndexOf(' ');
        return space >= 0 ? line[..space] : line;
    }
}
