using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Tokenization;

/// <summary>
/// Sentence boundaries: an averaged-perceptron classifier over every gap between two words, trained on a
/// treebank, with features of the surrounding words. A blank line is always a boundary, so is a line break
/// unless the next line continues in lower case; overlong sentences are cut at <see cref="MaxSentenceTokens"/>
/// words so later stages stay linear. Thread-safe.
/// </summary>
public sealed class SentenceSplitter
{
    public const int MaxSentenceTokens = 300;
    private const int FeatureCapacity = 24;
    private readonly PerceptronModel _model;

    internal SentenceSplitter(PerceptronModel model) => _model = model;

    internal PerceptronModel Model => _model;

    private static readonly ulong[] Templates = [.. Enumerable.Range(0, 32).Select(FeatureHash.Start)];

    private enum Gap { None, Space, SoftLine, HardLine }

    /// <summary>Marks sentence starts in tokens [first, end) of <paramref name="tokens"/> and appends the sentences to <paramref name="doc"/>.</summary>
    internal void Split(string text, TokenBuffer tokens, Document doc)
    {
        int count = tokens.Count;
        if (count == 0) return;
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        Span<float> scores = stackalloc float[2];
        int sentenceStart = 0;
        for (int i = 0; i < count; i++)
        {
            bool boundary;
            if (i == count - 1) boundary = true;
            else
            {
                var gap = GapKind(text, tokens[i].End, tokens[i + 1].Start, tokens[i + 1].Start < text.Length ? text[tokens[i + 1].Start] : ' ');
                if (gap == Gap.HardLine) boundary = true;
                else if (i + 1 - sentenceStart >= MaxSentenceTokens) boundary = true;
                else if (gap == Gap.None && (tokens[i].Flags & tokens[i + 1].Flags & TokenFlags.MultiwordPart) != 0) boundary = false;
                else if (gap == Gap.Space && !IsCandidate(text, tokens, i)) boundary = false;
                else
                {
                    int n = Features(text, tokens, i, i - sentenceStart, gap == Gap.SoftLine, features);
                    scores.Clear();
                    _model.Score(features[..n], scores);
                    boundary = scores[1] > scores[0];
                }
            }
            if (!boundary) continue;
            tokens.AddSentence(doc, sentenceStart, i);
            sentenceStart = i + 1;
        }
    }

    /// <summary>
    /// Gaps worth asking the classifier about: all but a word ending in a letter or digit followed by a word
    /// starting in lower case (sentences almost never start there; skipping them saves most of the work).
    /// </summary>
    private static bool IsCandidate(string text, TokenBuffer tokens, int i)
    {
        char last = text[tokens[i].End - 1];
        char next = text[tokens[i + 1].Start];
        if (!char.IsLower(next)) return true;
        // An ellipsis followed by a lower-case word marks words left out inside a sentence ("talk about … the need").
        if (last == '\u2026' || (last == '.' && tokens[i].End - tokens[i].Start >= 3 && text[tokens[i].End - 2] == '.')) return false;
        return !char.IsLetterOrDigit(last);
    }

    private static Gap GapKind(string text, int from, int to, char next)
    {
        if (from == to) return Gap.None;
        int lines = 0;
        for (int k = from; k < to; k++)
            if (text[k] == '\n' || text[k] == '\u2029') lines++;
            else if (text[k] == '\r' && (k + 1 >= to || text[k + 1] != '\n')) lines++;
        if (lines >= 2) return Gap.HardLine;
        if (lines == 1) return char.IsLower(next) ? Gap.SoftLine : Gap.HardLine;
        return Gap.Space;
    }

    private static ulong WordKey(string text, in TokenData t)
    {
        var span = text.AsSpan(t.Start, Math.Min(t.End - t.Start, 24));
        return FeatureHash.Mix(FeatureHash.AddLower(FeatureHash.Offset, span));
    }

    private static int CharClass(char c) =>
        char.IsUpper(c) ? 1 : char.IsLower(c) ? 2 : char.IsDigit(c) ? 3 : c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' ? 4 : c is '(' or '[' or ')' or ']' ? 5 : 6;

