using System.CommandLine;
using Parley.Core;
using Parley.Engine;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>`parley ingest`: process articles and store them. Idempotent; safe to kill and rerun.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (recursive), http(s) URLs of feeds or pages, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var date = CliOptions.Date();
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var layers = CliOptions.LayersOption();
        var threads = CliOptions.Threads();
        var quiet = CliOptions.Quiet();
        var allowPrivate = CliOptions.AllowPrivateAddresses();
        var batch = new Option<int>("--batch") { Description = "Documents per transaction.", DefaultValueFactory = _ => 200 };
        var queue = WorkerCommand.QueueOption(required: false);
        queue.Description = "Publish to the NATS JetStream work queue at nats://HOST:PORT for `parley worker` instead of processing here.";

        var command = new Command("ingest", "Process articles and store them (default store: the SQLite file parley.db).")
        {
            paths, date, db, store, layers, threads, quiet, batch, queue, allowPrivate,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(queue) is { } url)
            {
                if (parse.GetValue(db) is not null || parse.GetValue(store) is not null)
                    throw new ArgumentException("--queue publishes for workers, which write the store: give --store to `parley worker`, not here");
                return WorkerCommand.Publish(url, parse.GetValue(paths)!, CliOptions.ParseDate(parse.GetValue(date)), parse.GetValue(quiet));
            }
            var engine = ParleyEngine.Create(new EngineOptions
            {
                DefaultDate = CliOptions.ParseDate(parse.GetValue(date)),
                Layers = CliOptions.ParseLayers(parse.GetValue(layers)!),
                Threads = parse.GetValue(threads),
                AllowPrivateAddresses = parse.GetValue(allowPrivate),
            });
            foreach (var note in engine.MissingStages) Console.Error.WriteLine($"parley: note: {note}");
            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store));
            var runner = new IngestRunner(engine, target) { BatchSize = Math.Max(1, parse.GetValue(batch)) };
            var summary = ProgressDisplay.Run("ingesting", parse.GetValue(quiet), progress =>
                runner.Run(parse.GetValue(paths)!, null, progress, CliOptions.ReportProblem));
            if (summary.Added > 0) target.Optimize();
            target.Checkpoint(); // the store's own files alone hold everything once ingest ends (SQLite: the .db without -wal)
            if (summary.Stories is int stories) Console.Error.WriteLine($"stories: {stories}");
            Console.Error.WriteLine($"ingested: {summary.Added} added, {summary.Duplicates} duplicates, {summary.AlreadyStored} already stored, {summary.Problems} problems");
            return summary.Problems > 0 ? 2 : 0;
        });
        return command;
    }
}
