using System.Diagnostics;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Training;

/// <summary>Settings of <see cref="ClusterTrainer"/>. The defaults built the shipped clusters.bin.gz.</summary>
public sealed record ClusterTrainOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>Fine clusters; the coarser levels group them (<see cref="CoarseLevels"/>).</summary>
    public int FineClusters { get; init; } = 1024;
    public IReadOnlyList<int> CoarseLevels { get; init; } = [256, 64, 16];
    /// <summary>Words seen fewer times get no cluster.</summary>
    public int MinCount { get; init; } = 3;
    public int MaxVocabulary { get; init; } = 120_000;
    /// <summary>The most frequent words, used as context features (two words left and right).</summary>
    public int ContextWords { get; init; } = 1_000;
    /// <summary>Size of the dense vectors (random projection of the positive-PMI context vectors).</summary>
    public int Dimensions { get; init; } = 128;
    public int Iterations { get; init; } = 12;
}

/// <summary>
/// Learns <see cref="WordClusterTable"/> word clusters from unlabelled text: every word seen often enough gets a
/// vector of its neighbours (two positions left and right, among the most frequent words) weighted by positive PMI
/// with smoothed context counts, projected to a few dense dimensions with a seeded random projection; spherical
/// k-means (k-means++ seeding) gives the fine clusters, and k-means over the fine centroids builds the coarser
/// levels, so each coarse cluster is a union of fine ones (as the prefixes of Brown clusters are). A capitalisation
/// prior per word is counted on the way. Single-threaded and deterministic for a seed; seconds to a few minutes.
/// </summary>
public static class ClusterTrainer
{
    /// <summary>The unlabelled news corpora of the shared data folder, as (relative path, JSON field of the text).</summary>
    public static readonly IReadOnlyList<(string File, string Field)> NewsFiles =
    [
        ("news_reuters21578/reuters21578.jsonl.gz", "body"),
        ("news_bbc/bbc_news_2225.jsonl.gz", "text"),
        ("news_wikinews/wikinews_2019_2020.jsonl.gz", "text"),
    ];

