using System.IO.Compression;
using System.Text;
using Parley.Core;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Ner;

/// <summary>
/// Named-entity recogniser: a structured averaged perceptron over hashed token features (word, affixes, shapes,
/// neighbours, gazetteers, word clusters, document-level capitalisation and the labels given earlier in the
/// document), decoded with Viterbi under IOB2 constraints. Immutable after construction and thread-safe.
/// Output labels are IOB2 with types PER, ORG, LOC, MISC (no MISC in the <see cref="NerDomain.Web"/> domain).
/// </summary>
public sealed class NerModel
{
    public const string DefaultName = "ner-en";
    internal const string WeightsFile = "weights.bin.gz";
    internal const string GazetteerFile = "gazetteer.txt.gz";
    internal const string ClustersFile = WordClusterTable.FileName;
    private const string Magic = "PARLEY-NER";
    private const int FormatVersion = 2;

    private readonly NerWeights _weights;
    private readonly float[] _transition = new float[(NerWeights.L + 1) * NerWeights.L];
    [ThreadStatic] private static Scratch? _scratch;
    // the word-only part of each token's scores, per word type and thread (see NerFeatures.Word)
    private readonly ThreadLocal<WordScoreCache> _words = WordScoreCache.PerThread(NerFeatures.WordKeyLength, NerWeights.L, WordCacheSlots);

    /// <summary>
    /// Whether prediction reuses each word type's word-only score sum (<see cref="WordScoreCache"/>); off, every token
    /// scores all its features at once. The scores are the same to the bit either way: the word-only features come first,
    /// and a sum continued from a stored prefix adds the same weights in the same order.
    /// </summary>
    internal static bool UseWordCache { get; set; } = true;

    /// <summary>Word types the cache holds per thread (a power of two).</summary>
    internal const int WordCacheSlots = 8192;

    internal NerModel(NerWeights weights, bool domainFeatures, Gazetteer? gazetteer, WordClusterTable? clusters)
    {
        _weights = weights;
        _weights.Freeze();
        NerDecoder.Constrain(weights.Transition, _transition);
        DomainFeatures = domainFeatures;
        Gazetteer = gazetteer;
        Clusters = clusters;
    }

    public bool DomainFeatures { get; }
    public Gazetteer? Gazetteer { get; }
    public WordClusterTable? Clusters { get; }
    public int FeatureCount => _weights.RowCount;
    /// <summary>The frozen feature weights prediction reads.</summary>
    internal FeatureTable Table => _weights.Frozen!;
    /// <summary>The model folder's meta.json when loaded from a folder.</summary>
    public ModelMeta? Meta { get; internal set; }

    // ---------------- prediction ----------------

    /// <summary>IOB2 tags for one sentence (a document of one sentence).</summary>
    public string[] Predict(IReadOnlyList<string> tokens, NerDomain domain = NerDomain.News)
    {
        var result = PredictDocument([tokens], domain);
        return result[0];
    }

    /// <summary>IOB2 tags for every sentence of a document; document-level features look across its sentences.</summary>
    public string[][] PredictDocument(IReadOnlyList<IReadOnlyList<string>> sentences, NerDomain domain = NerDomain.News)
    {
        var labels = PredictLabels(sentences, domain);
        var result = new string[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++)
        {
            result[s] = new string[labels[s].Length];
            for (int k = 0; k < labels[s].Length; k++) result[s][k] = NerLabels.Names[labels[s][k]];
        }
        return result;
    }

    /// <summary>Label ids (see <see cref="NerLabels"/>) for every sentence of a document.</summary>
    public int[][] PredictLabels(IReadOnlyList<IReadOnlyList<string>> sentences, NerDomain domain = NerDomain.News)
    {
        var scratch = _scratch ??= new Scratch();
        var features = scratch.FeaturesFor(this);
        LoadDocument(features, sentences, scratch, domain);
        var result = new int[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++) result[s] = new int[sentences[s].Count];
        TagDocument(features, domain, scratch, (s, labels) => labels.CopyTo(result[s]));
        return result;
    }

