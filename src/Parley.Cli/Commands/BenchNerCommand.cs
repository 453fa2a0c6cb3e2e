using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Nlp.Ner;

namespace Parley.Cli.Commands;

/// <summary>`parley bench ner [PATH]`: named-entity tagging speed on one thread (tokens per CPU second) over a CoNLL-2003 file.</summary>
internal static class BenchNerCommand
{
    private static string DefaultCorpus => Parley.Core.SharedData.Default("conll2003_en/eng.testa");

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "CoNLL-2003-format file (documents split at -DOCSTART-)", DefaultValueFactory = _ => DefaultCorpus };
        var model = new Option<string?>("--model") { Description = "NER model folder (default: models/ner-en)" };
        var command = new Command("ner", "Measures named-entity tagging throughput (one thread)") { path, model };
        command.SetAction(r =>
        {
            string file = r.GetValue(path)!;
            var folder = r.GetValue(model) ?? ModelLocator.FindModel(NerModel.DefaultName);
            if (folder is null) { Console.Error.WriteLine($"{NerModel.DefaultName}: model not found (set PARLEY_MODELS or run `parley train ner`)"); return 2; }
            if (!File.Exists(file)) { Console.Error.WriteLine($"{file}: file not found"); return 2; }
            var docs = NerCorpus.ReadConll2003File(file);
            var nerModel = NerModel.Load(folder);
            int tokens = 0;
            foreach (var d in docs) foreach (var s in d.Sentences) tokens += s.Tokens.Length;
            double speed = NerTrainingRun.MeasureSpeed(nerModel, docs);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner: {tokens} tokens in {docs.Count} documents, {speed:F0} tokens per CPU second on one thread (best of 3)"));
            return 0;
        });
        return command;
    }
}
