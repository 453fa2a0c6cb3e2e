using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Evaluation;
using Parley.Nlp.Lemmatization;
using Parley.Nlp.Tagging;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Training;

/// <summary>Options of <see cref="NlpTrainer"/>.</summary>
public sealed record NlpTrainOptions
{
    public int Seed { get; init; } = 1;
    public int TaggerEpochs { get; init; } = 8;
    public int SplitterEpochs { get; init; } = 4;
    /// <summary>Train the dependency parser too when its code is present.</summary>
    public bool Parser { get; init; } = true;
    /// <summary>Use at most this many training sentences (0 = all); for quick runs.</summary>
    public int MaxSentences { get; init; }
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

        var tokenizer = new Tokenizer(TokenizerLexicon.Learn(train));
        var splitter = SentenceSplitter.Train(train, options.SplitterEpochs, options.Seed);
        log($"tokenizer and sentence splitter trained ({clock.Elapsed.TotalSeconds:F0}s)");
        var morph = MorphFeatures.Train(train);
        var lemmatizer = Lemmatizer.Train(train);
        var tagger = Tagger.Train(train, options.TaggerEpochs, options.Seed, (epoch, t) =>
        {
            if (dev.Count == 0) return;
            var s = GoldTokenScores(new NlpModel(tokenizer, splitter, t, morph, lemmatizer), dev);
            log(string.Create(CultureInfo.InvariantCulture, $"tagger epoch {epoch + 1}: dev upos={s.Upos:F2} xpos={s.Xpos:F2} ({clock.Elapsed.TotalSeconds:F0}s)"));
        });
        var model = new NlpModel(tokenizer, splitter, tagger, morph, lemmatizer);
        log($"tagger, features and lemmatizer trained ({clock.Elapsed.TotalSeconds:F0}s)");
        model.Save(outFolder);

        bool parser = options.Parser && ParserBridge.TryTrain(train, dev, outFolder, options.Seed, log);
        var parse = parser ? ParserBridge.TryLoad(outFolder) : null;

        var gold = GoldTokenScores(model, dev, parse);
        log("dev, gold tokenization: " + gold.Format());
        var (raw, tokensPerSecond) = RawTextScores(model, dev, parse);
        log("dev, raw text:          " + raw.Format());
        log(string.Create(CultureInfo.InvariantCulture, $"speed: {tokensPerSecond:F0} tokens/s on one thread (dev running text{(parse is null ? "" : ", with parser")})"));

        var meta = new ModelMeta
        {
            Name = NlpModel.DefaultName,
            Version = "1.0.0",
            Description = "English tokenizer, sentence splitter, UPOS/XPOS tagger, FEATS, lemmatizer" + (parser ? ", dependency parser" : "") + " trained on UD English-EWT",
            Trained = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Command = command,
            Data = [Path.GetFileName(trainPath), Path.GetFileName(devPath) + " (evaluation only)"],
            Seed = options.Seed,
        };
        meta.Labels["tagger"] = [.. tagger.Labels.Select(l => l.Replace('\t', '/'))];
        foreach (var (k, v) in gold.ToDictionary("dev_gold_tok_")) meta.Scores[k] = v;
        foreach (var (k, v) in raw.ToDictionary("dev_raw_")) meta.Scores[k] = v;
        meta.Speed["tokens_per_second_1_thread"] = Math.Round(tokensPerSecond);
        foreach (var file in Directory.EnumerateFiles(outFolder, "*.gz"))
            meta.Files[Path.GetFileName(file)] = new FileInfo(file).Length.ToString(CultureInfo.InvariantCulture) + " bytes";
        meta.Save(outFolder);
        log($"model written to {outFolder} ({clock.Elapsed.TotalSeconds:F0}s in all)");
        return (model, meta);
    }

    /// <summary>Tags the gold tokenization of <paramref name="dev"/> and scores it.</summary>
    public static ConlluScores GoldTokenScores(NlpModel model, IReadOnlyList<ConlluSentence> dev, ParserBridge? parser = null)
    {
        var doc = DocumentConllu.FromSentences("dev", dev);
        model.TaggerComponent().Process(doc);
        parser?.Parse(doc);
        return ConlluEvaluator.Score(dev, ToConllu(doc));
    }

    /// <summary>Runs the whole pipeline on the running text of <paramref name="dev"/>; returns the scores and tokens per second.</summary>
    public static (ConlluScores Scores, double TokensPerSecond) RawTextScores(NlpModel model, IReadOnlyList<ConlluSentence> dev, ParserBridge? parser = null)
    {
        var text = ConlluEvaluator.RunningText(dev);
        var tokenizer = model.TokenizerComponent();
        var tagger = model.TaggerComponent();
        // warm up once, then time
        var doc = new Document("dev", text);
        tokenizer.Process(doc); tagger.Process(doc); parser?.Parse(doc);
        doc = new Document("dev", text);
        var clock = Stopwatch.StartNew();
        tokenizer.Process(doc);
        tagger.Process(doc);
        parser?.Parse(doc);
        double seconds = clock.Elapsed.TotalSeconds;
        return (ConlluEvaluator.Score(dev, ToConllu(doc)), doc.TokenCount / Math.Max(1e-9, seconds));
    }

    private static List<ConlluSentence> ToConllu(Document doc)
    {
        var w = new StringWriter();
        DocumentConllu.Write(w, doc);
        return [.. ConlluReader.Read(new StringReader(w.ToString()))];
    }
}
