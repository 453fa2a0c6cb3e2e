using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Learning;
using Parley.Nlp.Neural;
using Parley.Nlp;
using Parley.Nlp.Parsing;
using Parley.Nlp.Training;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley train parser --ud DIR [--out models/nlp-en-ewt] [--seed N] [--epochs N] [--jackknife K [--predicted-share P]]`: trains the dependency parser on a
/// UD treebank's train split, scores it on the dev split (gold tags and simulated tagger errors), writes parser.bin.gz
/// and meta.json into the "parser" subfolder of the NLP model folder (where the NLP pipeline looks for it).
/// </summary>
internal static class TrainParserCommand
{
    public static Command Create()
    {
        var ud = new Option<DirectoryInfo>("--ud") { Description = "UD treebank folder holding *-ud-train.conllu and *-ud-dev.conllu", Required = true };
        var output = new Option<string>("--out") { Description = "Model folder", DefaultValueFactory = _ => "models/nlp-en-ewt" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => new ParserTrainOptions().Epochs };
        var noise = new Option<double>("--tag-noise") { Description = "Chance that an ambiguous word gets a wrong tag while training (others: a fifth of it)", DefaultValueFactory = _ => new ParserTrainOptions().SimulatedAmbiguousErrorRate };
        var tagged = new Option<FileInfo?>("--dev-tagged") { Description = "The dev split with predicted tags (same words, e.g. from `parley parse --input conllu`), scored as well" };
        var devOutput = new Option<FileInfo?>("--dev-output") { Description = "Write the parsed dev split (gold tags) here, for conllu_eval.py" };
        var jackknife = new Option<int>("--jackknife") { Description = "Train on jackknifed predicted tags: split train into this many folds by document, tag each with a tagger trained on the others (0 = gold tags plus simulated noise)" };
        var jackknifeEpochs = new Option<int>("--jackknife-epochs") { Description = "Tagger epochs of each jackknife fold", DefaultValueFactory = _ => 6 };
        var trainTagged = new Option<FileInfo?>("--train-tagged") { Description = "With --jackknife: write the jackknifed train split here; without: read predicted train tags from here" };
        var share = new Option<double>("--predicted-share") { Description = "With predicted train tags: chance that a sentence is shown with them in an epoch (otherwise gold tags with --tag-noise)", DefaultValueFactory = _ => 1.0 };
        // measured on EWT dev with jackknifed tags: no gain (LAS +0.01) for 12% more features, so off unless asked for
        var useClusters = new Option<bool>("--use-clusters") { Description = "Add features from the model folder's word clusters (clusters.bin.gz)" };
        var moveBits = new Option<int>("--move-bits") { Description = "log2 of the weight rows of the transition model", DefaultValueFactory = _ => new ParserTrainOptions().MoveBits };
        var labelBits = new Option<int>("--label-bits") { Description = "log2 of the weight rows of the label model", DefaultValueFactory = _ => new ParserTrainOptions().LabelBits };
        var ensemble = new Option<int>("--ensemble") { Description = "Train this many parsers (seeds seed, seed+1, ...) on the same tags and sum their scores when parsing", DefaultValueFactory = _ => 1 };
        var neural = new Option<bool>("--neural") { Description = "Train the BiLSTM scorer (neural.bin.gz) for the parser already in the model folder, which then decides with it" };
        var hidden = new Option<int>("--hidden") { Description = "With --neural: LSTM units per direction", DefaultValueFactory = _ => new NeuralParserShape().Hidden };
        var moveHidden = new Option<int>("--move-hidden") { Description = "With --neural: units of the move layer", DefaultValueFactory = _ => new NeuralParserShape().MoveHidden };
        var rate = new Option<float>("--learning-rate") { Description = "With --neural: Adam's learning rate", DefaultValueFactory = _ => new NeuralTrainOptions().LearningRate };
        var layers = new Option<int>("--layers") { Description = "With --neural: stacked BiLSTM layers (1 or 2)", DefaultValueFactory = _ => new NeuralParserShape().Layers };
        var tagHidden = new Option<int>("--tag-hidden") { Description = "With --neural: units of the hidden tag layer (0: linear)" };
        var mix = new Option<bool>("--mix") { Description = "With --neural: add the perceptron's scores to the network's, with weights chosen on dev" };
        var dropout = new Option<float>("--dropout") { Description = "With --neural: dropout of the input vectors", DefaultValueFactory = _ => new NeuralTrainOptions().Dropout };
        var command = new Command("parser", "Train the dependency parser on a UD treebank") { ud, output, seed, epochs, noise, tagged, devOutput, jackknife, jackknifeEpochs, trainTagged, share, useClusters, moveBits, labelBits, ensemble, neural, hidden, moveHidden, rate, dropout, mix, layers, tagHidden };
        command.SetAction(result =>
        {
            var neuralOptions = result.GetValue(neural)
                ? new NeuralTrainOptions { Shape = new() { Hidden = result.GetValue(hidden), MoveHidden = result.GetValue(moveHidden), Layers = result.GetValue(layers), TagHidden = result.GetValue(tagHidden) }, LearningRate = result.GetValue(rate), Dropout = result.GetValue(dropout), Mix = result.GetValue(mix) }
                : null;
            return Run(result.GetValue(ud)!, result.GetValue(output)!, result.GetValue(seed), result.GetValue(epochs),
                result.GetValue(noise), result.GetValue(tagged), result.GetValue(devOutput), result.GetValue(jackknife), result.GetValue(jackknifeEpochs), result.GetValue(trainTagged), result.GetValue(share),
                result.GetValue(useClusters), result.GetValue(moveBits), result.GetValue(labelBits), result.GetValue(ensemble), neuralOptions);
        });
        return command;
    }

    private static int Run(DirectoryInfo ud, string output, int seed, int epochs, double noise, FileInfo? taggedFile, FileInfo? devOutput, int jackknife, int jackknifeEpochs, FileInfo? trainTaggedFile, double share, bool useClusters, int moveBits, int labelBits, int ensemble, NeuralTrainOptions? neural)
    {
        if (ensemble is < 1 or > 8) { Console.Error.WriteLine($"--ensemble {ensemble}: must be 1-8"); return 1; }
        if (moveBits is < 12 or > 26 || labelBits is < 8 or > 24) { Console.Error.WriteLine($"--move-bits {moveBits} / --label-bits {labelBits}: must be 12-26 / 8-24"); return 1; }
        if (share is < 0 or > 1) { Console.Error.WriteLine($"--predicted-share {share}: must be between 0 and 1"); return 1; }
        if (jackknife is 1 or < 0) { Console.Error.WriteLine($"--jackknife {jackknife}: must be 0 or at least 2"); return 1; }
        if (jackknifeEpochs < 1) { Console.Error.WriteLine($"--jackknife-epochs {jackknifeEpochs}: must be at least 1"); return 1; }
        if (epochs < 1) { Console.Error.WriteLine($"--epochs {epochs}: must be at least 1"); return 1; }
        if (noise is < 0 or > 1) { Console.Error.WriteLine($"--tag-noise {noise}: must be between 0 and 1"); return 1; }
        string? trainPath = FindSplit(ud, "train"), devPath = FindSplit(ud, "dev");
        if (trainPath is null || devPath is null)
        {
            Console.Error.WriteLine($"{ud.FullName}: no *-ud-train.conllu and *-ud-dev.conllu found");
            return 2;
        }
        List<ConlluSentence> train, dev;
        List<ConlluSentence>? devTagged = null, trainTagged = null;
        try
        {
            train = ConlluReader.ReadFile(trainPath);
            dev = ConlluReader.ReadFile(devPath);
            if (taggedFile is not null)
            {
                devTagged = ConlluReader.ReadFile(taggedFile.FullName);
                if (!SameWords(dev, devTagged))
                {
                    Console.Error.WriteLine($"{taggedFile.FullName}: words differ from the dev split");
                    return 2;
                }
            }
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{ud.FullName}: {e.Message}");
            return 2;
        }
        Console.WriteLine($"train: {train.Count} sentences, dev: {dev.Count} sentences");
        // the clusters the NLP model's tagger uses, when it has them: the jackknife taggers use them too (so that their
        // tags are like the shipped tagger's), the parser's features only with --use-clusters
        var clustersPath = Path.Combine(output, WordClusterTable.FileName);
        var clusters = File.Exists(clustersPath) ? WordClusterTable.Load(clustersPath) : null;
        if (clusters is not null) Console.WriteLine($"word clusters: {clusters.Count} words from {clustersPath}");
        var clock = Stopwatch.StartNew();
        if (jackknife >= 2 || trainTaggedFile is not null)
        {
            try
            {
                if (jackknife >= 2)
                {
                    trainTagged = TagJackknife.Tag(train, jackknife, jackknifeEpochs, seed, refine: true, Console.WriteLine, clusters);
                    if (trainTaggedFile is not null) WriteAll(trainTagged, trainTaggedFile.FullName);
                }
                else
                {
                    trainTagged = ConlluReader.ReadFile(trainTaggedFile!.FullName);
                    if (!SameWords(train, trainTagged)) { Console.Error.WriteLine($"{trainTaggedFile.FullName}: words differ from the train split"); return 2; }
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{trainTaggedFile?.FullName ?? output}: {e.Message}");
                return 2;
            }
            Console.WriteLine($"predicted train tags ready ({clock.Elapsed.TotalSeconds:F0}s)");
        }
        // Score dev with the tags the shipped tagger gives it (gold tokenization), unless given explicitly.
        if (devTagged is null && File.Exists(Path.Combine(output, "tagger.bin.gz")))
            devTagged = TagJackknife.TagWith(NlpModel.Load(output).TaggerComponent(), dev);
        if (neural is not null)
            return RunNeural(ud, output, seed, epochs, jackknife, jackknifeEpochs, share, clusters, train, dev, trainTagged, devTagged, neural);
        var options = new ParserTrainOptions
        {
            Seed = seed, Epochs = epochs, Progress = Console.WriteLine,
            SimulatedAmbiguousErrorRate = noise, SimulatedOtherErrorRate = noise / 5,
            PredictedTags = trainTagged is null ? null : _ => trainTagged, PredictedTagShare = share, Clusters = useClusters ? clusters : null, MoveBits = moveBits, LabelBits = labelBits,
        };
        var members = new List<DependencyParser>();
        for (int k = 0; k < ensemble; k++)
        {
            if (ensemble > 1) Console.WriteLine($"ensemble member {k + 1}/{ensemble} (seed {seed + k})");
            members.Add(DependencyParser.Train(train, dev, new ParserTrainOptions
            {
                Seed = seed + k, Epochs = options.Epochs, Progress = options.Progress,
                SimulatedAmbiguousErrorRate = options.SimulatedAmbiguousErrorRate, SimulatedOtherErrorRate = options.SimulatedOtherErrorRate,
                PredictedTags = options.PredictedTags, PredictedTagShare = options.PredictedTagShare, Clusters = options.Clusters,
                MoveBits = options.MoveBits, LabelBits = options.LabelBits,
            }));
        }
        var parser = members.Count == 1 ? members[0] : DependencyParser.Ensemble(members);
        double trainSeconds = clock.Elapsed.TotalSeconds;

        var gold = ParserEvaluation.Evaluate(parser, dev);
        var noisy = ParserEvaluation.Evaluate(parser, dev, simulatedTagErrorSeed: seed + 1000, noiseSource: train);
        double speed = MeasureSpeed(parser, dev);
        ParserScore? predicted = devTagged is null ? null : ParserEvaluation.Evaluate(parser, dev, devTagged);
        Console.WriteLine(F($"dev, gold tags:              UAS {gold.Uas:F2}  LAS {gold.Las:F2}  LAS (universal relations) {gold.UniversalLas:F2}"));
        Console.WriteLine(F($"dev, simulated tagger errors: UAS {noisy.Uas:F2}  LAS {noisy.Las:F2}  LAS (universal relations) {noisy.UniversalLas:F2}"));
        if (predicted is { } p)
            Console.WriteLine(F($"dev, predicted tags:          UAS {p.Uas:F2}  LAS {p.Las:F2}  LAS (universal relations) {p.UniversalLas:F2}"));
        Console.WriteLine(F($"speed: {speed:F0} tokens/s (one thread, CPU time); training {trainSeconds:F0}s"));

        var scores = new Dictionary<string, double>
        {
            ["dev_uas_gold_tags"] = Math.Round(gold.Uas, 2),
            ["dev_las_gold_tags"] = Math.Round(gold.Las, 2),
            ["dev_las_universal_gold_tags"] = Math.Round(gold.UniversalLas, 2),
            ["dev_uas_simulated_tag_errors"] = Math.Round(noisy.Uas, 2),
            ["dev_las_simulated_tag_errors"] = Math.Round(noisy.Las, 2),
            ["dev_las_universal_simulated_tag_errors"] = Math.Round(noisy.UniversalLas, 2),
        };
        if (predicted is { } q)
        {
            scores["dev_uas_predicted_tags"] = Math.Round(q.Uas, 2);
            scores["dev_las_predicted_tags"] = Math.Round(q.Las, 2);
            scores["dev_las_universal_predicted_tags"] = Math.Round(q.UniversalLas, 2);
        }
        if (devOutput is not null) WriteParsed(parser, dev, devOutput.FullName);
        string folder = Path.Combine(output, DependencyParser.Subfolder);
        parser.Save(folder);
        var meta = new ModelMeta
        {
            Name = "parser",
            Version = "1",
            Description = "Arc-hybrid greedy dependency parser, averaged perceptron with dynamic oracle, hashed features",
            Trained = DateValue.TodayText(),
            Command = $"parley train parser --ud {ud.FullName} --out {output} --seed {seed} --epochs {epochs}" + (jackknife >= 2 ? $" --jackknife {jackknife} --jackknife-epochs {jackknifeEpochs}" + (share < 1 ? F($" --predicted-share {share} --tag-noise {noise}") : "") : $" --tag-noise {noise.ToString(CultureInfo.InvariantCulture)}") + (useClusters ? " --use-clusters" : "") + (ensemble > 1 ? $" --ensemble {ensemble}" : "")
                + (moveBits != new ParserTrainOptions().MoveBits ? $" --move-bits {moveBits}" : "") + (labelBits != new ParserTrainOptions().LabelBits ? $" --label-bits {labelBits}" : ""),
            Data = clusters is null || !useClusters ? [Path.GetFileName(trainPath), Path.GetFileName(devPath)]
                : [Path.GetFileName(trainPath), Path.GetFileName(devPath), $"word clusters: ../{WordClusterTable.FileName} (fingerprint {clusters.Fingerprint:x16})"],
            Seed = seed,
            Labels = new Dictionary<string, List<string>> { ["deprel"] = [.. parser.Labels] },
            Scores = scores,
            Speed = new Dictionary<string, double> { ["parser_tokens_per_second_one_thread"] = Math.Round(speed), ["train_seconds"] = Math.Round(trainSeconds) },
            Files = Enumerable.Range(0, ensemble).ToDictionary(k => k == 0 ? "parser" : $"parser_{k + 1}", DependencyParser.MemberFileName),
        };
        meta.Save(folder);
        for (int k = 0; k < ensemble; k++)
        {
            string file = Path.Combine(folder, DependencyParser.MemberFileName(k));
            Console.WriteLine($"wrote {file} ({new FileInfo(file).Length / 1024} KiB)");
        }
        Console.WriteLine($"wrote {Path.Combine(folder, "meta.json")}");
        return 0;
    }

    /// <summary>Trains the BiLSTM scorer for the model folder's parser and saves it beside parser.bin.gz.</summary>
    private static int RunNeural(DirectoryInfo ud, string output, int seed, int epochs, int jackknife, int jackknifeEpochs, double share, WordClusterTable? clusters,
        List<ConlluSentence> train, List<ConlluSentence> dev, List<ConlluSentence>? trainTagged, List<ConlluSentence>? devTagged, NeuralTrainOptions settings)
    {
        string folder = Path.Combine(output, DependencyParser.Subfolder);
        if (!File.Exists(Path.Combine(folder, DependencyParser.FileName)))
        {
            Console.Error.WriteLine($"{folder}: no parser.bin.gz to add a neural scorer to (train the parser first)");
            return 2;
        }
        // the perceptron alone: a neural.bin.gz already there is replaced
        var perceptron = DependencyParser.Load(folder, clusters).WithoutNeural();
        var clock = Stopwatch.StartNew();
        var parser = ParserRecipe.TrainNeural(perceptron, train, dev, trainTagged, devTagged, clusters,
            settings with { Seed = seed, Epochs = epochs, PredictedTagShare = share }, Console.WriteLine);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var gold = ParserEvaluation.Evaluate(parser, dev);
        double speed = MeasureSpeed(parser, dev);
        ParserScore? predicted = devTagged is null ? null : ParserEvaluation.Evaluate(parser, dev, devTagged);
        Console.WriteLine(F($"dev, gold tags:              UAS {gold.Uas:F2}  LAS {gold.Las:F2}  LAS (universal relations) {gold.UniversalLas:F2}"));
        if (predicted is { } p)
            Console.WriteLine(F($"dev, predicted tags:          UAS {p.Uas:F2}  LAS {p.Las:F2}  LAS (universal relations) {p.UniversalLas:F2}"));
        Console.WriteLine(F($"speed: {speed:F0} tokens/s (one thread, CPU time); training {trainSeconds:F0}s"));
        string path = Path.Combine(folder, DependencyParser.NeuralFileName);
        parser.SaveNeural(path);
        Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024} KiB)");

        var meta = ModelMeta.Load(folder);
        meta.Scores["neural_dev_uas_gold_tags"] = Math.Round(gold.Uas, 2);
        meta.Scores["neural_dev_las_gold_tags"] = Math.Round(gold.Las, 2);
        meta.Scores["neural_dev_las_universal_gold_tags"] = Math.Round(gold.UniversalLas, 2);
        if (predicted is { } q)
        {
            meta.Scores["neural_dev_uas_predicted_tags"] = Math.Round(q.Uas, 2);
            meta.Scores["neural_dev_las_predicted_tags"] = Math.Round(q.Las, 2);
            meta.Scores["neural_dev_las_universal_predicted_tags"] = Math.Round(q.UniversalLas, 2);
        }
        meta.Speed["neural_parser_tokens_per_second_one_thread"] = Math.Round(speed);
        meta.Speed["neural_train_seconds"] = Math.Round(trainSeconds);
        meta.Files["neural"] = DependencyParser.NeuralFileName;
        meta.Description = "Arc-hybrid greedy dependency parser: moves and relations scored by a BiLSTM network (neural.bin.gz, Kiperwasser-Goldberg style), trained with a dynamic oracle; the averaged-perceptron parser (parser.bin.gz) it was added to is kept as the fallback";
        meta.Command += F($"; then parley train parser --neural --ud {ud.FullName} --out {output} --seed {seed} --epochs {epochs} --hidden {settings.Shape.Hidden} --move-hidden {settings.Shape.MoveHidden} --learning-rate {settings.LearningRate} --dropout {settings.Dropout} --layers {settings.Shape.Layers} --tag-hidden {settings.Shape.TagHidden}") + (settings.Mix ? " --mix" : "")
            + (jackknife >= 2 ? $" --jackknife {jackknife} --jackknife-epochs {jackknifeEpochs}" : "") + (share < 1 ? F($" --predicted-share {share}") : "");
        meta.Save(folder);
        return 0;
    }

    private static void WriteAll(List<ConlluSentence> sentences, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in sentences) ConlluWriter.Write(writer, s);
    }

    private static bool SameWords(List<ConlluSentence> a, List<ConlluSentence> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].Words.Count != b[i].Words.Count) return false;
            for (int k = 0; k < a[i].Words.Count; k++)
                if (a[i].Words[k].Form != b[i].Words[k].Form) return false;
        }
        return true;
    }

    private static void WriteParsed(DependencyParser parser, List<ConlluSentence> dev, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in dev)
        {
            var copy = new ConlluSentence();
            copy.Comments.AddRange(s.Comments);
            copy.Multiwords.AddRange(s.Multiwords);
            foreach (var w in s.Words)
                copy.Words.Add(new ConlluWord { Id = w.Id, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos, Feats = w.Feats, Misc = w.Misc });
            parser.Parse(copy);
            ConlluWriter.Write(writer, copy);
        }
    }

    private static string? FindSplit(DirectoryInfo dir, string split)
    {
        if (!dir.Exists) return null;
        var files = dir.GetFiles($"*-ud-{split}.conllu");
        return files.Length == 1 ? files[0].FullName : null;
    }

    /// <summary>Tokens per second of Parse(ConlluSentence) over the dev split, one thread, after a warm-up pass.</summary>
    private static double MeasureSpeed(DependencyParser parser, List<ConlluSentence> dev)
    {
        var copies = new List<ConlluSentence>(dev.Count);
        long tokens = 0;
        foreach (var s in dev)
        {
            var c = new ConlluSentence();
            foreach (var w in s.Words)
                c.Words.Add(new ConlluWord { Id = w.Id, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos, Feats = w.Feats });
            copies.Add(c);
            tokens += c.Words.Count;
        }
        foreach (var s in copies) parser.Parse(s);
        // CPU time rather than wall time: the machine may be shared, and this measures one thread's work.
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        for (int round = 0; round < 3; round++)
            foreach (var s in copies) parser.Parse(s);
        return 3 * tokens / (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
