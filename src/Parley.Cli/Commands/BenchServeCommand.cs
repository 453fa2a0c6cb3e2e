using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parley.Core;
using Parley.Engine;
using Parley.Server;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley bench serve`: fills a temporary store with generated, already-coded documents (<see cref="Parley.Engine.Synthetic.SyntheticNews"/>,
/// deterministic seed) holding --events events, serves it on a loopback port, and measures p50/p95 latency of filtered event queries and the
/// time to fetch the dashboard's first view (page, assets and its first API calls) over HTTP.
/// </summary>
internal static class BenchServeCommand
{
    private const int Rounds = 200;

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Events to generate (at least 100,000 for the reported figures).", DefaultValueFactory = _ => 100_000 };
        var db = new Option<string?>("--db") { Description = "Store file to create (default: a temporary file, deleted afterwards)." };
        var store = new Option<string?>("--store") { Description = "Measure a PostgreSQL store instead: a URI or connection string naming a database that this creates, fills and drops." };
        var command = new Command("serve", "p50/p95 latency of filtered event queries and the dashboard's first view over loopback HTTP.") { events, db, store };
        command.SetAction(parse => Run(Math.Max(1000, parse.GetValue(events)), parse.GetValue(db), parse.GetValue(store)));
        return command;
    }

    private static int Run(int eventCount, string? dbOption, string? storeOption)
    {
        string file = dbOption ?? Path.Combine(Path.GetTempPath(), $"parley-bench-serve-{Environment.ProcessId}.db");
        if (storeOption is not null) StoreFactory.Drop(storeOption);
        else DeleteStore(file);
        Console.WriteLine(BenchCommand.MachineLine());
        Console.WriteLine("store: " + (storeOption is null ? "SQLite " + file : StoreFactory.Describe(storeOption)));
        try
        {
            using var store = StoreFactory.Open(storeOption is null ? file : null, storeOption);
            var clock = Stopwatch.StartNew();
            Parley.Engine.Synthetic.SyntheticNews.Fill(store, eventCount);
            // As `parley ingest` leaves a store: optimized, and its log checkpointed into the main file (SQLite: a read finds
            // its pages in the .db instead of looking each up in the write-ahead log's index first).
            store.Optimize();
            store.Checkpoint();
            var stats = store.GetStats();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store: {stats.Documents:N0} documents, {stats.Events:N0} events, {stats.Entities:N0} entities, filled in {clock.Elapsed.TotalSeconds:F1} s{(storeOption is null ? $" ({new FileInfo(file).Length / (1024 * 1024):N0} MB)" : "")}"));

            var app = ParleyServer.Build(new ServerOptions { Store = store, Urls = ["http://127.0.0.1:0"] });
            app.StartAsync().GetAwaiter().GetResult();
            try
            {
                string baseUrl = app.Urls.First().TrimEnd('/');
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
                MeasureQueries(http);
                MeasureLoad(baseUrl, clients: 32, TimeSpan.FromSeconds(20));
                MeasureFirstView(baseUrl);
            }
            finally
            {
                app.StopAsync().GetAwaiter().GetResult();
                ((IAsyncDisposable)app).DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            if (storeOption is not null) StoreFactory.Drop(storeOption);
            else if (dbOption is null) DeleteStore(file);
        }
        return 0;
    }

    private static void MeasureQueries(HttpClient http)
    {
        string[] queries =
        [
            "/api/events?limit=50",
            "/api/events?actor=USA&limit=50",
            "/api/events?country=SDN&limit=50",
            "/api/events?cameo=19&limit=50",
            "/api/events?quad_class=4&from=2022-06-01&to=2022-06-30&limit=50",
            "/api/events?actor=RUSMIL&cameo=19&from=2022-01-01&to=2022-12-31&limit=50",
            "/api/events?country=UKR&quad_class=4&offset=200&limit=50",
            "/api/events?q=ceasefire&limit=50",
            "/api/events?q=truce&country=QAT&cameo=08&limit=50",
            "/api/events?actor=USA&country=CHN&limit=50",
            "/api/events?country=IRN&cameo=1&quad_class=3&limit=50",
            "/api/events?source=CHN&target=USA&offset=100&limit=50",
            "/api/events?q=sanctions&actor=RUS&limit=50",
            "/api/events?country=ISR&from=2023-01-01&to=2023-06-30&quad_class=4&limit=50",
            "/api/events?q=officials&limit=200",
            "/api/events?sort=-goldstein&country=UKR&limit=50",
            "/api/documents?country=SDN&cameo=19&limit=20",
            "/api/timeline?country=UKR",
            "/api/timeline?bin=week",
            "/api/actor-pairs?cameo=19&limit=200",
            "/api/suggest?field=actor&q=ru",
        ];
        Console.WriteLine($"filtered queries over loopback HTTP ({Rounds} requests each after 10 warm-up; times in ms):");
        var all = new List<double>();
        foreach (var q in queries)
        {
            for (int i = 0; i < 10; i++) Fetch(http, q);
            var times = new double[Rounds];
            int total = 0;
            for (int i = 0; i < Rounds; i++)
            {
                var t = Stopwatch.GetTimestamp();
                total = Fetch(http, q);
                times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            all.AddRange(times);
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {q,-72} p50 {Percentile(times, 0.50),7:F2}  p95 {Percentile(times, 0.95),7:F2}  max {times[^1],7:F2}  ({total:N0} bytes)"));
        }
        var sorted = all.ToArray();
        Array.Sort(sorted);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  all queries: p50 {Percentile(sorted, 0.50):F2} ms, p95 {Percentile(sorted, 0.95):F2} ms (target p95 < 50 ms)"));
    }

    /// <summary>
    /// Throughput under load: <paramref name="clients"/> clients each send event-filter queries (a mix of filters and
    /// pages, one after another) for <paramref name="duration"/>. The clients run in this process, on the same cores as
    /// the server, so the figure is a lower bound of what the server alone sustains.
    /// </summary>
    private static void MeasureLoad(string baseUrl, int clients, TimeSpan duration)
    {
        string[] countries = ["USA", "AFG", "RUS", "UKR", "SYR", "IRN", "CHN", "ISR", "TUR", "IND"];
        string[] cameos = ["01", "04", "05", "11", "14", "17", "18", "19", "190", "20"];
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double[]>();
        long errors = 0;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(baseUrl) };
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                string q = random.Next(6) switch
                {
                    0 => $"/api/events?country={countries[random.Next(countries.Length)]}&limit=50&offset={50 * random.Next(4)}",
                    1 => $"/api/events?cameo={cameos[random.Next(cameos.Length)]}&limit=50",
                    2 => $"/api/events?actor={countries[random.Next(countries.Length)]}&quad_class={1 + random.Next(4)}&limit=50",
                    3 => $"/api/events?from=2019-{1 + random.Next(12):D2}-01&to=2019-{1 + random.Next(12):D2}-28&limit=50",
                    4 => $"/api/events?country={countries[random.Next(countries.Length)]}&cameo={cameos[random.Next(cameos.Length)]}&limit=50",
                    _ => $"/api/events?limit=50&offset={50 * random.Next(20)}",
                };
                var t = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(q);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode && (int)response.StatusCode != 400) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            latencies.Add([.. mine]);
        })).ToArray();
        Task.WaitAll(tasks);
        clock.Stop();
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {clients} clients, event filters, {clock.Elapsed.TotalSeconds:F0} s: {all.Length:N0} requests = {all.Length / clock.Elapsed.TotalSeconds:N0} requests/s, p50 {Percentile(all, 0.5):F1} ms, p95 {Percentile(all, 0.95):F1} ms, {errors} errors (target 1,000 requests/s, p95 < 50 ms on 2 cores)"));
        // CPU time does not depend on what else runs on the machine: what the cores could sustain if they were ours alone.
        double perRequest = cpuMs / Math.Max(1, all.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: {perRequest:F2} CPU ms per request (server and clients together) = at most {Environment.ProcessorCount * 1000 / perRequest:N0} requests/s on {Environment.ProcessorCount} idle cores"));
    }

    /// <summary>
    /// The dashboard's first view as a browser without cache fetches it: the page, then its stylesheet and scripts,
    /// then the search view's API calls (in parallel, as the page makes them). Each round uses a new connection.
    /// </summary>
    private static void MeasureFirstView(string baseUrl)
    {
        string[] assets = ["/style.css", "/favicon.svg", "/js/app.js", "/js/dom.js", "/js/api.js", "/js/suggest.js", "/js/articles.js", "/js/document.js",
            "/js/events.js", "/js/timeline.js", "/js/network.js", "/js/map.js", "/js/stories.js", "/js/sparkline.js"];
        string[] api = ["/api/stats", "/api/documents?limit=20&offset=0"];
        var times = new double[20];
        long bytes = 0;
        for (int round = 0; round < times.Length; round++)
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 6 }) { BaseAddress = new Uri(baseUrl) };
            var t = Stopwatch.GetTimestamp();
            bytes = Fetch(http, "/");
            bytes += Task.WhenAll(Array.ConvertAll(assets, a => Task.Run(() => Fetch(http, a)))).GetAwaiter().GetResult().Sum();
            bytes += Task.WhenAll(Array.ConvertAll(api, a => Task.Run(() => Fetch(http, a)))).GetAwaiter().GetResult().Sum();
            times[round] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dashboard first view (page + {assets.Length} assets + {api.Length} API calls, {bytes / 1024.0:N0} KB, new connection each round, {times.Length} rounds): median {Percentile(times, 0.5):F1} ms, max {times[^1]:F1} ms (target < 1000 ms)"));
    }

    private static int Fetch(HttpClient http, string path)
    {
        using var response = http.GetAsync(path).GetAwaiter().GetResult();
        var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}");
        return body.Length;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void DeleteStore(string file)
    {
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
