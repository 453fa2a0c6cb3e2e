using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Cheap distributional word clusters from unlabelled news (Reuters-21578 bodies, BBC News, Wikinews in the shared
/// data folder): each frequent word gets a vector of its left and right neighbours among the most frequent words
/// (positive PMI, square-rooted), projected to a few dense dimensions with a seeded random projection, then
/// spherical k-means gives fine and coarse clusters. Deterministic for a seed; only the word-to-cluster list is
/// kept in the model, never the text.
/// </summary>
public static class WordClusterTrainer
{
    public const int Vocabulary = 50_000;
    public const int MinCount = 4;
    public const int ContextWords = 1_000;
    public const int Dimensions = 96;
    public const int FineClusters = 256;
    public const int CoarseClusters = 32;
    public const int Iterations = 12;

    public static WordClusterTable Train(string dataRoot, int seed, Action<string>? log = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var corpus = new List<int[]>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var capitalisedMid = new List<int>();
        var lowerCase = new List<int>();
        foreach (var text in Texts(dataRoot))
        {
            var sentence = new List<int>();
            bool sentenceStart = true;
            foreach (var (token, written) in Tokenise(text))
            {
                if (!ids.TryGetValue(token, out int id)) { id = words.Count; ids[token] = id; words.Add(token); capitalisedMid.Add(0); lowerCase.Add(0); }
                sentence.Add(id);
                if (written == Written.Lower) lowerCase[id]++;
                else if (written == Written.Capitalised && !sentenceStart) capitalisedMid[id]++;
                sentenceStart = token is "." or "!" or "?" or ":" or "\"" or "'" or "(" or "-" or "\u201c";
            }
            corpus.Add([.. sentence]);
        }
        var frequency = new int[words.Count];
        long total = 0;
        foreach (var s in corpus) foreach (int w in s) { frequency[w]++; total++; }
        var byFrequency = Enumerable.Range(0, words.Count).OrderByDescending(w => frequency[w]).ThenBy(w => words[w], StringComparer.Ordinal).ToArray();
        var contextIndex = new int[words.Count];
        Array.Fill(contextIndex, -1);
        for (int k = 0; k < Math.Min(ContextWords, byFrequency.Length); k++) contextIndex[byFrequency[k]] = k;
        var vocab = byFrequency.Where(w => frequency[w] >= MinCount && IsWordLike(words[w])).Take(Vocabulary).ToArray();
        var row = new int[words.Count];
        Array.Fill(row, -1);
        for (int k = 0; k < vocab.Length; k++) row[vocab[k]] = k;
        log?.Invoke($"clusters: {total} tokens of unlabelled text, {words.Count} types, clustering {vocab.Length}");

        // Co-occurrence counts: word x (left context, right context), sparse per word.
        int width = 2 * ContextWords + 2;
        var cooc = new Dictionary<int, float>[vocab.Length];
        for (int k = 0; k < vocab.Length; k++) cooc[k] = [];
        var contextTotals = new double[width];
        foreach (var s in corpus)
        {
            for (int i = 0; i < s.Length; i++)
            {
                int r = row[s[i]];
                if (r < 0) continue;
                int left = i > 0 ? (contextIndex[s[i - 1]] >= 0 ? contextIndex[s[i - 1]] : ContextWords) : ContextWords;
                int right = i + 1 < s.Length ? (contextIndex[s[i + 1]] >= 0 ? contextIndex[s[i + 1]] : ContextWords) : ContextWords;
                int l = left, rr = ContextWords + 1 + right;
                cooc[r][l] = cooc[r].GetValueOrDefault(l) + 1;
                cooc[r][rr] = cooc[r].GetValueOrDefault(rr) + 1;
                contextTotals[l]++; contextTotals[rr]++;
            }
        }
        double all = contextTotals.Sum();

        // PPMI, random projection (seeded Gaussian-like signs), L2 normalisation.
        var random = new Random(seed);
        var projection = new float[width * Dimensions];
        for (int i = 0; i < projection.Length; i++) projection[i] = (float)(random.NextDouble() * 2 - 1);
        var vectors = new float[vocab.Length * Dimensions];
        for (int k = 0; k < vocab.Length; k++)
        {
            double wordTotal = 0;
            foreach (var v in cooc[k].Values) wordTotal += v;
            var target = vectors.AsSpan(k * Dimensions, Dimensions);
            foreach (var (context, c) in cooc[k].OrderBy(p => p.Key))
            {
                double pmi = Math.Log(c * all / (wordTotal * contextTotals[context]));
                if (pmi <= 0) continue;
                float weight = (float)Math.Sqrt(pmi);
                var p = projection.AsSpan(context * Dimensions, Dimensions);
                for (int d = 0; d < Dimensions; d++) target[d] += weight * p[d];
            }
            Centroids.Normalise(target);
        }

        var fine = KMeans(vectors, vocab.Length, FineClusters, seed, log, "fine");
        var coarse = KMeans(vectors, vocab.Length, CoarseClusters, seed + 1, log, "coarse");
        return WordClusterTable.FromWords(Enumerable.Range(0, vocab.Length).Select(k =>
            (words[vocab[k]], new[] { fine[k], coarse[k] }, WordClusterTable.CaseBucketOf(capitalisedMid[vocab[k]], lowerCase[vocab[k]]))));
    }

    private enum Written : byte { Lower, Capitalised, Other }

    private static int[] KMeans(float[] vectors, int n, int k, int seed, Action<string>? log, string name)
    {
        var random = new Random(seed);
        var centroids = new float[k * Dimensions];
        // Seeds: k distinct words drawn with a seeded generator among the 20,000 most frequent.
        var chosen = new HashSet<int>();
        for (int c = 0; c < k; c++)
        {
            int pick;
            do pick = random.Next(Math.Min(n, 20_000)); while (!chosen.Add(pick));
            vectors.AsSpan(pick * Dimensions, Dimensions).CopyTo(centroids.AsSpan(c * Dimensions, Dimensions));
        }
        return Centroids.Lloyd(vectors, n, weights: null, centroids, k, Dimensions, Iterations, keepEmpty: false, log, name).Assign;
    }

    private static Written HowWritten(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0;
        foreach (char c in word) { if (char.IsUpper(c)) upper++; else if (char.IsLower(c)) lower++; }
        if (upper == 0 && lower > 0) return Written.Lower;
        if (upper > 0 && lower > 0 && char.IsUpper(word[0])) return Written.Capitalised;
        return Written.Other;
    }

    private static bool IsWordLike(string w)
    {
        foreach (char c in w) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Article bodies from the unlabelled news corpora (the files the tagger's clusters read too), split into lines (roughly sentences or paragraphs).</summary>
    private static IEnumerable<string> Texts(string root) =>
        Training.ClusterTrainer.NewsTexts(root).SelectMany(body => body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Whitespace split with leading and trailing punctuation split off; lower-cased, digits folded to 0 (as the tagger's lower form).</summary>
    private static List<(string Token, Written How)> Tokenise(string text)
    {
        Span<char> buffer = stackalloc char[NerTokenHashes.MaxChars];
        var result = new List<(string, Written)>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int start = 0, end = raw.Length;
            while (start < end && char.IsPunctuation(raw[start])) result.Add((raw[start++].ToString(), Written.Other));
            int tail = end;
            while (tail > start && char.IsPunctuation(raw[tail - 1])) tail--;
            // Keep a final period on abbreviations such as "U.S." and "Corp."
            if (tail < end && raw[tail] == '.' && tail > start && (raw.AsSpan(start, tail - start).Contains('.') || (tail - start <= 4 && char.IsUpper(raw[start])))) tail++;
            if (tail > start)
            {
                var word = raw.AsSpan(start, tail - start);
                int n = NerTokenHashes.Normalise(word, buffer);
                result.Add((new string(buffer[..n]), HowWritten(word)));
            }
            for (int i = tail; i < end; i++) result.Add((raw[i].ToString(), Written.Other));
        }
        return result;
    }
}
