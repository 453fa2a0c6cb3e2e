using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Nlp.Learning;
using Parley.Nlp.Training;

namespace Parley.Nlp.Ner;

/// <summary>Where `parley train ner` reads its data and writes its model.</summary>
public sealed class NerTrainingSettings
{
    /// <summary>CoNLL-2003 folder with eng.train and eng.testa (dev); null to leave it out.</summary>
    public string? ConllDir { get; init; }
    /// <summary>UNER English-EWT folder with the draft train and the dev .iob2; null to leave it out.</summary>
    public string? UnerDir { get; init; }
    /// <summary>Shared data root holding gazetteer_geonames, cameo_petrarch2_dictionaries and the news_* corpora; null: no gazetteer, no clusters.</summary>
    public string? DataRoot { get; init; }
    public required string OutDir { get; init; }
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 8;
    public bool DomainFeatures { get; init; } = true;
    public bool Clusters { get; init; } = true;
    public string Command { get; init; } = "parley train ner";
    /// <summary>How many times the UNER training documents are repeated per epoch (it is the smaller, harder set).</summary>
    public int UnerCopies { get; init; } = 2;
    /// <summary>Train on UNER sentences as one-sentence documents (as `ner --input conll` sees its dev file, which has no document marks).</summary>
    public bool UnerSentenceDocuments { get; init; } = true;
}

/// <summary>The whole training run behind `parley train ner`: read data, build resources, train, score dev, save with meta.json.</summary>
public static class NerTrainingRun
{
    public const string UnerTrainFile = "en_ewt-ud-train.EARLY-DRAFT-0c7ce0d.iob2";
    public const string UnerDevFile = "en_ewt-ud-dev.iob2";

    public static ModelMeta Run(NerTrainingSettings settings, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var train = new List<NerDocument>();
        var dev = new List<(string Name, IReadOnlyList<NerDocument> Documents)>();
        var data = new List<string>();
        if (settings.ConllDir is not null)
        {
            train.AddRange(NerCorpus.ReadConll2003File(Path.Combine(settings.ConllDir, "eng.train")));
            dev.Add(("conll2003", NerCorpus.ReadConll2003File(Path.Combine(settings.ConllDir, "eng.testa"))));
            data.Add("CoNLL-2003 English eng.train (dev: eng.testa)");
        }
        if (settings.UnerDir is not null)
        {
            var unerTrain = NerCorpus.ReadIob2File(Path.Combine(settings.UnerDir, UnerTrainFile));
            if (settings.UnerSentenceDocuments) unerTrain = SplitSentences(unerTrain);
            for (int copy = 0; copy < settings.UnerCopies; copy++) train.AddRange(unerTrain);
            var unerDev = NerCorpus.ReadIob2File(Path.Combine(settings.UnerDir, UnerDevFile));
            // The scorer's input (ner_eval.py) has no document marks, so the headline figure tags sentence by sentence.
            dev.Add(("uner_ewt", SplitSentences(unerDev)));
            dev.Add(("uner_ewt_documents", unerDev));
            data.Add($"UNER English-EWT {UnerTrainFile} (dev: {UnerDevFile})");
        }
        if (train.Count == 0) throw new BadInputException("no training data: give --conll and/or --uner");
        log($"read {train.Count} training documents, {Count(train)} tokens ({clock.Elapsed.TotalSeconds:F0}s)");

        Gazetteer? gazetteer = null;
        WordClusterTable? clusters = null;
        if (settings.DataRoot is not null)
        {
            gazetteer = Gazetteer.FromEntries(GazetteerBuilder.Build(settings.DataRoot));
            log($"gazetteer: {gazetteer.PhraseCount} phrases ({clock.Elapsed.TotalSeconds:F0}s)");
            if (settings.Clusters)
            {
                clusters = ClusterTrainer.Train([], ClusterTrainer.NewsTexts(settings.DataRoot), null, ClusterTrainOptions.Ner with { Seed = settings.Seed }, log);
                log($"word clusters: {clusters.Count} words ({clock.Elapsed.TotalSeconds:F0}s)");
            }
        }

        var options = new NerTrainingOptions
        {
            Epochs = settings.Epochs,
            Seed = settings.Seed,
            DomainFeatures = settings.DomainFeatures,
            Dev = dev,
            Log = log,
        };
        var trained = NerModel.Train(train, options, gazetteer, clusters);
        trained.Save(settings.OutDir);
        // Score the saved model (half-precision, pruned), which is what users get.
        var model = NerModel.Load(settings.OutDir);

        var meta = new ModelMeta
        {
            Name = NerModel.DefaultName,
            Version = "1.0.0",
            Description = "Named entities (PER, ORG, LOC, MISC; IOB2): structured averaged perceptron, Viterbi, gazetteers, word clusters, document-level features.",
            Trained = DateValue.TodayText(),
            Command = settings.Command,
            Data = data,
            Seed = settings.Seed,
            Labels = new() { ["ner"] = [.. NerLabels.Names] },
        };
        foreach (var (name, docs) in dev)
        {
            var domain = docs.Count > 0 ? docs[0].Domain : NerDomain.News;
            var score = model.Evaluate(docs);
            int types = domain == NerDomain.Web ? 3 : 4;
            meta.Scores[$"{name}_dev_f1"] = Math.Round(score.F1(Enumerable.Range(0, types).ToArray()), 2);
            for (int t = 0; t < types; t++) meta.Scores[$"{name}_dev_f1_{NerLabels.Types[t]}"] = Math.Round(score.TypeF1(t), 2);
            log($"dev {name} ({domain}): {score.Summary(domain)}");
            if (domain == NerDomain.Web)
            {
                // How the news-domain output (the pipeline's default) does on web text, PER/ORG/LOC only.
                var asNews = model.Evaluate(Retag(docs, NerDomain.News));
                meta.Scores[$"{name}_dev_f1_news_domain"] = Math.Round(asNews.F1(0, 1, 2), 2);
                log($"dev {name} tagged as news: F1 {asNews.F1(0, 1, 2):F2} (PER, ORG, LOC)");
            }
        }
        meta.Speed["tokens_per_second"] = Math.Round(MeasureSpeed(model, dev.Count > 0 ? dev[0].Documents : train));
        meta.Speed["training_seconds"] = Math.Round(clock.Elapsed.TotalSeconds);
        foreach (var file in Directory.GetFiles(settings.OutDir))
            if (!file.EndsWith("meta.json", StringComparison.Ordinal))
                meta.Files[Path.GetFileName(file)] = $"{new FileInfo(file).Length} bytes";
        meta.Save(settings.OutDir);
        log($"saved {settings.OutDir} ({meta.Speed["tokens_per_second"]} tokens/s, {clock.Elapsed.TotalSeconds:F0}s in all)");
        return meta;
    }

