using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley bench ...`: throughput measurements whose figures go into docs/BENCHMARKS.md.
/// Timed here, never in unit tests.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Read + clean + (layers) + store into a fresh SQLite file, then ingest again to show it adds nothing.</summary>
    public static Command Ingest()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Inputs, e.g. ../shared/data/news_reuters21578/reuters21578.jsonl.gz" };
        var layers = CliOptions.LayersOption();
        var threads = CliOptions.Threads();
        var db = new Option<string?>("--db") { Description = "Store file to create (default: a temporary file, deleted afterwards)." };
        var storeOption = new Option<string?>("--store") { Description = "Measure a PostgreSQL store instead: a URI or connection string naming a database that this creates and drops." };
        var stories = new Option<bool>("--stories") { Description = "Group stored articles into stories incrementally, as ingest does (default: storing alone)." };
        var limit = new Option<int>("--limit") { Description = "Stop after this many articles (0: all).", DefaultValueFactory = _ => 0 };
        var command = new Command("ingest", "Articles per second for reading, cleaning, the chosen layers and storing (and stories with --stories).") { paths, layers, threads, db, storeOption, stories, limit };
        command.SetAction(parse =>
        {
            string file = parse.GetValue(db) ?? Path.Combine(Path.GetTempPath(), $"parley-bench-{Environment.ProcessId}.db");
            string? shared = parse.GetValue(storeOption);
            bool temporary = parse.GetValue(db) is null;
            if (shared is not null) StoreFactory.Drop(shared);
            else DeleteStore(file);
            var engine = ParleyEngine.Create(new EngineOptions
            {
                Layers = CliOptions.ParseLayers(parse.GetValue(layers)!),
                Threads = parse.GetValue(threads),
            });
            var inputs = parse.GetValue(paths)!;
            if (parse.GetValue(limit) is int max and > 0) inputs = [LimitedCopy(inputs, max)];
            Console.WriteLine(MachineLine());
            Console.WriteLine($"store: {(shared is null ? "SQLite" : StoreFactory.Describe(shared))}; layers: {parse.GetValue(layers)}; threads: {(engine.Options.Threads > 0 ? engine.Options.Threads : Environment.ProcessorCount)}; stories: {(parse.GetValue(stories) ? "incremental" : "off")}");
            for (int round = 1; round <= 2; round++)
            {
                using var store = StoreFactory.Open(shared is null ? file : null, shared);
                var runner = new IngestRunner(engine, store) { UpdateStories = parse.GetValue(stories) };
                var clock = Stopwatch.StartNew();
                var summary = runner.Run(inputs, null, null, p => CliOptions.ReportProblem(p));
                clock.Stop();
                long seen = summary.Added + summary.Duplicates + summary.AlreadyStored;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: {seen:N0} articles in {clock.Elapsed.TotalSeconds:F2} s = {seen / clock.Elapsed.TotalSeconds:N0} articles/s; added {summary.Added:N0}, duplicates {summary.Duplicates:N0}, already stored {summary.AlreadyStored:N0}, problems {summary.Problems:N0}"));
                var stats = store.GetStats();
                Console.WriteLine($"store: {stats.Documents:N0} documents, {stats.Sentences:N0} sentences, {stats.Duplicates:N0} duplicates");
            }
            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
            if (shared is not null) StoreFactory.Drop(shared);
            else if (temporary) DeleteStore(file);
            if (inputs.Length == 1 && inputs[0].StartsWith(Path.GetTempPath(), StringComparison.Ordinal) && inputs[0].Contains("parley-bench-input", StringComparison.Ordinal)) File.Delete(inputs[0]);
            return 0;
        });
        return command;
    }

    /// <summary>The whole pipeline, raw text to coded events, without a store: sentences and tokens per second.</summary>
    public static Command Pipeline()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore };
        var layers = CliOptions.LayersOption();
        var threads = CliOptions.Threads();
        var limit = new Option<int>("--limit") { Description = "Stop after this many articles (0: all).", DefaultValueFactory = _ => 0 };
        var profileOption = new Option<bool>("--profile") { Description = "Also show what each stage (the cleaner and every pipeline component) costs: calls, wall and CPU seconds, share." };
        var command = new Command("pipeline", "Sentences and tokens per second through the pipeline (no store).") { paths, layers, threads, limit, profileOption };
        command.SetAction(parse =>
        {
            var profile = parse.GetValue(profileOption) ? new PipelineProfile() : null;
            var engine = ParleyEngine.Create(new EngineOptions
            {
                Layers = CliOptions.ParseLayers(parse.GetValue(layers)!),
                Threads = parse.GetValue(threads),
                Profile = profile,
            });
            Console.WriteLine(MachineLine());
            Console.WriteLine("components: " + string.Join(", ", engine.Pipeline.Components.Select(c => c.Name)));
            int max = parse.GetValue(limit);
            long docs = 0, sentences = 0, tokens = 0, events = 0, entities = 0;
            int[] gc0 = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var pause0 = GC.GetTotalPauseDuration();
            long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            // PARLEY_GC_TRACE=1: the window's collections (generation, reason) and large-object allocations by type
            using var gcTrace = Environment.GetEnvironmentVariable("PARLEY_GC_TRACE") is null ? null : new GcTrace();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var item in new DocumentStream(engine).Process(parse.GetValue(paths)!))
            {
                if (item.Document is not { } d) continue;
                docs++; sentences += d.SentenceCount; tokens += d.TokenCount; events += d.Events.Count; entities += d.Entities.Count;
                if (max > 0 && docs >= max) break;
            }
            clock.Stop();
            double s = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{docs:N0} articles, {sentences:N0} sentences, {tokens:N0} tokens, {entities:N0} entities, {events:N0} events in {s:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{docs / s:N0} articles/s, {sentences / s:N0} sentences/s, {tokens / s:N0} tokens/s"));
            // CPU time says what wall time cannot on a shared machine: how fast the work is when the cores are free.
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU {cpu:F2} s: {sentences / cpu:N0} sentences per CPU-second ({sentences / cpu * Environment.ProcessorCount:N0}/s if all {Environment.ProcessorCount} cores were free)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"garbage collections: {GC.CollectionCount(0) - gc0[0]:N0} gen0, {GC.CollectionCount(1) - gc0[1]:N0} gen1, {GC.CollectionCount(2) - gc0[2]:N0} gen2; paused {(GC.GetTotalPauseDuration() - pause0).TotalSeconds:F2} s; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated0) / (1024.0 * 1024):N0} MB"));
            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
            gcTrace?.Report();
            if (profile is not null) WriteProfile(profile, cpu);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// One line per stage: calls, wall seconds summed over the threads, and (where the system tells a thread's CPU time) CPU
    /// seconds and their share of the run's CPU; then what no stage accounts for (reading, the ordered window, collection).
    /// </summary>
    private static void WriteProfile(PipelineProfile profile, double runCpu)
    {
        bool cpu = PipelineProfile.HasThreadCpuTime;
        Console.WriteLine(cpu ? "stage           calls     wall s      CPU s   CPU share" : "stage           calls     wall s");
        double total = 0;
        foreach (var s in profile.Stages)
        {
            total += cpu ? s.CpuSeconds : s.WallSeconds;
            Console.WriteLine(cpu
                ? string.Create(CultureInfo.InvariantCulture, $"{s.Name,-12} {s.Calls,8:N0} {s.WallSeconds,10:F2} {s.CpuSeconds,10:F2} {s.CpuSeconds / runCpu,10:P1}")
                : string.Create(CultureInfo.InvariantCulture, $"{s.Name,-12} {s.Calls,8:N0} {s.WallSeconds,10:F2}"));
        }
        if (cpu)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"other",-12} {"",8} {"",10} {runCpu - total,10:F2} {(runCpu - total) / runCpu,10:P1}  (reading, the ordered window, garbage collection, JIT)"));
    }

    /// <summary>The first <paramref name="max"/> articles of the inputs as one temporary JSONL file (so every round reads the same articles).</summary>
    internal static string LimitedCopy(string[] inputs, int max)
    {
        string path = Path.Combine(Path.GetTempPath(), $"parley-bench-input-{Environment.ProcessId}.jsonl");
        var reader = new Parley.Ingest.ArticleReader(new Parley.Ingest.ReaderOptions());
        using var w = new StreamWriter(path);
        int n = 0;
        foreach (var item in reader.Read(inputs, null))
        {
            if (item.Article is not { } a) continue;
            w.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["id"] = a.Id, ["title"] = a.Title, ["date"] = DateValue.FormatDay(a.Published), ["text"] = a.Body,
                ["url"] = a.Url, ["source"] = a.Source,
            }));
            if (++n >= max) break;
        }
        return path;
    }

    /// <summary>
    /// Streaming at any size: writes a JSONL file of generated articles of the given size, ingests it into a fresh store
    /// and reports the time and the peak memory, which must not depend on the file's size.
    /// </summary>
    public static Command Jsonl()
    {
        var gigabytes = new Option<double>("--gb") { Description = "Size of the generated file in gigabytes.", DefaultValueFactory = _ => 2.0 };
        var layers = CliOptions.LayersOption();
        layers.DefaultValueFactory = _ => "clean";
        var threads = CliOptions.Threads();
        var command = new Command("jsonl", "Time and peak memory of ingesting a generated JSONL file of any size (default 2 GB, layer clean).") { gigabytes, layers, threads };
        command.SetAction(parse =>
        {
            string input = Path.Combine(Path.GetTempPath(), $"parley-bench-{Environment.ProcessId}.jsonl");
            string file = Path.Combine(Path.GetTempPath(), $"parley-bench-{Environment.ProcessId}.db");
            try
            {
                Console.WriteLine(MachineLine());
                Console.WriteLine($"load average at start: {BenchHostileCommand.LoadAverage()}");
                long target = (long)(parse.GetValue(gigabytes) * 1e9);
                var clock = Stopwatch.StartNew();
                long lines = WriteJsonl(input, target);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {new FileInfo(input).Length / 1e9:F2} GB, {lines:N0} articles in {clock.Elapsed.TotalSeconds:F0} s"));
                BenchHostileCommand.ResetPeakMemory();
                var engine = ParleyEngine.Create(new EngineOptions { Layers = CliOptions.ParseLayers(parse.GetValue(layers)!), Threads = parse.GetValue(threads) });
                DeleteStore(file);
                clock.Restart();
                IngestSummary summary;
                using (var store = StoreFactory.Open(file, null))
                {
                    summary = new IngestRunner(engine, store) { UpdateStories = false }.Run([input], null, null, p => CliOptions.ReportProblem(p));
                    store.Checkpoint();
                }
                clock.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested (layers {parse.GetValue(layers)}) in {clock.Elapsed.TotalSeconds:F0} s = {lines / clock.Elapsed.TotalSeconds:N0} articles/s; added {summary.Added:N0}, problems {summary.Problems:N0}"));
                Console.WriteLine($"peak working set while ingesting: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
                Console.WriteLine($"load average at end: {BenchHostileCommand.LoadAverage()}");
                return 0;
            }
            finally
            {
                if (File.Exists(input)) File.Delete(input);
                DeleteStore(file);
            }
        });
        return command;
    }

    /// <summary>News-like articles (seed 13), one JSON object a line, until the file holds <paramref name="bytes"/>.</summary>
    private static long WriteJsonl(string path, long bytes)
    {
        string[] sentences =
        [
            "Officials in {0} said on Monday that talks with the rebels would resume next week.", "The minister met the envoy in {0} to discuss the ceasefire.",
            "Protesters gathered outside parliament in {0} on Saturday, police said.", "Troops were deployed along the border near {0} after clashes overnight.",
            "The president of {0} called for calm and promised an inquiry.", "Aid agencies warned that food supplies in {0} were running low.",
        ];
        string[] places = ["Kabul", "Doha", "Geneva", "Moscow", "Kyiv", "Baghdad", "Damascus", "Khartoum", "Caracas", "Ankara", "Tehran", "Nairobi"];
        var random = new Random(13);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        var text = new System.Text.StringBuilder(2048);
        long n = 0;
        while (writer.BaseStream.Length < bytes)
        {
            text.Clear();
            int count = 6 + random.Next(10);
            for (int i = 0; i < count; i++)
                text.Append(string.Format(CultureInfo.InvariantCulture, sentences[random.Next(sentences.Length)], places[random.Next(places.Length)])).Append(' ');
            text.Append("Reference ").Append(n.ToString(CultureInfo.InvariantCulture)).Append('.');
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                id = "g" + n.ToString(CultureInfo.InvariantCulture),
                title = $"Report {n} from {places[random.Next(places.Length)]}",
                date = DateValue.FormatDay(new DateOnly(2019, 1, 1).AddDays(random.Next(730))),
                text = text.ToString(),
            }));
            n++;
        }
        return n;
    }

    private static void DeleteStore(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }

    internal static string MachineLine()
    {
        string cpu = "unknown CPU";
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal)) { cpu = line[(line.IndexOf(':') + 1)..].Trim(); break; }
        }
        catch (IOException) { }
        return $"machine: {Environment.ProcessorCount} cores, {cpu}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; date {DateTime.UtcNow:yyyy-MM-dd}";
    }
}
