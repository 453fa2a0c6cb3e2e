using System.CommandLine;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>Registers the commands; each lives in its own file under Commands/.</summary>
internal static class ParleyCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Parley: news articles in, structured event data out.");
        root.Add(CodeCommand.Create());
        root.Add(IngestCommand.Create());
        root.Add(StatsCommand.Create());
        root.Add(StoriesCommand.Create());
        root.Add(ExportCommand.Create());
        root.Add(ParseCommand.Create());
        root.Add(EvaluateCommand.Create());
        var train = CommandGroups.GetOrAdd(root, "train", "Trains a model from data");
        train.Add(TrainNlpCommand.Create());
        train.Add(TrainNerCommand.Create());
        train.Add(TrainParserCommand.Create());
        root.Add(NerCommand.Create());
        root.Add(ServeCommand.Create());
        root.Add(WorkerCommand.Create());
        WorkerCommand.AddQueueCommands(root);
        var bench = CommandGroups.GetOrAdd(root, "bench", "Measures speed (figures for docs/BENCHMARKS.md)");
        bench.Add(BenchNlpCommand.Create());
        bench.Add(BenchNerCommand.Create());
        bench.Add(BenchCommand.Ingest());
        bench.Add(BenchCommand.Pipeline());
        bench.Add(BenchServeCommand.Create());
        bench.Add(BenchWorkerCommand.Create());
        bench.Add(BenchHostileCommand.Create());
        bench.Add(BenchCommand.Jsonl());
        bench.Add(BenchExportCommand.Create());
        bench.Add(BenchLexiconCommand.Create());
        BuildCameoCommand.AddTo(root);
        root.Add(ExplainCommand.Create());
        root.Add(LexiconCommand.Create());
        EvalPloverCommand.AddTo(root);
        EvalCoderSpeedCommand.AddTo(root);
        BuildKbCommand.AddTo(root);
        BuildLexiconCommand.AddTo(root);
        EvalGeoCommand.AddTo(root);
        EvalEventRateCommand.AddTo(root);
        EvalSuiteCommand.AddTo(root);
        UnknownOptions.Reject(root);
        return root;
    }
}