    /// <summary>Tokens per second of document-level prediction on one thread, by CPU time (best of three passes).</summary>
    public static double MeasureSpeed(NerModel model, IReadOnlyList<NerDocument> docs)
    {
        var sentences = new List<IReadOnlyList<string>[]>();
        int tokens = 0;
        foreach (var doc in docs)
        {
            var s = new IReadOnlyList<string>[doc.Sentences.Count];
            for (int i = 0; i < s.Length; i++) { s[i] = doc.Sentences[i].Tokens; tokens += s[i].Count; }
            sentences.Add(s);
        }
        // CPU time of this thread's work (the machine may be shared): best of three passes.
        double best = 0;
        using var process = Process.GetCurrentProcess();
        for (int pass = 0; pass < 3; pass++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            foreach (var s in sentences) model.PredictLabels(s);
            process.Refresh();
            best = Math.Max(best, tokens / Math.Max(1e-6, (process.TotalProcessorTime - before).TotalSeconds));
        }
        return best;
    }

    /// <summary>Each sentence as a document of its own.</summary>
    public static List<NerDocument> SplitSentences(IReadOnlyList<NerDocument> docs)
    {
        var result = new List<NerDocument>();
        foreach (var d in docs)
        {
            foreach (var s in d.Sentences)
            {
                var single = new NerDocument(d.Domain);
                single.Sentences.Add(s);
                result.Add(single);
            }
        }
        return result;
    }

    private static List<NerDocument> Retag(IReadOnlyList<NerDocument> docs, NerDomain domain)
    {
        var result = new List<NerDocument>(docs.Count);
        foreach (var d in docs)
        {
            var copy = new NerDocument(domain);
            copy.Sentences.AddRange(d.Sentences);
            result.Add(copy);
        }
        return result;
    }

    private static int Count(List<NerDocument> docs)
    {
        int n = 0;
        foreach (var d in docs) foreach (var s in d.Sentences) n += s.Tokens.Length;
        return n;
    }
}
