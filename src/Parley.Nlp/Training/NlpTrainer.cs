using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Conllu;
using Parley.Nlp.Evaluation;
using Parley.Nlp.Learning;
using Parley.Nlp.Lemmatization;
using Parley.Nlp.Parsing;
using Parley.Nlp.Tagging;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Training;

/// <summary>Options of <see cref="NlpTrainer"/>.</summary>
public sealed record NlpTrainOptions
{
    public int Seed { get; init; } = 1;
    public int TaggerEpochs { get; init; } = 8;
    public int SplitterEpochs { get; init; } = 4;
    /// <summary>Train the tagger's second pass (sees the first pass's tags of the following words).</summary>
    public bool Refine { get; init; } = true;
    /// <summary>
    /// The refiner reads sentences right to left, seeing the left-to-right first pass's tags of the preceding words
    /// (on EWT dev with gold tokenization, UPOS 95.32 against 95.26 for a left-to-right refiner).
    /// </summary>
    public bool RefinerRightToLeft { get; init; } = true;
    /// <summary>Train the dependency parser too (by <see cref="ParserRecipe"/>).</summary>
    public bool Parser { get; init; } = true;
    /// <summary>How the parser is trained.</summary>
    public ParserRecipe ParserRecipe { get; init; } = new();
    /// <summary>Use at most this many training sentences (0 = all); for quick runs.</summary>
    public int MaxSentences { get; init; }
    /// <summary>
    /// Folder holding the unlabelled news corpora (news_reuters21578, news_bbc, news_wikinews): word clusters are
    /// trained on them plus the treebank's train text and used by the tagger (and the parser). Null: see <see cref="ClustersFile"/>.
    /// </summary>
    public string? NewsFolder { get; init; }
    /// <summary>An existing clusters.bin.gz to use instead of training clusters; null with no <see cref="NewsFolder"/>: no clusters.</summary>
    public string? ClustersFile { get; init; }
    public ClusterTrainOptions Clusters { get; init; } = new();
}

/// <summary>Trains the NLP core on a UD treebank folder (train + dev CoNLL-U files), scores it on dev, saves the model folder.</summary>
public static class NlpTrainer
{
    public static (string Train, string Dev) FindSplits(string udFolder)
    {
        string? train = null, dev = null;
        foreach (var f in Directory.EnumerateFiles(udFolder, "*.conllu"))
        {
            var name = Path.GetFileName(f);
            if (name.Contains("-train", StringComparison.Ordinal)) train = f;
            else if (name.Contains("-dev", StringComparison.Ordinal)) dev = f;
        }
        if (train is null || dev is null) throw new FileNotFoundException($"{udFolder}: expected *-train.conllu and *-dev.conllu");
        return (train, dev);
    }

