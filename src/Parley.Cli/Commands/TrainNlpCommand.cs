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
        var command = new Command("nlp", "Trains the English NLP model on a UD treebank and prints its dev scores") { ud, output, seed, epochs, max, noParser };
        command.SetAction(r =>
        {
            string dir = r.GetValue(ud)!;
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"{dir}: folder not found"); return 2; }
            var options = new NlpTrainOptions
            {
                Seed = r.GetValue(seed), TaggerEpochs = r.GetValue(epochs), MaxSentences = r.GetValue(max), Parser = !r.GetValue(noParser),
            };
            string commandLine = $"parley train nlp --ud {dir} --out {r.GetValue(output)} --seed {options.Seed} --epochs {options.TaggerEpochs}";
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
