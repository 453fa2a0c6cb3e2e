using System.CommandLine;
using Parley.Core;
using Parley.Nlp.Ner;

namespace Parley.Cli.Commands;

/// <summary>`parley train ner`: trains the named-entity model (models/ner-en) and prints dev F1 per data set.</summary>
internal static class TrainNerCommand
{
    private static string SharedData => Parley.Core.SharedData.Default("");

    public static Command Create()
    {
        var conll = new Option<string?>("--conll") { Description = "CoNLL-2003 folder (eng.train, eng.testa).", DefaultValueFactory = _ => Path.Combine(SharedData, "conll2003_en") };
        var uner = new Option<string?>("--uner") { Description = "UNER English-EWT folder (draft train, dev).", DefaultValueFactory = _ => Path.Combine(SharedData, "uner_english_ewt") };
        var data = new Option<string?>("--data") { Description = "Shared data root for gazetteers and word clusters (default: the folder above --conll)." };
        var output = new Option<string>("--out") { Description = "Model folder to write.", DefaultValueFactory = _ => Path.Combine("models", NerModel.DefaultName) };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 8 };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Do not compute word clusters." };
        var noDomain = new Option<bool>("--no-domain-features") { Description = "Do not add domain-specific feature copies." };
        var unerCopies = new Option<int>("--uner-copies") { Description = "Repeat the UNER training documents this many times per epoch.", DefaultValueFactory = _ => 2 };
        var unerSplit = new Option<bool>("--uner-sentences") { Description = "Train on UNER sentences as one-sentence documents (as the scorer's dev input has no document marks); `--uner-sentences false` keeps documents.", DefaultValueFactory = _ => true };
        var command = new Command("ner", "Train the named-entity recogniser; prints dev F1 per data set.") { conll, uner, data, output, seed, epochs, noClusters, noDomain, unerCopies, unerSplit };
        command.SetAction(parse =>
        {
            string? conllDir = Blank(parse.GetValue(conll)), unerDir = Blank(parse.GetValue(uner));
            foreach (var dir in new[] { conllDir, unerDir })
            {
                if (dir is not null && !Directory.Exists(dir))
                {
                    Console.Error.WriteLine($"parley: {dir}: folder not found");
                    return 1;
                }
            }
            string? root = Blank(parse.GetValue(data)) ?? Path.GetDirectoryName(Path.GetFullPath(conllDir ?? unerDir ?? "."));
            var settings = new NerTrainingSettings
            {
                ConllDir = conllDir,
                UnerDir = unerDir,
                DataRoot = root,
                OutDir = parse.GetValue(output)!,
                Seed = parse.GetValue(seed),
                Epochs = parse.GetValue(epochs),
                Clusters = !parse.GetValue(noClusters),
                DomainFeatures = !parse.GetValue(noDomain),
                UnerCopies = Math.Max(1, parse.GetValue(unerCopies)),
                UnerSentenceDocuments = parse.GetValue(unerSplit),
                Command = "parley " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            try
            {
                NerTrainingRun.Run(settings, line => Console.Out.WriteLine(line));
                return 0;
            }
            catch (Exception e) when (e is BadInputException or IOException or InvalidDataException or FormatException)
            {
                Console.Error.WriteLine($"parley: train ner: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>An empty value ("--uner ''") leaves that data set out.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