    /// <summary>Texts of the news corpora found under <paramref name="dataRoot"/> (missing files are skipped).</summary>
    public static IEnumerable<string> NewsTexts(string dataRoot)
    {
        foreach (var (file, field) in NewsFiles)
        {
            var path = Path.Combine(dataRoot, file);
            if (!File.Exists(path)) continue;
            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty(field, out var body) && body.ValueKind == JsonValueKind.String)
                    yield return body.GetString()!;
            }
        }
    }

    /// <summary>
    /// Trains clusters on the words of <paramref name="treebank"/> (its gold tokens) and on <paramref name="texts"/>
    /// tokenized by <paramref name="tokenizer"/>.
    /// </summary>
    public static WordClusterTable Train(IReadOnlyList<ConlluSentence> treebank, IEnumerable<string> texts, Tokenizer tokenizer, ClusterTrainOptions options, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var corpus = new Corpus();
        foreach (var s in treebank)
        {
            corpus.BeginSequence();
            foreach (var w in s.Words) corpus.Add(w.Form);
        }
        var buffer = new TokenBuffer(4096);
        foreach (var text in texts)
        {
            buffer.Clear();
            tokenizer.Tokenize(text, buffer);
            corpus.BeginSequence();
            foreach (ref readonly var t in buffer.Span) corpus.Add(text.AsSpan(t.Start, t.End - t.Start));
        }
        corpus.Finish();
        log?.Invoke($"clusters: {corpus.TokenCount} tokens, {corpus.Words.Count} types read ({clock.Elapsed.TotalSeconds:F0}s)");

        int types = corpus.Words.Count;
        var frequency = corpus.Frequency;
        var byFrequency = new int[types];
        for (int i = 0; i < types; i++) byFrequency[i] = i;
        Array.Sort(byFrequency, (a, b) => frequency[a] != frequency[b] ? frequency[b].CompareTo(frequency[a]) : string.CompareOrdinal(corpus.Words[a], corpus.Words[b]));
        int contexts = options.ContextWords;
        var contextIndex = new int[types];
        Array.Fill(contextIndex, contexts);
        for (int k = 0; k < Math.Min(contexts, types); k++) contextIndex[byFrequency[k]] = k;
        var row = new int[types];
        Array.Fill(row, -1);
        var vocab = new List<int>();
        foreach (int w in byFrequency)
        {
            if (frequency[w] < options.MinCount || vocab.Count >= options.MaxVocabulary) break;
            row[w] = vocab.Count;
            vocab.Add(w);
        }

        // Co-occurrence counts: word x (position -2, -1, +1, +2) x (context word, "other", sequence edge).
        int slot = contexts + 2, width = 4 * slot;
        var cooc = new Dictionary<int, float>[vocab.Count];
        for (int k = 0; k < cooc.Length; k++) cooc[k] = [];
        var contextTotals = new double[width];
        foreach (var (start, end) in corpus.Sequences)
        {
            var ids = corpus.Ids;
            for (int i = start; i < end; i++)
            {
                int r = row[ids[i]];
                if (r < 0) continue;
                for (int p = 0; p < 4; p++)
                {
                    int at = i + (p < 2 ? p - 2 : p - 1);
                    int c = at < start || at >= end ? contexts + 1 : contextIndex[ids[at]];
                    int key = p * slot + c;
                    // nearer neighbours say more about the word's syntax
                    float weight = p is 1 or 2 ? 1f : 0.5f;
                    ref float cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cooc[r], key, out _);
                    cell += weight;
                    contextTotals[key] += weight;
                }
            }
        }
        // Context distribution smoothing (counts ^ 0.75), as in word2vec: rare contexts get less inflated PMI.
        var contextProbability = new double[width];
        double smoothedTotal = 0;
        for (int c = 0; c < width; c++) smoothedTotal += contextProbability[c] = Math.Pow(contextTotals[c], 0.75);
        for (int c = 0; c < width; c++) contextProbability[c] /= smoothedTotal;

        int dims = options.Dimensions;
        var random = new Random(options.Seed);
        var projection = new float[width * dims];
        for (int i = 0; i < projection.Length; i++) projection[i] = random.NextDouble() < 0.5 ? -1f : 1f;
        var vectors = new float[vocab.Count * dims];
        var keys = new List<int>();
        for (int k = 0; k < vocab.Count; k++)
        {
            double wordTotal = 0;
            foreach (var v in cooc[k].Values) wordTotal += v;
            var target = vectors.AsSpan(k * dims, dims);
            keys.Clear();
            keys.AddRange(cooc[k].Keys);
            keys.Sort();
            foreach (int context in keys)
            {
                double pmi = Math.Log(cooc[k][context] / wordTotal / contextProbability[context]);
                if (pmi <= 0) continue;
                float weight = (float)pmi;
                var p = projection.AsSpan(context * dims, dims);
                for (int d = 0; d < dims; d++) target[d] += weight * p[d];
            }
            Centroids.Normalise(target);
            cooc[k] = null!;
        }
        log?.Invoke($"clusters: {vocab.Count} words with at least {options.MinCount} occurrences, vectors built ({clock.Elapsed.TotalSeconds:F0}s)");

        var weights = new float[vocab.Count];
        Array.Fill(weights, 1f);
        var (fine, fineCentroids, fineSizes) = KMeans(vectors, weights, dims, options.FineClusters, options.Iterations, options.Seed, log, "fine");
        log?.Invoke($"clusters: {options.FineClusters} fine clusters ({clock.Elapsed.TotalSeconds:F0}s)");
        var parents = new int[options.CoarseLevels.Count][];
        var levelVectors = fineCentroids;
        var levelWeights = fineSizes;
        var toLevel = new int[options.FineClusters];
        for (int f = 0; f < toLevel.Length; f++) toLevel[f] = f;
        for (int l = 0; l < parents.Length; l++)
        {
            var (assign, centroids, sizes) = KMeans(levelVectors, levelWeights, dims, options.CoarseLevels[l], options.Iterations * 2, options.Seed + 1 + l, null, "coarse");
            parents[l] = new int[options.FineClusters];
            for (int f = 0; f < toLevel.Length; f++) { toLevel[f] = assign[toLevel[f]]; parents[l][f] = toLevel[f]; }
            levelVectors = centroids;
            levelWeights = sizes;
        }
        var codes = new Dictionary<string, int>(vocab.Count, StringComparer.Ordinal);
        for (int k = 0; k < vocab.Count; k++)
        {
            int w = vocab[k];
            codes[corpus.Words[w]] = (fine[k] + 1) | (WordClusterTable.CaseBucketOf(corpus.CapitalisedMid[w], corpus.LowerCase[w]) << 16);
        }
        log?.Invoke($"clusters: hierarchy {string.Join(" > ", options.CoarseLevels.Prepend(options.FineClusters))} built ({clock.Elapsed.TotalSeconds:F0}s)");
        return WordClusterTable.Hierarchy(codes, options.FineClusters, parents);
    }

    /// <summary>Spherical k-means with k-means++ seeding over weighted unit vectors; returns assignments, unit centroids and cluster weights.</summary>
    private static (int[] Assign, float[] Centroids, float[] Sizes) KMeans(float[] vectors, float[] weights, int dims, int k, int iterations, int seed, Action<string>? log, string name)
    {
        int n = weights.Length;
        k = Math.Min(k, n);
        var random = new Random(seed);
        var centroids = new float[k * dims];
        // k-means++: each next seed drawn with probability proportional to weight x (1 - best cosine)
        var distance = new double[n];
        Array.Fill(distance, double.MaxValue);
        int pick = random.Next(n);
        for (int c = 0; c < k; c++)
        {
            vectors.AsSpan(pick * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
            if (c == k - 1) break;
            var centre = new ReadOnlySpan<float>(centroids, c * dims, dims);
            double total = 0;
            for (int w = 0; w < n; w++)
            {
                double d = Math.Max(0, 1 - Centroids.Dot(new ReadOnlySpan<float>(vectors, w * dims, dims), centre));
                if (d < distance[w]) distance[w] = d;
                total += distance[w] * weights[w];
            }
            double target = random.NextDouble() * total;
            pick = n - 1;
            for (int w = 0; w < n; w++)
            {
                target -= distance[w] * weights[w];
                if (target <= 0) { pick = w; break; }
            }
        }
        // an emptied cluster keeps its old centroid
        var (assign, sizes) = Centroids.Lloyd(vectors, n, weights, centroids, k, dims, iterations, keepEmpty: true, log, name);
        return (assign, centroids, sizes);
    }

    /// <summary>The unlabelled corpus as word ids per sequence (sentence or document), with case counts per word.</summary>
    private sealed class Corpus
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<int> _sequence = [];
        private int _sequenceStart = -1;
        private bool _sentenceStart = true;

        public Corpus() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public List<string> Words { get; } = [];
        public List<int> CapitalisedMid { get; } = [];
        public List<int> LowerCase { get; } = [];
        public List<(int Start, int End)> Sequences { get; } = [];
        public List<int> Ids => _sequence;
        public int TokenCount => _sequence.Count;

        public int[] Frequency
        {
            get
            {
                var f = new int[Words.Count];
                foreach (int id in _sequence) f[id]++;
                return f;
            }
        }

        public void BeginSequence()
        {
            if (_sequenceStart >= 0 && _sequence.Count > _sequenceStart) Sequences.Add((_sequenceStart, _sequence.Count));
            _sequenceStart = _sequence.Count;
            _sentenceStart = true;
        }

        public void Add(ReadOnlySpan<char> word)
        {
            if (word.IsEmpty || word.Length > WordClusterTable.MaxChars) word = "<long>";
            Span<char> key = stackalloc char[word.Length];
            WordClusterTable.Normalise(word, key);
            if (!_lookup.TryGetValue(key, out int id))
            {
                id = Words.Count;
                string s = new(key);
                _ids[s] = id;
                Words.Add(s);
                CapitalisedMid.Add(0);
                LowerCase.Add(0);
            }
            _sequence.Add(id);
            bool anyUpper = false, anyLower = false;
            foreach (char c in word) { if (char.IsUpper(c)) anyUpper = true; else if (char.IsLower(c)) anyLower = true; }
            if (anyLower && !anyUpper) LowerCase[id]++;
            else if (anyLower && char.IsUpper(word[0]) && !_sentenceStart) CapitalisedMid[id]++;
            _sentenceStart = word is "." or "!" or "?" or ":" or ";" or "\"" or "``" or "'" or "(" or "-" or "--" or "\u201c" or "\u2014";
        }

        /// <summary>Closes the open sequence; call once after the last word.</summary>
        public void Finish()
        {
            if (_sequenceStart >= 0 && _sequence.Count > _sequenceStart) Sequences.Add((_sequenceStart, _sequence.Count));
            _sequenceStart = -1;
        }
    }
}
