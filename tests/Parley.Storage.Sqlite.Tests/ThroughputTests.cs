using System.Diagnostics;
using Parley.Core;
using Xunit.Abstractions;
using Parley.Storage.Tests;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>
/// Measures ingest throughput and query latency and prints them. Small by default so the suite stays fast;
/// set PARLEY_STORE_BENCH_DOCS (e.g. 20000, which gives 100,000 events) for the figures in the report:
/// PARLEY_STORE_BENCH_DOCS=20000 dotnet test tests/Parley.Storage.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Benchmark")]
public class ThroughputTests(ITestOutputHelper output)
{
    private const int BatchSize = 200;

    private static int DocCount =>
        int.TryParse(Environment.GetEnvironmentVariable("PARLEY_STORE_BENCH_DOCS"), out int n) && n > 0 ? n : 300;

    [Fact]
    public void TextAndSentencesOnly()
    {
        using var t = new TempStore();
        int docs = DocCount;
        var (elapsed, bytes) = Ingest(t.Store, docs, seed => Strip(TestDocuments.Annotated("p" + seed, seed, entities: 0, events: 0)));
        Report("text+sentences", docs, elapsed, bytes, t);
        Assert.Equal(docs, t.Store.GetStats().Documents);
    }

    [Fact]
    public void FullLayersAndQueryLatency()
    {
        using var t = new TempStore();
        int docs = DocCount;
        var (elapsed, bytes) = Ingest(t.Store, docs, seed => TestDocuments.Annotated("f" + seed, seed, published: new DateOnly(2019, 1, 1).AddDays(seed % 365)));
        Report("full layers", docs, elapsed, bytes, t);
        var stats = t.Store.GetStats();
        Assert.Equal(docs * 5L, stats.Events);

        var sw = Stopwatch.StartNew();
        t.Store.Optimize();
        output.WriteLine($"optimize: {sw.ElapsedMilliseconds} ms");

        string[] actors = ["USA", "AFGREB", "QAT", "AFG", "IGO"];
        string[] cameos = ["19", "036", "1962", "0", "20"];
        Measure("events, no filter, limit 50", i => t.Store.QueryEvents(new EventQuery { Limit = 50, Offset = i % 3 * 50 }, out _));
        Measure("events, actor prefix", i => t.Store.QueryEvents(new EventQuery { Actor = actors[i % 5], Limit = 50 }, out _));
        Measure("events, cameo prefix", i => t.Store.QueryEvents(new EventQuery { CameoPrefix = cameos[i % 5], Limit = 50 }, out _));
        Measure("events, country", i => t.Store.QueryEvents(new EventQuery { Country = i % 2 == 0 ? "QAT" : "USA", Limit = 50 }, out _));
        Measure("events, quad+month", i => t.Store.QueryEvents(new EventQuery { QuadClass = 1 + i % 4, From = new DateOnly(2019, 1 + i % 12, 1), To = new DateOnly(2019, 1 + i % 12, 28), Limit = 50 }, out _));
        Measure("events, actor+cameo+dates", i => t.Store.QueryEvents(new EventQuery { Actor = actors[i % 5], CameoPrefix = cameos[i % 5], From = new DateOnly(2019, 3, 1), To = new DateOnly(2019, 9, 30), Limit = 50 }, out _));
        Measure("events, full-text q", i => t.Store.QueryEvents(new EventQuery { Q = "Ref" + (i * 7 % docs), Limit = 50 }, out _));
        // Distinct limits make every call miss the aggregation cache; the repeated ones below hit it.
        Measure("actor counts, uncached", i => t.Store.ActorCounts(new EventQuery { Limit = 1000 + i }));
        Measure("actor pairs, uncached", i => t.Store.ActorPairs(new EventQuery { Limit = 1000 + i }));
        Measure("country counts, uncached", i => t.Store.CountryCounts(new EventQuery { Limit = 1000 + i }));
        Measure("place counts, uncached", i => t.Store.PlaceCounts(new EventQuery { Limit = 1000 + i }));
        Measure("timeline, uncached", i => t.Store.Timeline(new EventQuery { Limit = 1000 + i }));
        Measure("actor counts (all)", i => t.Store.ActorCounts(new EventQuery { Limit = 20 }));
        Measure("actor pairs, quad 4", i => t.Store.ActorPairs(new EventQuery { QuadClass = 4, Limit = 20 }));
        Measure("timeline (all)", i => t.Store.Timeline(new EventQuery()));
        Measure("timeline, actor", i => t.Store.Timeline(new EventQuery { Actor = actors[i % 5] }));
        Measure("country counts (all)", i => t.Store.CountryCounts(new EventQuery()));
        Measure("country counts, month", i => t.Store.CountryCounts(new EventQuery { From = new DateOnly(2019, 1 + i % 12, 1), To = new DateOnly(2019, 1 + i % 12, 28) }));
        Measure("place counts (all)", i => t.Store.PlaceCounts(new EventQuery { Limit = 50 }));
        Measure("documents, search", i => t.Store.SearchDocuments(new DocumentQuery { Q = i % 2 == 0 ? "ceasefire talks" : "Ref" + i, Limit = 20, Offset = 0 }, out _));
        Measure("documents, list page", i => t.Store.SearchDocuments(new DocumentQuery { Q = null, Limit = 20, Offset = i * 20 % 1000 }, out _));
        Measure("load document", i => t.Store.LoadDocument("f" + (i * 37 % docs)));
        Measure("stats", i => t.Store.GetStats());
    }

