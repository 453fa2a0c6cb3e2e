using System.CommandLine;
using Parley.Core;
using Parley.Engine;
using Parley.Ingest;
using Parley.Events.Evaluation;

namespace Parley.Cli.Commands;

/// <summary>`parley eval plover [--data FILE] [--limit N] [--every K]`: PLOVER type accuracy of the whole pipeline on labelled stories.</summary>
internal static class EvalPloverCommand
{
    /// <summary>Adds `plover` under the root's `eval` command, creating `eval` when no other command has.</summary>
    public static void AddTo(RootCommand root)
    {
        var eval = CommandGroups.Eval(root);
        eval.Add(Create());
    }

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "CSV (optionally .gz) with columns text and label", DefaultValueFactory = _ => Parley.Core.SharedData.Default("plover/ngec_gpt_synthetic_events_2023-10-19.csv.gz") };
        var limit = new Option<int>("--limit") { Description = "Evaluate at most N stories", DefaultValueFactory = _ => int.MaxValue };
        var every = new Option<int>("--every") { Description = "Take every K-th story (a fixed, reproducible subsample)", DefaultValueFactory = _ => 1 };
        var command = new Command("plover", "PLOVER event-type accuracy of the full pipeline on labelled stories (default: the NGEC synthetic stories, a development set).");
        command.Add(data); command.Add(limit); command.Add(every);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(data)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"{path}: not found"); return 2; }
            // The same path as `parley code`: clean the text, then every installed stage.
            var engine = ParleyEngine.Create(new EngineOptions { DefaultDate = new DateOnly(2023, 10, 19) });
            var probe = engine.Process(new RawArticle { Origin = "probe", Body = "The army attacked the rebels." });
            if ((probe.Done & Layers.Parse) == 0 || (probe.Done & Layers.Entities) == 0)
            {
                Console.Error.WriteLine($"{path}: the pipeline of this build lacks the parser or NER/linking ({string.Join("; ", engine.MissingStages)}); the evaluation cannot run yet");
                return 2;
            }
            int n = 0;
            var result = PloverEvaluation.Run(path,
                text => engine.Process(new RawArticle { Origin = "ngec:" + (n++).ToString(System.Globalization.CultureInfo.InvariantCulture), Body = text }),
                parse.GetValue(limit), Math.Max(1, parse.GetValue(every)));
            Console.WriteLine(result.ToString());
            return 0;
        });
        return command;
    }
}
