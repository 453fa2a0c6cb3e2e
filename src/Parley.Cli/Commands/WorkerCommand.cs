using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Parley.Core;
using Parley.Engine;
using Parley.Queue;

namespace Parley.Cli.Commands;

/// <summary>`parley worker` and `parley queue status`: the scale-out side (see docs/SCALING.md).</summary>
internal static class WorkerCommand
{
    public static Option<string> QueueOption(bool required) => new("--queue")
    {
        Description = "The NATS JetStream server holding the work queue: nats://HOST:PORT.",
        Required = required,
    };

    public static Command Create()
    {
        var queue = QueueOption(required: true);
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var layers = CliOptions.LayersOption();
        var threads = new Option<int>("--threads") { Description = "Threads for annotating one article (default 1: run one worker per core instead).", DefaultValueFactory = _ => 1 };
        var maxAnnotated = CliOptions.MaxAnnotatedChars();
        var batch = new Option<int>("--batch") { Description = "Articles pulled at once.", DefaultValueFactory = _ => 8 };
        var attempts = new Option<int>("--max-attempts") { Description = "Deliveries after which a failing article goes to the dead letters.", DefaultValueFactory = _ => 5 };
        var ackWait = new Option<double>("--ack-wait") { Description = "Seconds an article may stay unacknowledged before another worker gets it (same for all workers).", DefaultValueFactory = _ => 30 };
        var idle = new Option<double?>("--exit-when-idle") { Description = "Stop after the queue has been empty this many seconds (default: run until SIGTERM)." };
        var name = new Option<string?>("--name") { Description = "This worker's name in reports (default HOST-PID)." };
        var command = new Command("worker", "Pulls articles from the queue, processes and stores them (a pulled batch in one transaction, acknowledged after the write). SIGTERM drains and stops.")
        {
            queue, db, store, layers, threads, maxAnnotated, batch, attempts, ackWait, idle, name,
        };
        command.SetAction(parse =>
        {
            var engine = ParleyEngine.Create(new EngineOptions
            {
                Layers = CliOptions.ParseLayers(parse.GetValue(layers)!),
                Threads = Math.Max(1, parse.GetValue(threads)),
                MaxAnnotatedChars = parse.GetValue(maxAnnotated),
            });
            foreach (var note in engine.MissingStages) Console.Error.WriteLine($"parley: note: {note}");
            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store));
            using var stop = new CancellationTokenSource();
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            var options = new WorkerOptions
            {
                Batch = Math.Max(1, parse.GetValue(batch)),
                MaxAttempts = Math.Max(1, parse.GetValue(attempts)),
                ExitWhenIdle = parse.GetValue(idle) is double s ? TimeSpan.FromSeconds(s) : null,
                Name = parse.GetValue(name) ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            };
            var summary = Run(async () =>
            {
                await using var q = await ArticleQueue.ConnectAsync(parse.GetValue(queue)!,
                    new QueueOptions { AckWait = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(ackWait))) }, "parley-worker " + options.Name);
                var worker = new QueueWorker(q, engine, target, options) { Log = line => Console.Error.WriteLine($"parley: worker {options.Name}: {line}") };
                return await worker.RunAsync(stop.Token);
            });
            Console.Error.WriteLine($"parley: worker {options.Name}: {summary.Stored} stored, {summary.AlreadyStored} already stored, {summary.Duplicates} duplicates, {summary.Failed} failed attempts, {summary.DeadLettered} dead letters");
            return 0;
        });
        return command;
    }

    public static void AddQueueCommands(RootCommand root)
    {
        var group = CommandGroups.GetOrAdd(root, "queue", "The NATS JetStream work queue.");
        var queue = QueueOption(required: true);
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object." };
        var status = new Command("status", "Pending, in-flight and dead-lettered articles, and each worker's rate and lag.") { queue, db, store, json };
        status.SetAction(parse =>
        {
            var s = Run(async () =>
            {
                await using var q = await ArticleQueue.ConnectAsync(parse.GetValue(queue)!, client: "parley-status");
                return await q.StatusAsync();
            });
            IReadOnlyList<Parley.Storage.DeadLetter> letters = [];
            if (parse.GetValue(db) is not null || parse.GetValue(store) is not null)
            {
                using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store), mustExist: parse.GetValue(db) is not null);
                letters = target.ListDeadLetters(20);
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { pending = s.Pending, in_flight = s.InFlight, redelivered = s.Redelivered, dead_letters = s.DeadLetters, workers = s.Workers }));
                return 0;
            }
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"pending: {s.Pending:N0}  in flight: {s.InFlight:N0}  redelivered: {s.Redelivered:N0}  dead letters: {s.DeadLetters:N0}"));
            foreach (var w in s.Workers)
                Console.WriteLine(string.Create(inv, $"worker {w.Worker}: {w.State}, {w.ArticlesPerSecond:F1} articles/s, {w.Done:N0} done, {w.Failed:N0} failed attempts, {w.DeadLettered:N0} dead letters, lag {w.Lag:N0} (reported {w.At:yyyy-MM-dd HH:mm:ss}Z)"));
            foreach (var d in letters)
                Console.WriteLine($"dead letter {d.DocumentId ?? d.Hash[..12]} ({d.Origin ?? "unknown origin"}), {d.Attempts} attempts: {d.Error}");
            return 0;
        });
        group.Add(status);
    }

    /// <summary>Runs async queue work from a synchronous command action.</summary>
    internal static T Run<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>`parley ingest --queue`: read and clean here, publish for the workers.</summary>
    internal static int Publish(string url, string[] inputs, DateOnly? date, bool quiet)
    {
        var reader = new Parley.Ingest.ArticleReader(new Parley.Ingest.ReaderOptions());
        var cleaner = new Parley.Ingest.ArticleCleaner();
        var summary = ProgressDisplay.Run("publishing", quiet, (progress, _) => Run(async () =>
        {
            await using var q = await ArticleQueue.ConnectAsync(url, client: "parley-ingest");
            return await new QueuePublisher(q, reader, cleaner).PublishAsync(inputs, null, date, progress, CliOptions.ReportProblem);
        }));
        Console.Error.WriteLine($"queued: {summary.Published} published, {summary.AlreadyQueued} already queued, {summary.Problems} problems");
        return summary.Problems > 0 ? 2 : 0;
    }
}
