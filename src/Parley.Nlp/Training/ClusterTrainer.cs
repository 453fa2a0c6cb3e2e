using Parley.Core.Text;
using System.Diagnostics;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Training;

/// <summary>How <see cref="ClusterTrainer"/> turns the unlabelled texts into word sequences.</summary>
public enum ClusterText
{
    /// <summary>The given <see cref="Tokenizer"/>; each text one sequence.</summary>
    Tokenizer,
    /// <summary>Each line one sequence, split at white space with leading and trailing punctuation split off (a final period kept on abbreviations such as "U.S." and "Corp.").</summary>
    WhitespaceLines,
}

/// <summary>How a word's co-occurrence counts become the weights of its context vector.</summary>
public enum ClusterPmi
{
    /// <summary>Positive PMI against context counts raised to 0.75 (word2vec's smoothing: rare contexts get less inflated PMI).</summary>
    SmoothedContexts,
    /// <summary>Square root of the positive PMI against the plain context counts.</summary>
    SquareRoot,
}

/// <summary>Entries of the seeded random projection of the context vectors.</summary>
public enum ClusterProjection
{
    /// <summary>-1 or +1.</summary>
    Signs,
    /// <summary>Uniform in [-1, 1).</summary>
    Uniform,
}

/// <summary>How k-means picks its first centroids.</summary>
public enum ClusterSeeding
{
    /// <summary>k-means++: each next seed drawn with probability proportional to weight x (1 - best cosine).</summary>
    KMeansPlusPlus,
    /// <summary>Distinct words drawn uniformly among the <see cref="ClusterTrainOptions.SeedPool"/> most frequent.</summary>
    RandomWords,
}

/// <summary>
/// Settings of <see cref="ClusterTrainer"/>. The defaults built the tagger's and the parser's clusters.bin.gz
/// (models/nlp-en-ewt); <see cref="Ner"/> built NER's (models/ner-en).
/// </summary>
public sealed record ClusterTrainOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>Where the word sequences come from (the treebank's sentences, if given, are always read as they are).</summary>
    public ClusterText Text { get; init; } = ClusterText.Tokenizer;
    /// <summary>Longest word kept as it is; longer (and empty) words are read per <see cref="TruncateLongWords"/>.</summary>
    public int MaxWordChars { get; init; } = WordClusterTable.MaxChars;
    /// <summary>True: a longer word keeps its first <see cref="MaxWordChars"/> characters; false: it reads as "&lt;long&gt;".</summary>
    public bool TruncateLongWords { get; init; }
    /// <summary>Tokens after which the next word starts a sentence (its capitalisation says nothing of the word).</summary>
    public IReadOnlyList<string> SentenceOpeners { get; init; } = [".", "!", "?", ":", ";", "\"", "``", "'", "(", "-", "--", "\u201c", "\u2014"];
    /// <summary>Words seen fewer times get no cluster.</summary>
    public int MinCount { get; init; } = 3;
    public int MaxVocabulary { get; init; } = 120_000;
    /// <summary>Only words with a letter get a cluster (they still count as contexts).</summary>
    public bool LettersOnly { get; init; }
    /// <summary>The most frequent words, used as context features.</summary>
    public int ContextWords { get; init; } = 1_000;
    /// <summary>
    /// Weight of each neighbour position, from the farthest left to the farthest right (as many each side): nearer
    /// neighbours say more about the word's syntax.
    /// </summary>
    public IReadOnlyList<float> PositionWeights { get; init; } = [0.5f, 1f, 1f, 0.5f];
    /// <summary>True: a sequence edge is a context of its own; false: it counts as a word outside <see cref="ContextWords"/>.</summary>
    public bool EdgeContext { get; init; } = true;
    public ClusterPmi Pmi { get; init; } = ClusterPmi.SmoothedContexts;
    public ClusterProjection Projection { get; init; } = ClusterProjection.Signs;
    /// <summary>Size of the dense vectors (random projection of the positive-PMI context vectors).</summary>
    public int Dimensions { get; init; } = 128;
    /// <summary>Fine clusters; the coarser levels follow (<see cref="CoarseLevels"/>).</summary>
    public int FineClusters { get; init; } = 1024;
    public IReadOnlyList<int> CoarseLevels { get; init; } = [256, 64, 16];
    /// <summary>True: each coarse level clusters the centroids of the level below (a hierarchy); false: each clusters the words afresh.</summary>
    public bool Hierarchical { get; init; } = true;
    public ClusterSeeding Seeding { get; init; } = ClusterSeeding.KMeansPlusPlus;
    /// <summary>With <see cref="ClusterSeeding.RandomWords"/>: the seeds are drawn among this many most frequent words.</summary>
    public int SeedPool { get; init; } = 20_000;
    public int Iterations { get; init; } = 12;
    public int CoarseIterations { get; init; } = 24;
    /// <summary>True: a cluster left empty keeps its centroid; false: its centroid becomes zero.</summary>
    public bool KeepEmptyClusters { get; init; } = true;

    /// <summary>The settings of NER's clusters: left and right neighbours, square-rooted PPMI, a fine and an independent coarse clustering.</summary>
    public static ClusterTrainOptions Ner { get; } = new()
    {
        Text = ClusterText.WhitespaceLines,
        MaxWordChars = 64,
        TruncateLongWords = true,
        SentenceOpeners = [".", "!", "?", ":", "\"", "'", "(", "-", "\u201c"],
        MinCount = 4,
        MaxVocabulary = 50_000,
        LettersOnly = true,
        PositionWeights = [1f, 1f],
        EdgeContext = false,
        Pmi = ClusterPmi.SquareRoot,
        Projection = ClusterProjection.Uniform,
        Dimensions = 96,
        FineClusters = 256,
        CoarseLevels = [32],
        Hierarchical = false,
        Seeding = ClusterSeeding.RandomWords,
        CoarseIterations = 12,
        KeepEmptyClusters = false,
    };
}