    /// <summary>
    /// Tags a document given as text plus token spans and sentence ends (token indices, exclusive): the allocation-light
    /// path used by <see cref="NerComponent"/>. <paramref name="labels"/> receives one label id per token.
    /// </summary>
    public void PredictSpans(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int End)> tokens, ReadOnlySpan<int> sentenceEnds,
        Span<int> labels, NerDomain domain = NerDomain.News)
    {
        var scratch = _scratch ??= new Scratch();
        var features = scratch.FeaturesFor(this);
        features.Load(text, tokens, sentenceEnds, domain);
        var output = scratch.Output(tokens.Length);
        TagDocument(features, domain, scratch, (s, l) => l.CopyTo(output.AsSpan(features.SentenceStart(s))));
        output.AsSpan(0, tokens.Length).CopyTo(labels);
    }

    internal delegate void SentenceLabels(int sentence, ReadOnlySpan<int> labels);

    private void TagDocument(NerFeatures features, NerDomain domain, Scratch scratch, SentenceLabels sink)
    {
        int limit = NerDecoder.LabelLimit(domain);
        var table = Table;
        var words = UseWordCache ? _words.Value : null;
        Span<ulong> key = stackalloc ulong[NerFeatures.WordKeyLength];
        for (int s = 0; s < features.SentenceCount; s++)
        {
            int first = features.SentenceStart(s), n = features.SentenceEnd(s) - first;
            var emission = scratch.Emission(n);
            var best = scratch.Best(n);
            Span<ulong> buffer = scratch.FeatureBuffer;
            for (int k = 0; k < n; k++)
            {
                var scores = emission.AsSpan(k * NerWeights.L, NerWeights.L);
                if (words is null)
                {
                    NerDecoder.Score(_weights, buffer[..features.Extract(first + k, buffer, DomainFeatures)], scores);
                    continue;
                }
                features.WordKey(first + k, key);
                ulong hash = FeatureHash.Mix(key[0] ^ key[12]);
                var entry = words.Entry(key, hash, out int slot);
                if (!words.Holds(slot, 0))
                {
                    table.Score(buffer[..features.Word(first + k, buffer, DomainFeatures)], entry);
                    words.Hold(slot, 0);
                }
                entry.CopyTo(scores);
                table.Score(buffer[..features.Context(first + k, buffer, DomainFeatures)], scores, add: true);
            }
            NerDecoder.Viterbi(emission, n, _transition, limit, best);
            var labels = scratch.Iob2(n);
            NerBilou.ToIob2(best.AsSpan(0, n), labels);
            features.Remember(s, labels);
            sink(s, labels);
        }
    }

    internal static void LoadDocument(NerFeatures features, IReadOnlyList<IReadOnlyList<string>> sentences, Scratch scratch, NerDomain domain = NerDomain.News)
    {
        var text = new StringBuilder();
        int count = 0;
        foreach (var sentence in sentences) count += sentence.Count;
        var spans = scratch.Spans(count);
        var ends = new int[sentences.Count];
        int t = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            foreach (var token in sentences[s])
            {
                spans[t++] = (text.Length, text.Length + token.Length);
                text.Append(token).Append(' ');
            }
            ends[s] = t;
        }
        features.Load(text.ToString(), spans.AsSpan(0, count), ends, domain);
    }

    /// <summary>Per-thread reusable buffers.</summary>
    internal sealed class Scratch
    {
        private NerFeatures? _features;
        private NerModel? _owner;
        private float[] _emission = new float[256 * NerWeights.L];
        private int[] _iob2 = new int[256];
        private int[] _best = new int[256];
        private int[] _output = new int[1024];
        private (int, int)[] _spans = new (int, int)[1024];
        public readonly ulong[] FeatureBuffer = new ulong[NerFeatures.MaxFeatures * 2];

        public NerFeatures FeaturesFor(NerModel model)
        {
            if (_features is null || !ReferenceEquals(_owner, model))
            {
                _features = new NerFeatures(model.Gazetteer, model.Clusters);
                _owner = model;
            }
            return _features;
        }

        public float[] Emission(int n) => _emission.Length >= n * NerWeights.L ? _emission : _emission = new float[n * NerWeights.L * 2];
        public Span<int> Iob2(int n) => (_iob2.Length >= n ? _iob2 : _iob2 = new int[n * 2]).AsSpan(0, n);
        public int[] Best(int n) => _best.Length >= n ? _best : _best = new int[n * 2];
        public int[] Output(int n) => _output.Length >= n ? _output : _output = new int[n * 2];
        public (int, int)[] Spans(int n) => _spans.Length >= n ? _spans : _spans = new (int, int)[n * 2];
    }

    // ---------------- evaluation ----------------

    /// <summary>Scores the model on labelled documents (exact spans).</summary>
    public NerScore Evaluate(IEnumerable<NerDocument> documents)
    {
        var score = new NerScore();
        foreach (var doc in documents)
        {
            var sentences = new IReadOnlyList<string>[doc.Sentences.Count];
            for (int s = 0; s < sentences.Length; s++) sentences[s] = doc.Sentences[s].Tokens;
            var predicted = PredictLabels(sentences, doc.Domain);
            for (int s = 0; s < sentences.Length; s++) score.Add(doc.Sentences[s].Labels, predicted[s]);
        }
        return score;
    }

    // ---------------- persistence ----------------

    /// <summary>Loads a model folder (weights, gazetteer and clusters when present, meta.json).</summary>
    public static NerModel Load(string folder)
    {
        var gazetteerPath = Path.Combine(folder, GazetteerFile);
        var clustersPath = Path.Combine(folder, ClustersFile);
        var gazetteer = File.Exists(gazetteerPath) ? Gazetteer.Load(gazetteerPath) : null;
        var clusters = File.Exists(clustersPath) ? WordClusterTable.Load(clustersPath) : null;
        using var stream = new GZipStream(File.OpenRead(Path.Combine(folder, WeightsFile)), CompressionMode.Decompress);
        using var reader = new BinaryReader(stream);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException($"{folder}: not a Parley NER model of format {FormatVersion}");
        int labels = reader.ReadInt32();
        if (labels != NerWeights.L) throw new InvalidDataException($"{folder}: model has {labels} labels, expected {NerWeights.L}");
        bool domainFeatures = reader.ReadBoolean();
        bool hasGazetteer = reader.ReadBoolean(), hasClusters = reader.ReadBoolean();
        if (hasGazetteer != (gazetteer is not null) || hasClusters != (clusters is not null))
            throw new InvalidDataException($"{folder}: gazetteer or cluster file missing");
        int rows = reader.ReadInt32();
        var weights = new NerWeights { Rows = new Dictionary<ulong, int>(rows), Emission = new float[Math.Max(1, rows) * labels], RowCount = rows };
        for (int i = 0; i < weights.Transition.Length; i++) weights.Transition[i] = reader.ReadSingle();
        for (int r = 0; r < rows; r++) weights.Rows.Add(reader.ReadUInt64(), r);
        for (int i = 0; i < rows * labels; i++) weights.Emission[i] = (float)BitConverter.Int16BitsToHalf(reader.ReadInt16());
        var model = new NerModel(weights, domainFeatures, gazetteer, clusters);
        if (File.Exists(Path.Combine(folder, "meta.json"))) model.Meta = ModelMeta.Load(folder);
        return model;
    }

    /// <summary>The default English model (models/ner-en), or null when it is not installed.</summary>
    public static NerModel? LoadDefault()
    {
        var folder = ModelLocator.FindModel(DefaultName);
        return folder is null ? null : Load(folder);
    }

    /// <summary>
    /// Writes weights (half precision, rows whose weights are all near zero dropped, gzip), gazetteer and clusters.
    /// meta.json is written separately by the caller (<see cref="ModelMeta.Save"/>).
    /// </summary>
    public void Save(string folder, float pruneBelow = 1e-3f)
    {
        Directory.CreateDirectory(folder);
        const int L = NerWeights.L;
        var keep = new List<(ulong Key, int Row)>(_weights.RowCount);
        foreach (var (key, row) in _weights.Rows)
        {
            float max = 0;
            for (int y = 0; y < L; y++) max = Math.Max(max, Math.Abs(_weights.Emission[row * L + y]));
            if (max >= pruneBelow) keep.Add((key, row));
        }
        keep.Sort((a, b) => a.Key.CompareTo(b.Key));
        using (var file = File.Create(Path.Combine(folder, WeightsFile)))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new BinaryWriter(gzip))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(L);
            writer.Write(DomainFeatures);
            writer.Write(Gazetteer is not null);
            writer.Write(Clusters is not null);
            writer.Write(keep.Count);
            foreach (float t in _weights.Transition) writer.Write(t);
            foreach (var (key, _) in keep) writer.Write(key);
            foreach (var (_, row) in keep)
                for (int y = 0; y < L; y++) writer.Write(BitConverter.HalfToInt16Bits((Half)_weights.Emission[row * L + y]));
        }
        Gazetteer?.Save(Path.Combine(folder, GazetteerFile));
        Clusters?.Save(Path.Combine(folder, ClustersFile));
    }

    // ---------------- training ----------------

    /// <summary>Trains a model on labelled documents (deterministic for a given seed and document order).</summary>
    public static NerModel Train(IReadOnlyList<NerDocument> documents, NerTrainingOptions options, Gazetteer? gazetteer = null, WordClusterTable? clusters = null)
        => new NerTrainer(options, gazetteer, clusters).Train(documents);
}

/// <summary>Settings of <see cref="NerModel.Train"/>.</summary>
public sealed class NerTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 1;
    /// <summary>Adds a domain-specific copy of every feature, so news and web text share what they have in common.</summary>
    public bool DomainFeatures { get; init; } = true;
    /// <summary>Data sets scored after each epoch (with averaged weights), for the log.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<NerDocument> Documents)> Dev { get; init; } = [];
    public Action<string>? Log { get; init; }
}