    private static Document Strip(Document d)
    {
        d.ClearTokens();
        d.Entities.Clear(); d.Places.Clear(); d.Dates.Clear(); d.Quotes.Clear(); d.Events.Clear();
        d.OriginalOffsets = null;
        return d;
    }

    private TimeSpan _ingestCpu;

    private (TimeSpan Elapsed, long TextBytes) Ingest(SqliteStore store, int docs, Func<int, Document> make)
    {
        var process = Process.GetCurrentProcess();
        _ingestCpu = TimeSpan.Zero;
        var elapsed = TimeSpan.Zero;
        long bytes = 0;
        var batch = new List<Document>(BatchSize);
        for (int start = 0; start < docs; start += BatchSize)
        {
            batch.Clear();
            for (int i = start; i < Math.Min(docs, start + BatchSize); i++)
            {
                var d = make(i);
                bytes += d.Text.Length;
                batch.Add(d);
            }
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            store.SaveBatch(batch);
            elapsed += sw.Elapsed;
            process.Refresh();
            _ingestCpu += process.TotalProcessorTime - cpu;
        }
        return (elapsed, bytes);
    }

    private void Report(string what, int docs, TimeSpan elapsed, long textChars, TempStore t)
    {
        long fileBytes = new FileInfo(t.FilePath).Length + (File.Exists(t.FilePath + "-wal") ? new FileInfo(t.FilePath + "-wal").Length : 0);
        var stats = t.Store.GetStats();
        output.WriteLine($"{what}: {docs} docs ({textChars / docs} chars, {stats.Tokens / Math.Max(1, docs)} tokens, {stats.Sentences / Math.Max(1, docs)} sentences, " +
            $"{stats.Entities / Math.Max(1, docs)} entities, {stats.Events / Math.Max(1, docs)} events each) in {elapsed.TotalSeconds:F2} s = {docs / elapsed.TotalSeconds:F0} docs/s " +
            $"(process CPU {_ingestCpu.TotalSeconds:F2} s = {docs / _ingestCpu.TotalSeconds:F0} docs per CPU-second); " +
            $"file {fileBytes / 1024.0 / 1024.0:F1} MB ({fileBytes / docs} bytes/doc)");
    }

    private void Measure(string what, Action<int> query, int runs = 60)
    {
        query(0);
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            query(i + 1);
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        output.WriteLine($"{what,-28} p50 {times[runs / 2],7:F2} ms   p95 {times[(int)(runs * 0.95)],7:F2} ms   max {times[^1],7:F2} ms");
    }
}
