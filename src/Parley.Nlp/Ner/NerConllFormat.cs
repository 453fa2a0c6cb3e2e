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
    public static void Process(TextReader input, TextWriter output, NerModel model, NerDomain domain = NerDomain.News)
    {
        var lines = new List<string>();
        bool delimited = false;
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (IsDocumentStart(line))
            {
                delimited = true;
                TagDocument(lines, output, model, domain);
                lines.Clear();
                output.WriteLine(line);
                continue;
            }
            lines.Add(line);
            // Until the first document marker, text is tagged sentence by sentence.
            if (!delimited && string.IsNullOrWhiteSpace(line))
            {
                TagDocument(lines, output, model, domain);
                lines.Clear();
            }
        }
        TagDocument(lines, output, model, domain);
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal);

    private static bool IsComment(string line) => line.StartsWith('#') && !line.StartsWith("# newdoc", StringComparison.Ordinal) && line.Length > 1 && line[1] == ' ';

    private static void TagDocument(List<string> lines, TextWriter output, NerModel model, NerDomain domain)
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
        var tags = model.PredictDocument(sentences, domain);
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

    /// <summary>The token: the first tab-separated column, or the first space-separated one when there is no tab.</summary>
    internal static string FirstColumn(string line)
    {
        int tab = line.IndexOf('\t');
        if (tab >= 0) return line[..tab];
        int space = line.IndexOf(' ');
        return space >= 0 ? line[..space] : line;
    }
}
