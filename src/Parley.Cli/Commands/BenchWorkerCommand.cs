using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Engine;
using Parley.Queue;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley bench worker`: throughput of N single-threaded worker processes on one queue and one PostgreSQL
/// store, for each N asked (default 1 and 2). Each round publishes the same articles to a fresh queue, starts
/// the workers on a fresh database, and counts stored articles per second from the poll that saw the first tenth
/// of them stored to the last (so model loading, each worker's warm-up and the idle wait at the end are left out),
/// with the CPU each article cost the workers, PostgreSQL and nats-server over that window.
/// </summary>
internal static class BenchWorkerCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Inputs, e.g. ../shared/data/news_reuters21578/reuters21578.jsonl.gz" };
        var store = new Option<string>("--store") { Required = true, Description = "PostgreSQL server (URI or connection string); each round uses a database of its own, dropped afterwards." };
        var queue = WorkerCommand.QueueOption(required: true);
        var workers = new Option<string>("--workers") { Description = "Worker counts to measure, comma-separated; a count may repeat (1,2,1,2: alternating rounds, each count's median rate compared).", DefaultValueFactory = _ => "1,2" };
        var limit = new Option<int>("--limit") { Description = "Articles per round (0: all).", DefaultValueFactory = _ => 2000 };
        var layers = CliOptions.LayersOption();
        var command = new Command("worker", "Articles per second with 1, 2, ... single-threaded worker processes (PostgreSQL store, NATS queue).") { paths, store, queue, workers, limit, layers };
        command.SetAction(parse =>
        {
            var counts = parse.GetValue(workers)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException($"--workers: '{s}' is not a count")).ToList();
            string input = parse.GetValue(limit) is int max and > 0 ? BenchCommand.LimitedCopy(parse.GetValue(paths)!, max) : null!;
            string[] inputs = input is null ? parse.GetValue(paths)! : [input];
            string server = parse.GetValue(queue)!.TrimEnd('/');
            Console.WriteLine(BenchCommand.MachineLine());
            Console.WriteLine($"store: {StoreFactory.Describe(parse.GetValue(store)!)}; queue: {server}; layers: {parse.GetValue(layers)}");
            var rates = new List<double>();
            try
            {
                for (int round = 0; round < counts.Count; round++)
                {
                    int n = counts[round];
                    // A stream and a database of its own per round: a repeated count must not find its articles already queued.
                    string name = $"bench_r{round + 1}_w{n}_{Environment.ProcessId}";
                    string db = StoreFactory.WithDatabase(parse.GetValue(store)!, "parley_" + name);
                    string url = $"{server}/{name.Replace('_', '-')}";
                    StoreFactory.Drop(db);
                    WorkerCommand.Publish(url, inputs, null, quiet: true);
                    double rate = Round(n, url, db, parse.GetValue(layers)!);
                    rates.Add(rate);
                    StoreFactory.Drop(db);
                }
            }
            finally
            {
                if (input is not null) File.Delete(input);
            }
            // Each count's median over its rounds (the first round of a run is also the coldest: alternate counts to even it out).
            var medians = counts.Distinct().Select(n => (Count: n, Rate: Median(rates.Where((_, i) => counts[i] == n).ToList()))).ToList();
            string how = counts.Count > medians.Count ? " (medians of the rounds of each count)" : "";
            foreach (var (n, rate) in medians.Skip(1))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} workers / {medians[0].Count}: {rate / medians[0].Rate:F2}x{how}"));
            return 0;
        });
        return command;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int m = values.Count / 2;
        return values.Count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }

    /// <summary>Share of the articles left out of the measured window at its start: each worker's warm-up (JIT, first reads).</summary>
    private const double WarmUp = 0.10;

    private static double Round(int workers, string url, string db, string layers)
    {
        var processes = new List<Process>();
        for (int i = 0; i < workers; i++) processes.Add(StartWorker(url, db, layers, $"bench-{i + 1}"));
        using var store = WaitForStore(db);
        var clock = Stopwatch.StartNew();
        var sampler = new CpuSampler(processes.Select(p => p.Id).ToHashSet());
        // The polls that saw the count grow: when, how many stored, and the CPU used so far.
        var polls = new List<(TimeSpan At, long Stored, CpuSample Cpu)>();
        while (processes.Exists(p => !p.HasExited))
        {
            // One count per poll: it runs on the server the workers share the cores with.
            var stats = store.GetStats();
            long n = stats.Documents + stats.Duplicates;
            if (n > (polls.Count == 0 ? 0 : polls[^1].Stored)) polls.Add((clock.Elapsed, n, sampler.Take()));
            Thread.Sleep(200);
        }
        foreach (var p in processes)
        {
            if (p.ExitCode != 0) Console.Error.WriteLine($"parley: bench worker: a worker exited with {p.ExitCode}");
            p.Dispose();
        }
        var end = store.GetStats();
        long final = end.Documents + end.Duplicates;
        if (polls.Count < 2)
        {
            Console.WriteLine($"{workers} worker{(workers == 1 ? "" : "s")}: {final:N0} articles, too few polls to measure");
            return double.NaN;
        }
        // From the first stored article, and from the first poll past the warm-up share (both workers warm up at once when
        // there are two, each on its own JIT and caches: left in, the warm-up weighs twice as much with two).
        var first = polls[0];
        var warm = polls.Find(p => p.Stored >= Math.Max(first.Stored + 1, (long)(WarmUp * final)));
        if (warm.Stored == 0 || warm.At >= polls[^1].At) warm = first;
        var last = polls[^1];
        double Rate((TimeSpan At, long Stored, CpuSample Cpu) from) => (last.Stored - from.Stored) / (last.At - from.At).TotalSeconds;
        double rate = Rate(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{workers} worker{(workers == 1 ? "" : "s")}: {final:N0} articles; {last.Stored - warm.Stored:N0} after the first {warm.Stored:N0} in {(last.At - warm.At).TotalSeconds:F1} s = {rate:N1} articles/s (from the first stored: {Rate(first):N1})"));
        if (warm.Cpu.Known)
        {
            // Over the same window as the rate: what each article cost.
            long articles = Math.Max(1, last.Stored - warm.Stored);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU per article in that window: workers {(last.Cpu.Workers - warm.Cpu.Workers).TotalMilliseconds / articles:F2} ms, PostgreSQL {(last.Cpu.Postgres - warm.Cpu.Postgres).TotalMilliseconds / articles:F2} ms, nats-server {(last.Cpu.Nats - warm.Cpu.Nats).TotalMilliseconds / articles:F2} ms (every process of those names on the machine)"));
        }
        return rate;
    }

    private static Parley.Storage.IParleyStore WaitForStore(string db)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try { return StoreFactory.Open(null, db); }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromMinutes(1)) { Thread.Sleep(200); }
        }
    }

    private static Process StartWorker(string url, string db, string layers, string name)
    {
        // The same program: `parley` itself, or `dotnet parley.dll`.
        string self = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") psi.ArgumentList.Add(typeof(BenchWorkerCommand).Assembly.Location);
        foreach (var a in new[] { "worker", "--queue", url, "--store", db, "--threads", "1", "--layers", layers, "--exit-when-idle", "3", "--name", name })
            psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>
    /// CPU time used so far (user and system, from /proc on Linux) by the workers, by PostgreSQL (every postgres process,
    /// with the backends that have exited counted through the postmaster) and by nats-server. Unknown elsewhere.
    /// </summary>
    private sealed record CpuSample(TimeSpan Workers, TimeSpan Postgres, TimeSpan Nats, bool Known);

    /// <summary>
    /// Takes <see cref="CpuSample"/>s. Listing every process costs a few milliseconds of the CPU being measured: the
    /// servers' processes are listed again only every <see cref="ListEvery"/>th sample (a backend started in between is
    /// counted from the next listing on: its time since its start, so nothing is lost but for the window's last moments).
    /// </summary>
    private sealed class CpuSampler(IReadOnlySet<int> workerPids)
    {
        private const int ListEvery = 10;
        /// <summary>/proc counts in clock ticks, 100 a second on Linux (USER_HZ).</summary>
        private const double TickMs = 10;
        private readonly bool _known = OperatingSystem.IsLinux() && Directory.Exists("/proc");
        private List<(int Pid, string Kind)> _watched = [];
        private int _samples;

        public CpuSample Take()
        {
            if (!_known) return new(default, default, default, false);
            if (_samples++ % ListEvery == 0) _watched = List();
            double workers = 0, postgres = 0, nats = 0;
            foreach (var (pid, kind) in _watched)
            {
                if (Read(pid) is not { } t) continue;
                switch (kind)
                {
                    case "worker": workers += t.Own; break;
                    case "nats": nats += t.Own + t.Children; break;
                    // The postmaster counts its exited backends; each live backend counts itself.
                    case "postmaster": postgres += t.Own + t.Children; break;
                    default: postgres += t.Own; break;
                }
            }
            return new(TimeSpan.FromMilliseconds(workers * TickMs), TimeSpan.FromMilliseconds(postgres * TickMs), TimeSpan.FromMilliseconds(nats * TickMs), true);
        }

        private List<(int, string)> List()
        {
            var all = new List<(int Pid, Times T)>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
                if (int.TryParse(Path.GetFileName(dir), out int pid) && Read(pid) is { } t) all.Add((pid, t));
            var names = all.ToDictionary(p => p.Pid, p => p.T.Name);
            var watched = new List<(int, string)>();
            foreach (var (pid, t) in all)
            {
                if (workerPids.Contains(pid)) watched.Add((pid, "worker"));
                else if (t.Name == "nats-server") watched.Add((pid, "nats"));
                else if (t.Name == "postgres") watched.Add((pid, names.GetValueOrDefault(t.Parent) == "postgres" ? "backend" : "postmaster"));
            }
            return watched;
        }

        private sealed record Times(string Name, int Parent, long Own, long Children);

        private static Times? Read(int pid)
        {
            string stat;
            try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            // pid (name) state ppid ...: the fields after the name, from the last ')' on (a name may hold one).
            int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
            if (open < 0 || close < open || close + 2 > stat.Length) return null;
            var f = stat[(close + 2)..].Split(' ');
            if (f.Length < 15) return null;
            long Field(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
            return new(stat[(open + 1)..close], (int)Field(1), Field(11) + Field(12), Field(13) + Field(14));
        }
    }
}