/// <summary>
/// Learns <see cref="WordClusterTable"/> word clusters from unlabelled text, the one trainer of the tagger's, the
/// parser's and NER's clusters: every word seen often enough gets a vector of its neighbours (a few positions left
/// and right, among the most frequent words) weighted by positive PMI, projected to a few dense dimensions with a
/// seeded random projection; spherical k-means gives the fine clusters and the coarser levels, either grouping the
/// fine clusters (each coarse cluster a union of fine ones, as the prefixes of Brown clusters are) or clustering the
/// words afresh. A capitalisation prior per word is counted on the way. Single-threaded and deterministic for a seed;
/// seconds to a few minutes. <see cref="ClusterTrainOptions"/> holds each model's recipe.
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
    /// Trains clusters on the words of <paramref name="treebank"/> (its gold tokens) and on <paramref name="texts"/>,
    /// read as <see cref="ClusterTrainOptions.Text"/> says (<paramref name="tokenizer"/> is needed only for
    /// <see cref="ClusterText.Tokenizer"/>).
    /// </summary>
    public static WordClusterTable Train(IReadOnlyList<ConlluSentence> treebank, IEnumerable<string> texts, Tokenizer? tokenizer, ClusterTrainOptions options, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var corpus = new Corpus(options);
        foreach (var s in treebank)
        {
            corpus.BeginSequence();
            foreach (var w in s.Words) corpus.Add(w.Form);
        }
        if (options.Text == ClusterText.Tokenizer)
        {
            ArgumentNullException.ThrowIfNull(tokenizer);
            var buffer = new TokenBuffer(4096);
            foreach (var text in texts)
            {
                buffer.Clear();
                tokenizer.Tokenize(text, buffer);
                corpus.BeginSequence();
                foreach (ref readonly var t in buffer.Span) corpus.Add(text.AsSpan(t.Start, t.End - t.Start));
            }
        }
        else
        {
            foreach (var text in texts) AddWhitespaceLines(corpus, text);
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
            if (options.LettersOnly && !HasLetter(corpus.Words[w])) continue;
            row[w] = vocab.Count;
            vocab.Add(w);
        }

        // Co-occurrence counts: word x neighbour position x (context word, "other", sequence edge if its own context).
        var positionWeights = options.PositionWeights.ToArray();
        int positions = positionWeights.Length, side = positions / 2;
        int edge = options.EdgeContext ? contexts + 1 : contexts;
        int slot = edge + 1, width = positions * slot;
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
                for (int p = 0; p < positions; p++)
                {
                    int at = i + (p < side ? p - side : p - side + 1);
                    int c = at < start || at >= end ? edge : contextIndex[ids[at]];
                    int key = p * slot + c;
                    float weight = positionWeights[p];
                    ref float cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cooc[r], key, out _);
                    cell += weight;
                    contextTotals[key] += weight;
                }
            }
        }
        var contextProbability = new double[width];
        double contextSum = 0;
        if (options.Pmi == ClusterPmi.SmoothedContexts)
        {
            for (int c = 0; c < width; c++) contextSum += contextProbability[c] = Math.Pow(contextTotals[c], 0.75);
            for (int c = 0; c < width; c++) contextProbability[c] /= contextSum;
        }
        else
        {
            foreach (double t in contextTotals) contextSum += t;
        }

        int dims = options.Dimensions;
        var random = new Random(options.Seed);
        var projection = new float[width * dims];
        for (int i = 0; i < projection.Length; i++)
            projection[i] = options.Projection == ClusterProjection.Signs ? (random.NextDouble() < 0.5 ? -1f : 1f) : (float)(random.NextDouble() * 2 - 1);
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
                float count = cooc[k][context];
                double pmi = options.Pmi == ClusterPmi.SmoothedContexts
                    ? Math.Log(count / wordTotal / contextProbability[context])
                    : Math.Log(count * contextSum / (wordTotal * contextTotals[context]));
                if (pmi <= 0) continue;
                float weight = options.Pmi == ClusterPmi.SmoothedContexts ? (float)pmi : (float)Math.Sqrt(pmi);
                var p = projection.AsSpan(context * dims, dims);
                for (int d = 0; d < dims; d++) target[d] += weight * p[d];
            }
            Centroids.Normalise(target);
            cooc[k] = null!;
        }
        log?.Invoke($"clusters: {vocab.Count} words with at least {options.MinCount} occurrences, vectors built ({clock.Elapsed.TotalSeconds:F0}s)");

        var weights = new float[vocab.Count];
        Array.Fill(weights, 1f);
        var (fine, fineCentroids, fineSizes) = KMeans(vectors, weights, dims, options.FineClusters, options.Iterations, options.Seed, options, log, "fine");
        log?.Invoke($"clusters: {options.FineClusters} fine clusters ({clock.Elapsed.TotalSeconds:F0}s)");
        int levels = options.CoarseLevels.Count;
        WordClusterTable table;
        if (options.Hierarchical)
        {
            var parents = new int[levels][];
            var levelVectors = fineCentroids;
            var levelWeights = fineSizes;
            var toLevel = new int[options.FineClusters];
            for (int f = 0; f < toLevel.Length; f++) toLevel[f] = f;
            for (int l = 0; l < levels; l++)
            {
                var (assign, centroids, sizes) = KMeans(levelVectors, levelWeights, dims, options.CoarseLevels[l], options.CoarseIterations, options.Seed + 1 + l, options, null, "coarse");
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
            table = WordClusterTable.Hierarchy(codes, options.FineClusters, parents);
        }
        else
        {
            var assigns = new int[levels + 1][];
            assigns[0] = fine;
            for (int l = 0; l < levels; l++)
                assigns[l + 1] = KMeans(vectors, weights, dims, options.CoarseLevels[l], options.CoarseIterations, options.Seed + 1 + l, options, log, "coarse").Assign;
            table = WordClusterTable.FromWords(Enumerable.Range(0, vocab.Count).Select(k =>
                (corpus.Words[vocab[k]], assigns.Select(a => a[k]).ToArray(), WordClusterTable.CaseBucketOf(corpus.CapitalisedMid[vocab[k]], corpus.LowerCase[vocab[k]]))));
        }
        log?.Invoke($"clusters: {string.Join(options.Hierarchical ? " > " : " and ", options.CoarseLevels.Prepend(options.FineClusters))} clusters built ({clock.Elapsed.TotalSeconds:F0}s)");
        return table;
    }

    private static bool HasLetter(string word)
    {
        foreach (char c in word) if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary><see cref="ClusterText.WhitespaceLines"/>: each line of <paramref name="text"/> one sequence.</summary>
    private static void AddWhitespaceLines(Corpus corpus, string text)
    {
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range);
            corpus.BeginSequence();
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                int start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                if (i > start) AddSplittingPunctuation(corpus, line[start..i]);
            }
        }
    }

    private static void AddSplittingPunctuation(Corpus corpus, ReadOnlySpan<char> raw)
    {
        int start = 0, end = raw.Length;
        while (start < end && char.IsPunctuation(raw[start])) corpus.Add(raw.Slice(start++, 1));
        int tail = end;
        while (tail > start && char.IsPunctuation(raw[tail - 1])) tail--;
        // Keep a final period on abbreviations such as "U.S." and "Corp."
        if (tail < end && raw[tail] == '.' && tail > start && (raw[start..tail].Contains('.') || (tail - start <= 4 && char.IsUpper(raw[start])))) tail++;
        if (tail > start) corpus.Add(raw[start..tail]);
        for (int i = tail; i < end; i++) corpus.Add(raw.Slice(i, 1));
    }

    /// <summary>Spherical k-means over weighted unit vectors, seeded as the options say; returns assignments, unit centroids and cluster weights.</summary>
    private static (int[] Assign, float[] Centroids, float[] Sizes) KMeans(float[] vectors, float[] weights, int dims, int k, int iterations, int seed,
        ClusterTrainOptions options, Action<string>? log, string name)
    {
        int n = weights.Length;
        k = Math.Min(k, n);
        var random = new Random(seed);
        var centroids = new float[k * dims];
        if (options.Seeding == ClusterSeeding.RandomWords)
        {
            int pool = Math.Max(k, Math.Min(n, options.SeedPool));
            var chosen = new HashSet<int>();
            for (int c = 0; c < k; c++)
            {
                int pick;
                do pick = random.Next(pool); while (!chosen.Add(pick));
                vectors.AsSpan(pick * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
            }
        }
        else
        {
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
        }
        var (assign, sizes) = Centroids.Lloyd(vectors, n, weights, centroids, k, dims, iterations, options.KeepEmptyClusters, log, name);
        return (assign, centroids, sizes);
    }

    /// <summary>The unlabelled corpus as word ids per sequence (sentence, line or document), with case counts per word.</summary>
    private sealed class Corpus
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _openers;
        private readonly int _maxChars;
        private readonly bool _truncate;
        private readonly List<int> _sequence = [];
        private int _sequenceStart = -1;
        private bool _sentenceStart = true;

        public Corpus(ClusterTrainOptions options)
        {
            _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            _openers = new HashSet<string>(options.SentenceOpeners, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            _maxChars = options.MaxWordChars;
            _truncate = options.TruncateLongWords;
        }

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

        /// <summary>Adds a word as written: its normalised form (<see cref="WordClusterTable.Normalise(ReadOnlySpan{char})"/>) is the key, its case is counted.</summary>
        public void Add(ReadOnlySpan<char> word)
        {
            var form = word;
            if (word.IsEmpty || word.Length > _maxChars)
            {
                if (_truncate) form = word[..Math.Min(word.Length, _maxChars)];
                else word = form = "<long>";
            }
            Span<char> key = stackalloc char[form.Length];
            WordClusterTable.Normalise(form, key);
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
            _sentenceStart = _openers.Contains(word);
        }

        /// <summary>Closes the open sequence; call once after the last word.</summary>
        public void Finish()
        {
            if (_sequenceStart >= 0 && _sequence.Count > _sequenceStart) Sequences.Add((_sequenceStart, _sequence.Count));
            _sequenceStart = -1;
        }
    }
}