    /// <summary>Features of the gap after word <paramref name="i"/>; <paramref name="sinceStart"/> words precede it in the current sentence.</summary>
    private static int Features(string text, TokenBuffer tokens, int i, int sinceStart, bool softLine, Span<ulong> f)
    {
        int count = tokens.Count;
        ref readonly var cur = ref tokens[i];
        ulong w0 = WordKey(text, cur);
        ulong wn = i + 1 < count ? WordKey(text, tokens[i + 1]) : 1;
        ulong wp = i > 0 ? WordKey(text, tokens[i - 1]) : 2;
        ulong wn2 = i + 2 < count ? WordKey(text, tokens[i + 2]) : 3;
        ulong s0 = WordShape.Hash(text.AsSpan(cur.Start, cur.End - cur.Start), collapse: true);
        ulong sn = i + 1 < count ? WordShape.Hash(text.AsSpan(tokens[i + 1].Start, tokens[i + 1].End - tokens[i + 1].Start), true) : 4;
        ulong sp = i > 0 ? WordShape.Hash(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].End - tokens[i - 1].Start), true) : 5;
        int nextClass = i + 1 < count ? CharClass(text[tokens[i + 1].Start]) : 0;
        bool space = i + 1 < count && tokens[i + 1].Start > cur.End;
        int length = sinceStart < 3 ? sinceStart : sinceStart < 6 ? 3 : sinceStart < 12 ? 4 : sinceStart < 25 ? 5 : sinceStart < 50 ? 6 : 7;
        int n = 0;
        f[n++] = Templates[0];
        f[n++] = FeatureHash.Add(Templates[1], w0);
        f[n++] = FeatureHash.Add(Templates[2], wn);
        f[n++] = FeatureHash.Add(Templates[3], wp);
        f[n++] = FeatureHash.Add(Templates[4], s0);
        f[n++] = FeatureHash.Add(Templates[5], sn);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[6], w0), sn);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[7], w0), wn);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[8], wp), w0);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[9], w0), nextClass);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[10], space ? 1 : 0), nextClass);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[11], w0), space ? 1 : 0);
        f[n++] = FeatureHash.Add(Templates[12], length);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[13], w0), length);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[14], sp), s0);
        f[n++] = FeatureHash.Add(FeatureHash.Add(Templates[15], wn), wn2);
        f[n++] = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(Templates[16], s0), sn), space ? 1 : 0);
        if (softLine)
        {
            f[n++] = Templates[17];
            f[n++] = FeatureHash.Add(Templates[18], w0);
        }
        return n;
    }

    // ---- training ----

    /// <summary>Trains the boundary classifier on treebank paragraphs, tokenized from their gold words.</summary>
    internal static SentenceSplitter Train(IReadOnlyList<ConlluSentence> sentences, int epochs, int seed)
    {
        var paragraphs = Paragraphs(sentences);
        var trainer = new PerceptronTrainer(2);
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        var random = new Random(seed);
        Span<ulong> features = stackalloc ulong[FeatureCapacity];
        Span<float> scores = stackalloc float[2];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int p in order)
            {
                var (text, tokens, ends) = paragraphs[p];
                int sentenceStart = 0;
                for (int i = 0; i < tokens.Count - 1; i++)
                {
                    if ((tokens[i].Flags & tokens[i + 1].Flags & TokenFlags.MultiwordPart) != 0 && tokens[i].End == tokens[i + 1].Start) continue;
                    if (!IsCandidate(text, tokens, i)) { if (ends[i]) sentenceStart = i + 1; continue; }
                    int n = Features(text, tokens, i, i - sentenceStart, false, features);
                    trainer.Score(features[..n], scores);
                    int guess = scores[1] > scores[0] ? 1 : 0;
                    int gold = ends[i] ? 1 : 0;
                    trainer.Update(features[..n], gold, guess);
                    if (gold == 1) sentenceStart = i + 1;
                }
            }
        }
        return new SentenceSplitter(trainer.Freeze(1e-4f));
    }

    /// <summary>Paragraphs of the treebank as text built from the gold words, their word spans, and which words end a sentence.</summary>
    internal static List<(string Text, TokenBuffer Tokens, bool[] Ends)> Paragraphs(IReadOnlyList<ConlluSentence> sentences)
    {
        var result = new List<(string, TokenBuffer, bool[])>();
        var sb = new System.Text.StringBuilder();
        var tokens = new TokenBuffer();
        var ends = new List<bool>();
        void Flush()
        {
            if (tokens.Count > 0) result.Add((sb.ToString(), tokens, [.. ends]));
            sb.Clear(); tokens = new TokenBuffer(); ends.Clear();
        }
        foreach (var s in sentences)
        {
            if (s.StartsDocument || s.StartsParagraph) Flush();
            if (sb.Length > 0) sb.Append(' ');
            AppendWords(s, sb, tokens);
            while (ends.Count < tokens.Count) ends.Add(false);
            if (ends.Count > 0) ends[^1] = true;
        }
        Flush();
        return result;
    }

    /// <summary>Appends a sentence's words to a text, as the surface text would have them, recording each word's span.</summary>
    internal static void AppendWords(ConlluSentence s, System.Text.StringBuilder sb, TokenBuffer tokens)
    {
        int mw = 0;
        for (int i = 0; i < s.Words.Count; i++)
        {
            var w = s.Words[i];
            if (mw < s.Multiwords.Count && s.Multiwords[mw].First == w.Id)
            {
                var m = s.Multiwords[mw++];
                int n = Math.Min(m.Last - m.First + 1, s.Words.Count - i);
                for (int k = 0; k < n; k++)
                {
                    int start = sb.Length;
                    sb.Append(s.Words[i + k].Form);
                    tokens.Add(start, sb.Length, TokenFlags.MultiwordPart);
                }
                if (!m.Misc.Contains("SpaceAfter=No", StringComparison.Ordinal)) { sb.Append(' '); tokens[tokens.Count - 1].Flags |= TokenFlags.SpaceAfter; }
                i += n - 1;
                continue;
            }
            int st = sb.Length;
            sb.Append(w.Form);
            tokens.Add(st, sb.Length, TokenFlags.None);
            if (w.SpaceAfter && i + 1 < s.Words.Count) { sb.Append(' '); tokens[tokens.Count - 1].Flags |= TokenFlags.SpaceAfter; }
        }
    }

    public void Save(string path) => PerceptronModel.WriteFile(path, _model.Write);

    public static SentenceSplitter Load(string path) => new(PerceptronModel.ReadFile(path, PerceptronModel.Read));
}