    public static (NlpModel Model, ModelMeta Meta) Train(string udFolder, string outFolder, NlpTrainOptions options, Action<string> log, string? command = null)
    {
        var (trainPath, devPath) = FindSplits(udFolder);
        var train = ConlluReader.ReadFile(trainPath);
        var dev = ConlluReader.ReadFile(devPath);
        if (options.MaxSentences > 0 && train.Count > options.MaxSentences) train = train.GetRange(0, options.MaxSentences);
        log($"read {train.Count} training and {dev.Count} dev sentences");
        var clock = Stopwatch.StartNew();

        var tokenizer = new Tokenizer(TreebankTokenizerLexicon.Learn(train, LanguageData.Default));
        var splitter = SentenceSplitter.Train(train, options.SplitterEpochs, options.Seed);
        log($"tokenizer and sentence splitter trained ({clock.Elapsed.TotalSeconds:F0}s)");
        WordClusterTable? clusters = null;
        if (options.NewsFolder is not null)
        {
            clusters = ClusterTrainer.Train(train, ClusterTrainer.NewsTexts(options.NewsFolder), tokenizer, options.Clusters with { Seed = options.Seed }, log);
            log($"word clusters trained: {clusters.Count} words ({clock.Elapsed.TotalSeconds:F0}s)");
        }
        else if (options.ClustersFile is not null) clusters = WordClusterTable.Load(options.ClustersFile);
        var morph = MorphFeatures.Train(train);
        var lemmatizer = Lemmatizer.Train(train);
        var tagger = Tagger.Train(train, options.TaggerEpochs, options.Seed, options.Refine, (epoch, t) =>
        {
            if (dev.Count == 0) return;
            var s = GoldTokenScores(new NlpModel(tokenizer, splitter, t, morph, lemmatizer), dev);
            log(string.Create(CultureInfo.InvariantCulture, $"tagger epoch {epoch + 1}: dev upos={s.Upos:F2} xpos={s.Xpos:F2} ({clock.Elapsed.TotalSeconds:F0}s)"));
        }, log, clusters, options.RefinerRightToLeft);
        var model = new NlpModel(tokenizer, splitter, tagger, morph, lemmatizer);
        log($"tagger, features and lemmatizer trained ({clock.Elapsed.TotalSeconds:F0}s); tagger weights: {tagger.Model.FeatureCount} features, {tagger.Model.EntryCount} entries");
        model.Save(outFolder);

        DependencyParser? parse = null;
        if (options.Parser)
        {
            log($"training the dependency parser ({options.ParserRecipe.Arguments})");
            var recipe = options.ParserRecipe with { Seed = options.Seed };
            parse = recipe.Train(train, dev, TagJackknife.TagWith(model.TaggerComponent(), dev), clusters, log);
            ParserRecipe.Save(parse, Path.Combine(outFolder, DependencyParser.Subfolder));
            log($"parser trained ({clock.Elapsed.TotalSeconds:F0}s)");
        }
        bool parser = parse is not null;

        var gold = GoldTokenScores(model, dev, parse);
        log("dev, gold tokenization: " + gold.Format());
        var (raw, tokensPerSecond) = RawTextScores(model, dev, parse);
        log("dev, raw text:          " + raw.Format());
        log(string.Create(CultureInfo.InvariantCulture, $"speed: {tokensPerSecond:F0} tokens per CPU-second on one thread (dev running text{(parse is null ? "" : ", with parser")})"));

        var meta = new ModelMeta
        {
            Name = NlpModel.DefaultName,
            Version = "2.0.0",
            Description = "English tokenizer, sentence splitter, UPOS/XPOS tagger, FEATS, lemmatizer" + (parser ? ", dependency parser" : "") + " trained on UD English-EWT",
            Trained = DateValue.TodayText(),
            Command = command,
            Data = [Path.GetFileName(trainPath), Path.GetFileName(devPath) + " (evaluation only)"],
            Seed = options.Seed,
        };
        if (options.NewsFolder is not null)
        {
            meta.Data.Add("word clusters (clusters.bin.gz, " + ClusterDescription(options.Clusters) + ") from unlabelled text: en_ewt-ud-train.conllu words and "
                + string.Join(", ", ClusterTrainer.NewsFiles.Select(f => f.File + " (" + f.Field + ")")) + "; only the word-to-cluster table is kept");
        }
        else if (options.ClustersFile is not null) meta.Data.Add("word clusters from " + Path.GetFileName(options.ClustersFile));
        meta.Labels["tagger"] = [.. tagger.Labels.Select(l => l.Replace('\t', '/'))];
        foreach (var (k, v) in gold.ToDictionary("dev_gold_tok_")) meta.Scores[k] = v;
        foreach (var (k, v) in raw.ToDictionary("dev_raw_")) meta.Scores[k] = v;
        if (parse is null)
            foreach (var k in meta.Scores.Keys.Where(k => k.EndsWith("uas", StringComparison.Ordinal) || k.EndsWith("las", StringComparison.Ordinal)).ToList())
                meta.Scores.Remove(k);
        meta.Speed["tokens_per_cpu_second_1_thread"] = Math.Round(tokensPerSecond);
        foreach (var file in Directory.EnumerateFiles(outFolder, "*.gz"))
            meta.Files[Path.GetFileName(file)] = new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture) + " bytes";
        meta.Save(outFolder);
        if (parse is not null) SaveParserMeta(parse, outFolder, options, meta, command);
        log($"model written to {outFolder} ({clock.Elapsed.TotalSeconds:F0}s in all)");
        return (model, meta);
    }

    /// <summary>meta.json of the parser/ subfolder: its recipe, relations and the dev attachment scores of the whole model.</summary>
    private static void SaveParserMeta(DependencyParser parser, string outFolder, NlpTrainOptions options, ModelMeta nlpMeta, string? command)
    {
        string folder = Path.Combine(outFolder, DependencyParser.Subfolder);
        var meta = new ModelMeta
        {
            Name = "parser",
            Version = parser.IsNeural ? "2" : "1",
            Description = parser.IsNeural
                ? "Arc-hybrid greedy dependency parser: moves, relations and corrected UPOS/XPOS from a BiLSTM network (neural.bin.gz) reading the tagger's tags"
                    + (parser.PerceptronWeights is (0, 0) ? "; the averaged perceptron it was trained after (parser.bin.gz) is kept but not consulted" : ", plus weighted averaged-perceptron scores (parser.bin.gz)")
                    + "; trained with a dynamic oracle on jackknifed tags"
                : "Arc-hybrid greedy dependency parser, averaged perceptron with dynamic oracle, hashed features, trained on jackknifed tags",
            Trained = nlpMeta.Trained,
            Command = (command ?? "parley train nlp") + " (parser: " + (options.ParserRecipe with { Seed = options.Seed }).Arguments + ")",
            Data = nlpMeta.Data,
            Seed = options.Seed,
            Labels = new Dictionary<string, List<string>> { ["deprel"] = [.. parser.Labels] },
        };
        foreach (var (k, v) in nlpMeta.Scores)
            if (k.EndsWith("uas", StringComparison.Ordinal) || k.EndsWith("las", StringComparison.Ordinal)) meta.Scores[k] = v;
        if (parser.IsNeural)
        {
            var (moves, relations) = parser.PerceptronWeights;
            meta.Scores["perceptron_move_weight"] = moves;
            meta.Scores["perceptron_relation_weight"] = relations;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.gz"))
            meta.Files[Path.GetFileName(file)] = new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture) + " bytes";
        meta.Save(folder);
    }

    private static string ClusterDescription(ClusterTrainOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.FineClusters} k-means clusters grouped into {string.Join("/", o.CoarseLevels)}, {o.Dimensions}-dimension PPMI context vectors of words seen {o.MinCount}+ times, seed {o.Seed}");

    /// <summary>Tags the gold tokenization of <paramref name="dev"/> and scores it.</summary>
    public static ConlluScores GoldTokenScores(NlpModel model, IReadOnlyList<ConlluSentence> dev, DependencyParser? parser = null)
    {
        var doc = DocumentConllu.FromSentences("dev", dev);
        var tagger = model.TaggerComponent();
        tagger.Process(doc);
        parser?.Parse(doc, default, tagger.Reanalyse);
        return ConlluEvaluator.Score(dev, ToConllu(doc));
    }

    /// <summary>Runs the whole pipeline on the running text of <paramref name="dev"/>; returns the scores and tokens per second.</summary>
    public static (ConlluScores Scores, double TokensPerSecond) RawTextScores(NlpModel model, IReadOnlyList<ConlluSentence> dev, DependencyParser? parser = null)
    {
        var text = ConlluEvaluator.RunningText(dev);
        var tokenizer = model.TokenizerComponent();
        var tagger = model.TaggerComponent();
        // warm up once, then time
        var doc = new Document("dev", text);
        tokenizer.Process(doc); tagger.Process(doc); parser?.Parse(doc, default, tagger.Reanalyse);
        doc = new Document("dev", text);
        // CPU time of this process rather than wall-clock time: on a shared machine the wall clock also
        // counts other processes' turns
        using var self = Process.GetCurrentProcess();
        var before = self.TotalProcessorTime;
        tokenizer.Process(doc);
        tagger.Process(doc);
        parser?.Parse(doc, default, tagger.Reanalyse);
        self.Refresh();
        double seconds = (self.TotalProcessorTime - before).TotalSeconds;
        return (ConlluEvaluator.Score(dev, ToConllu(doc)), doc.TokenCount / Math.Max(1e-9, seconds));
    }

    private static List<ConlluSentence> ToConllu(Document doc)
    {
        var w = new StringWriter();
        DocumentConllu.Write(w, doc);
        return [.. ConlluReader.Read(new StringReader(w.ToString()))];
    }
}
