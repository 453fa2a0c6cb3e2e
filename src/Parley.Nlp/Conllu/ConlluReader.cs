using System.Globalization;

namespace Parley.Nlp.Conllu;

/// <summary>Reads CoNLL-U files sentence by sentence.</summary>
public static class ConlluReader
{
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return [.. Read(reader)];
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        var current = new ConlluSentence();
        bool any = false;
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0)
            {
                if (any) yield return current;
                current = new ConlluSentence();
                any = false;
                continue;
            }
            any = true;
            if (line[0] == '#') { current.Comments.Add(line); continue; }
            var c = line.Split('\t');
            if (c.Length < 2) throw new FormatException($"line {lineNo}: expected tab-separated columns");
            string id = c[0];
            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                current.Multiwords.Add(new ConlluMultiword(
                    int.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture),
                    int.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture),
                    c[1], Col(c, 9)));
                continue;
            }
            if (id.Contains('.')) continue; // empty nodes of enhanced dependencies
            var word = new ConlluWord
            {
                Id = int.Parse(id, CultureInfo.InvariantCulture),
                Form = c[1],
                Lemma = Col(c, 2),
                Upos = Col(c, 3),
                Xpos = Col(c, 4),
                Feats = Col(c, 5),
                Head = c.Length > 6 && int.TryParse(c[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out int h) ? h : -1,
                Deprel = Col(c, 7),
                Deps = Col(c, 8),
                Misc = Col(c, 9),
            };
            current.Words.Add(word);
        }
        if (any) yield return current;
    }

    private static string Col(string[] c, int i) => c.Length > i ? c[i] : "_";
}

/// <summary>Writes CoNLL-U: comments, multiword token lines before their first word, ten columns per word, blank line after each sentence.</summary>
public static class ConlluWriter
{
    public static void Write(TextWriter w, ConlluSentence s)
    {
        foreach (var c in s.Comments) w.WriteLine(c);
        int mw = 0;
        foreach (var word in s.Words)
        {
            while (mw < s.Multiwords.Count && s.Multiwords[mw].First == word.Id)
            {
                var m = s.Multiwords[mw++];
                w.Write(m.First.ToString(CultureInfo.InvariantCulture)); w.Write('-');
                w.Write(m.Last.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
                w.Write(m.Form); w.Write("\t_\t_\t_\t_\t_\t_\t_\t"); w.WriteLine(m.Misc);
            }
            w.Write(word.Id.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(word.Form); w.Write('\t');
            w.Write(word.Lemma); w.Write('\t');
            w.Write(word.Upos); w.Write('\t');
            w.Write(word.Xpos); w.Write('\t');
            w.Write(word.Feats); w.Write('\t');
            w.Write(word.Head < 0 ? "_" : word.Head.ToString(CultureInfo.InvariantCulture)); w.Write('\t');
            w.Write(word.Deprel); w.Write('\t');
            w.Write(word.Deps); w.Write('\t');
            w.WriteLine(word.Misc);
        }
        w.WriteLine();
    }
}
