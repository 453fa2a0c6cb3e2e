using System.Text;
using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Conllu;

/// <summary>Converts between <see cref="Document"/> token layers and CoNLL-U.</summary>
public static class DocumentConllu
{
    /// <summary>
    /// A document whose text is the sentences' words (spaces where SpaceAfter says so, a newline between
    /// sentences) with the given tokens and sentences, so that later stages keep the given tokenization.
    /// </summary>
    public static Document FromSentences(string id, IReadOnlyList<ConlluSentence> sentences)
    {
        var sb = new StringBuilder();
        var buffer = new TokenBuffer();
        var bounds = new List<(int First, int End)>(sentences.Count);
        foreach (var s in sentences)
        {
            if (sb.Length > 0) sb.Append('\n');
            int first = buffer.Count;
            SentenceSplitter.AppendWords(s, sb, buffer);
            bounds.Add((first, buffer.Count));
        }
        var doc = new Document(id, sb.ToString());
        for (int si = 0; si < bounds.Count; si++)
        {
            var (first, end) = bounds[si];
            if (end == first) continue;
            int index = doc.SentenceCount;
            for (int k = first; k < end; k++) buffer[k].Sentence = index;
            buffer[first].Flags |= TokenFlags.SentenceStart;
            doc.AddSentence(new SentenceData(buffer[first].Start, buffer[end - 1].End, first, end));
        }
        doc.SetTokens(buffer.Items, buffer.Count);
        doc.Done |= Layers.Tokens | Layers.Sentences;
        return doc;
    }

    /// <summary>
    /// Writes the document as CoNLL-U: one "# text =" comment per sentence, multiword-token lines for runs of
    /// adjacent multiword parts, ten columns per word. HEAD/DEPREL are "_" unless the parse layer is done.
    /// </summary>
    public static void Write(TextWriter w, Document doc, IReadOnlyList<IReadOnlyList<string>>? comments = null)
    {
        var text = doc.Text;
        bool parsed = (doc.Done & Layers.Parse) != 0;
        var tokens = doc.Tokens;
        var line = new StringBuilder(256);
        for (int si = 0; si < doc.SentenceCount; si++)
        {
            var s = doc.Sentences[si];
            bool hasText = false;
            if (comments is not null && si < comments.Count)
            {
                foreach (var c in comments[si])
                {
                    w.Write(c); w.Write('\n');
                    if (c.StartsWith("# text =", StringComparison.Ordinal)) hasText = true;
                }
            }
            if (!hasText)
            {
                w.Write("# text = ");
                foreach (char c in text.AsSpan(s.Start, s.End - s.Start)) w.Write(c is '\n' or '\r' or '\t' || char.IsControl(c) ? ' ' : c);
                w.Write('\n');
            }
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                ref readonly var t = ref tokens[i];
                int id = i - s.FirstToken + 1;
                if ((t.Flags & TokenFlags.MultiwordPart) != 0 && (i == s.FirstToken || !Joined(tokens[i - 1], t)))
                {
                    int last = i;
                    while (last + 1 < s.EndToken && Joined(tokens[last], tokens[last + 1])) last++;
                    if (last > i)
                    {
                        line.Clear();
                        line.Append(id).Append('-').Append(last - s.FirstToken + 1).Append('\t');
                        line.Append(text, t.Start, tokens[last].End - t.Start).Append("\t_\t_\t_\t_\t_\t_\t_\t");
                        line.Append(SpaceAfter(text, tokens[last]) ? "_" : "SpaceAfter=No").Append('\n');
                        w.Write(line);
                    }
                }
                bool inMultiword = (t.Flags & TokenFlags.MultiwordPart) != 0 &&
                    ((i > s.FirstToken && Joined(tokens[i - 1], t)) || (i + 1 < s.EndToken && Joined(t, tokens[i + 1])));
                line.Clear();
                line.Append(id).Append('\t');
                AppendForm(line, text.AsSpan(t.Start, t.End - t.Start));
                line.Append('\t').Append(Or(t.Lemma));
                line.Append('\t').Append(t.Upos.Name());
                line.Append('\t').Append(Or(t.Xpos));
                line.Append('\t').Append(Or(t.Feats));
                line.Append('\t');
                if (parsed) line.Append(t.Head < 0 ? 0 : t.Head - s.FirstToken + 1); else line.Append('_');
                line.Append('\t').Append(parsed ? Or(t.Deprel) : "_");
                line.Append("\t_\t");
                line.Append(inMultiword || SpaceAfter(text, t) ? "_" : "SpaceAfter=No");
                line.Append('\n');
                w.Write(line);
            }
            w.Write('\n');
        }
    }

    private static string Or(int id) => id == 0 ? "_" : StringStore.Get(id);

    private static void AppendForm(StringBuilder sb, ReadOnlySpan<char> form)
    {
        foreach (char c in form) sb.Append(c is '\t' or '\n' or '\r' ? ' ' : c);
    }

    private static bool Joined(in TokenData a, in TokenData b) =>
        (a.Flags & b.Flags & TokenFlags.MultiwordPart) != 0 && a.End == b.Start;

    private static bool SpaceAfter(string text, in TokenData t) => t.End >= text.Length || char.IsWhiteSpace(text[t.End]);
}
