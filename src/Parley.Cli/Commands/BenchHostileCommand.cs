using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Ingest;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley bench hostile`: writes every hostile input of issue 16 plus sound articles into a folder
/// (<see cref="HostileCorpus"/>), ingests the folder with the whole pipeline into a fresh store, and reports wall time,
/// peak memory, and whether every sound article came out and every bad input was named (targets: 2 minutes, 1 GB).
/// </summary>
internal static class BenchHostileCommand
{
    public static Command Create()
    {
        var folderOption = new Option<string?>("--folder") { Description = "Where to write the inputs (default: a temporary folder, deleted afterwards)." };
        var good = new Option<int>("--good") { Description = "Sound articles among the inputs.", DefaultValueFactory = _ => 20 };
        var layers = CliOptions.LayersOption();
        var threads = CliOptions.Threads();
        var command = new Command("hostile", "Time and peak memory of ingesting a folder of hostile inputs and sound articles.") { folderOption, good, layers, threads };
        command.SetAction(parse =>
        {
            string? samples = ServeCommand.FindSamples();
            if (samples is null)
            {
                Console.Error.WriteLine("parley: bench hostile: no samples/ folder found for the sound articles");
                return 1;
            }
            string folder = parse.GetValue(folderOption) ?? Path.Combine(Path.GetTempPath(), $"parley-hostile-{Environment.ProcessId}");
            bool temporary = parse.GetValue(folderOption) is null;
            string db = Path.Combine(Path.GetTempPath(), $"parley-hostile-{Environment.ProcessId}.db");
            try
            {
                return Run(folder, Path.Combine(samples, "wikinews-2019-2020.jsonl"), parse.GetValue(good), db,
                    CliOptions.ParseLayers(parse.GetValue(layers)!), parse.GetValue(threads));
            }
            finally
            {
                if (temporary && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
                foreach (var f in new[] { db, db + "-wal", db + "-shm" }) if (File.Exists(f)) File.Delete(f);
            }
        });
        return command;
    }

    private static int Run(string folder, string goodSource, int good, string db, Layers layers, int threads)
    {
        Console.WriteLine(BenchCommand.MachineLine());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at start: {LoadAverage()}"));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var files = HostileCorpus.Write(folder, goodSource, good);
        long bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inputs: {files.Count} files, {bytes / 1e6:N1} MB in {folder}"));
        ResetPeakMemory();

        var clock = Stopwatch.StartNew();
        var engine = ParleyEngine.Create(new EngineOptions { Layers = layers, Threads = threads });
        foreach (var note in engine.MissingStages) Console.Error.WriteLine($"parley: note: {note}");
        var problems = new ConcurrentBag<InputProblem>();
        IngestSummary summary;
        using (var store = StoreFactory.Open(db, null))
        {
            summary = new IngestRunner(engine, store).Run([folder], null, null, problems.Add);
            store.Checkpoint();
        }
        clock.Stop();
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var origins = StoredOrigins(db);
        int goodOut = 0, badNamed = 0, hostileAccounted = 0, goodCount = 0, badCount = 0, hostileCount = 0;
        var failures = new List<string>();
        Console.WriteLine("file | expected | outcome");
        foreach (var file in files)
        {
            string path = Path.Combine(folder, file.Name);
            var named = problems.Where(p => p.Input == path || p.Input.StartsWith(path + ":", StringComparison.Ordinal) || p.Input.StartsWith(path + "#", StringComparison.Ordinal)).ToList();
            int stored = origins.Count(o => o == path || o.StartsWith(path + ":", StringComparison.Ordinal) || o.StartsWith(path + "#", StringComparison.Ordinal));
            string outcome = (stored > 0 ? $"{stored} stored" : "not stored") + (named.Count > 0 ? "; named: " + Shorten(named[0].Message) : "");
            Console.WriteLine($"{file.Name} ({file.What}) | {file.Expect.ToString().ToLowerInvariant()} | {outcome}");
            switch (file.Expect)
            {
                case HostileExpectation.Good:
                    goodCount++;
                    if (stored > 0) goodOut++; else failures.Add($"{file.Name}: sound article not stored");
                    break;
                case HostileExpectation.Bad:
                    badCount++;
                    if (named.Count > 0) badNamed++; else failures.Add($"{file.Name}: bad input not named");
                    break;
                default:
                    hostileCount++;
                    if (stored > 0 || named.Count > 0) hostileAccounted++; else failures.Add($"{file.Name}: neither stored nor named");
                    break;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingested in {clock.Elapsed.TotalSeconds:F1} s (target < 120 s): {summary.Added} added, {summary.Problems} problem lines; peak working set {peak / (1024 * 1024):N0} MB (target < 1,024 MB)"));
        Console.WriteLine($"sound articles out: {goodOut}/{goodCount}; bad inputs named: {badNamed}/{badCount}; hostile inputs stored or named: {hostileAccounted}/{hostileCount}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at end: {LoadAverage()}"));
        foreach (var f in failures) Console.WriteLine("FAIL: " + f);
        bool met = failures.Count == 0 && clock.Elapsed < TimeSpan.FromMinutes(2) && peak < 1024L * 1024 * 1024;
        Console.WriteLine(met ? "all targets met" : "targets NOT met");
        return met ? 0 : 1;
    }

    private static List<string> StoredOrigins(string db)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT origin FROM documents";
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) if (!r.IsDBNull(0)) list.Add(r.GetString(0));
        return list;
    }

    private static string Shorten(string s) => s.Length <= 90 ? s : s[..90] + "...";

    /// <summary>Starts the peak-memory count afresh (Linux: VmHWM), so writing the inputs does not count.</summary>
    internal static void ResetPeakMemory()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    internal static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
