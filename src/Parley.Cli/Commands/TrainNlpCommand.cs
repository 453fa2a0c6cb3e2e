using System.CommandLine;
using Parley.Nlp.Training;

namespace Parley.Cli.Commands;

/// <summary>`parley train nlp --ud DIR [--out models/nlp-en-ewt] [--seed N]`: trains tokenizer, splitter, tagger, FEATS, lemmatizer (and parser when present).</summary>
internal static class TrainNlpCommand
{
    public static Command Create()
    {
        var ud = new Option<string>("--ud") { Description = "UD treebank folder with *-train.conllu and *-dev.conllu", Required = true };
        var output = new Option<string>("--out") { Description = "Model folder to write", DefaultValueFactory = _ => "models/nlp-en-ewt" };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffling)", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Tagger epochs", DefaultValueFactory = _ => 8 };
        var max = new Option<int>("--max-sentences") { Description = "Use only the first N training sentences (0 = all)", DefaultValueFactory = _ => 0 };
        var noParser = new Option<bool>("--no-parser") { Description = "Do not train the dependency parser" };
        var noRefine = new Option<bool>("--no-refine") { Description = "Train the tagger's first pass only (faster, less accurate)" };
        var news = new Option<string?>("--news") { Description = "Folder holding the unlabelled news corpora (news_reuters21578, news_bbc, news_wikinews) to learn word clusters from" };
        var clusters = new Option<string?>("--clusters") { Description = "Use this clusters.bin.gz instead of learning clusters (without --news)" };
        var command = new Command("nlp", "Trains the English NLP model on a UD treebank and prints its dev scores") { ud, output, seed, epochs, max, noParser, noRefine, news, clusters };
        command.SetAction(r =>
        {
            string dir = r.GetValue(ud)!;
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"{dir}: folder not found"); return 2; }
            string? newsDir = r.GetValue(news), clustersFile = r.GetValue(clusters);
            if (newsDir is not null && !Directory.Exists(newsDir)) { Console.Error.WriteLine($"{newsDir}: folder not found"); return 2; }
            if (clustersFile is not null && !File.Exists(clustersFile)) { Console.Error.WriteLine($"{clustersFile}: file not found"); return 2; }
            if (newsDir is not null && clustersFile is not null) { Console.Error.WriteLine("--news and --clusters: give one of them"); return 1; }
            var options = new NlpTrainOptions
            {
                Seed = r.GetValue(seed), TaggerEpochs = r.GetValue(epochs), MaxSentences = r.GetValue(max), Parser = !r.GetValue(noParser), Refine = !r.GetValue(noRefine),
                NewsFolder = newsDir, ClustersFile = clustersFile,
            };
            string commandLine = $"parley train nlp --ud {dir} --out {r.GetValue(output)} --seed {options.Seed} --epochs {options.TaggerEpochs}"
                + (newsDir is null ? "" : $" --news {newsDir}") + (clustersFile is null ? "" : $" --clusters {clustersFile}")
                + (options.Parser ? "" : " --no-parser") + (options.Refine ? "" : " --no-refine");
            try
            {
                NlpTrainer.Train(dir, r.GetValue(output)!, options, Console.WriteLine, commandLine);
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or FormatException or IOException)
            {
                Console.Error.WriteLine($"{dir}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
