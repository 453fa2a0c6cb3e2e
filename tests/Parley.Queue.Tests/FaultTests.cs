using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Parley.Cli.Tests;
using Parley.Stories;
using Parley.Storage;
using Parley.Storage.Postgres;
using Xunit.Abstractions;

namespace Parley.Queue.Tests;

/// <summary>The corpus and its single-process result, made once for the fault tests.</summary>
public sealed class FaultBaseline : IDisposable
{
    public const int Articles = 2000;

    public FaultBaseline()
    {
        Dir = new TempDir();
        Corpus = Dir.File("corpus.jsonl");
        Duplicates = FaultCorpus.Write(Corpus, Articles);
        Small = Dir.File("small.jsonl");
        File.WriteAllLines(Small, File.ReadLines(Corpus).Take(600));
    }

    internal TempDir Dir { get; }
    public string Corpus { get; }
    public string Small { get; }
    public int Duplicates { get; }

    public string Database { get; } = "parley_fault_single_" + Environment.ProcessId;
    public bool Ingested { get; set; }

    public void Dispose() => Dir.Dispose();
}

[CollectionDefinition("fault", DisableParallelization = true)]
public sealed class FaultCollection : ICollectionFixture<FaultServices>, ICollectionFixture<FaultBaseline>;

/// <summary>
/// Workers as real processes against real servers: one SIGKILLed mid-run, PostgreSQL restarted mid-run, NATS
/// restarted mid-run. Each time every article must be stored exactly once, with events identical to one process
/// ingesting the same input, report links exactly ReportMerger's over the final stories, and nothing left queued.
/// </summary>
[Collection("fault")]
public sealed class FaultTests(FaultServices services, FaultBaseline baseline, ITestOutputHelper output)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(6);

    [SkippableFact]
    public void Killing_a_worker_mid_run_and_starting_another_stores_every_article_exactly_once_with_the_single_process_events()
    {
        services.Require();
        var single = SingleProcess();
        string db = NewName("kill"), queue = NewName("kill");
        Publish(baseline.Corpus, queue);
        var workers = new List<Process> { Worker(queue, db, "w1"), Worker(queue, db, "w2"), Worker(queue, db, "w3") };
        WaitFor(() => Count(db, "documents") >= 400, "400 articles stored");
        workers[0].Kill(); // SIGKILL: no drain, its unacknowledged articles come back after the ack wait
        workers[0].WaitForExit();
        output.WriteLine($"killed w1 at {Count(db, "documents")} stored");
        workers.Add(Worker(queue, db, "w4"));
        WaitAll(workers.Skip(1));
        AssertSameAsSingleProcess(db, single, baseline.Articles());
        AssertQueueEmpty(queue);
    }

    [SkippableFact]
    public void Restarting_PostgreSQL_mid_run_makes_workers_retry_and_finish()
    {
        services.Require();
        var single = SingleProcess();
        string db = NewName("pg"), queue = NewName("pg");
        Publish(baseline.Small, queue);
        var workers = new List<Process> { Worker(queue, db, "p1"), Worker(queue, db, "p2") };
        WaitFor(() => Count(db, "documents") >= 100, "100 articles stored");
        var restart = services.Restart("postgres");
        Assert.True(restart.ExitCode == 0, restart.Output);
        output.WriteLine("PostgreSQL restarted");
        WaitAll(workers);
        AssertSameAsSingleProcess(db, single, 600);
        AssertQueueEmpty(queue);
    }

    [SkippableFact]
    public void Restarting_NATS_mid_run_loses_nothing()
    {
        services.Require();
        var single = SingleProcess();
        string db = NewName("nats"), queue = NewName("nats");
        Publish(baseline.Small, queue);
        var workers = new List<Process> { Worker(queue, db, "n1"), Worker(queue, db, "n2") };
        WaitFor(() => Count(db, "documents") >= 100, "100 articles stored");
        var restart = services.Restart("nats");
        Assert.True(restart.ExitCode == 0, restart.Output);
        output.WriteLine("NATS restarted");
        WaitAll(workers);
        AssertSameAsSingleProcess(db, single, 600);
        AssertQueueEmpty(queue);
    }

    private static string NewName(string what) => $"parley_fault_{what}_{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The single-process run of the whole corpus (made once): `parley ingest` into its own database.</summary>
    private Snapshot SingleProcess()
    {
        if (!baseline.Ingested)
        {
            var r = CliRunner.Run(baseline.Dir.Path, null, "ingest", baseline.Corpus, "--store", services.Store(baseline.Database), "--quiet");
            Assert.True(r.ExitCode == 0, r.Stderr);
            baseline.Ingested = true;
        }
        return Snapshot.Read(services, baseline.Database);
    }

    private void Publish(string corpus, string queue)
    {
        var r = CliRunner.Run(baseline.Dir.Path, null, "ingest", corpus, "--queue", services.NatsUrl(queue), "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        output.WriteLine(r.Stderr.Trim());
    }

    private Process Worker(string queue, string db, string name)
    {
        var p = CliRunner.Start(baseline.Dir.Path, "worker", "--queue", services.NatsUrl(queue), "--store", services.Store(db),
            "--name", name, "--ack-wait", "4", "--batch", "4", "--exit-when-idle", "6");
        p.StandardInput.Close();
        // Drain the pipes so a chatty worker never blocks on a full pipe.
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, e) => { if (e.Data is { } line && !line.Contains("running:", StringComparison.Ordinal)) Log(line); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private void Log(string line)
    {
        try { output.WriteLine(line); } catch (InvalidOperationException) { }
    }

    private void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!Try(condition))
        {
            if (clock.Elapsed > RunLimit) throw new TimeoutException("waited too long for " + what);
            Thread.Sleep(100);
        }
    }

    private static bool Try(Func<bool> condition)
    {
        try { return condition(); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { return false; }
    }

    private void WaitAll(IEnumerable<Process> workers)
    {
        foreach (var p in workers)
        {
            if (!p.WaitForExit(RunLimit)) { p.Kill(true); throw new TimeoutException("a worker did not finish"); }
            Assert.Equal(0, p.ExitCode);
            p.Dispose();
        }
    }

    private long Count(string db, string table)
    {
        using var c = services.Connect(db);
        using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", c);
        return (long)cmd.ExecuteScalar()!;
    }

    private void AssertQueueEmpty(string queue)
    {
        var r = CliRunner.Run(baseline.Dir.Path, null, "queue", "status", "--queue", services.NatsUrl(queue), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var s = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal((0, 0, 0), (s.GetProperty("pending").GetInt64(), s.GetProperty("in_flight").GetInt64(), s.GetProperty("dead_letters").GetInt64()));
    }

    /// <summary>
    /// Every article of the first <paramref name="articles"/> once (stored, or recorded as a duplicate of a stored
    /// text), each stored text once with exactly the single process's events; report links exactly ReportMerger's
    /// over the final stories; stories agreeing with the single process's within the stated tolerance.
    /// </summary>
    private void AssertSameAsSingleProcess(string db, Snapshot single, int articles)
    {
        var got = Snapshot.Read(services, db);
        Assert.Equal(articles, got.Documents + got.Duplicates);
        var expectedTexts = single.EventsByText.Keys.Where(got.EventsByText.ContainsKey).Count();
        Assert.Equal(got.EventsByText.Count, expectedTexts);
        foreach (var (text, events) in got.EventsByText)
        {
            var expected = single.EventsByText[text];
            // The first differing event in full: xUnit's collection diff cuts each line at 50 characters.
            int at = 0;
            while (at < Math.Min(expected.Count, events.Count) && expected[at] == events[at]) at++;
            Assert.True(at == expected.Count && at == events.Count,
                $"events of one text differ from the single process at {at}:\n  single: {(at < expected.Count ? expected[at] : "(none)")}\n  worker: {(at < events.Count ? events[at] : "(none)")}");
        }
        var otherCopies = got.IdOfText.Where(kv => single.IdOfText.TryGetValue(kv.Key, out var id) && id != kv.Value)
            .Select(kv => $"{kv.Value} (single process: {single.IdOfText[kv.Key]})").Order(StringComparer.Ordinal).ToList();
        if (otherCopies.Count > 0) output.WriteLine("repeated texts kept under the other copy: " + string.Join(", ", otherCopies));
        Assert.Empty(got.Problems);
        Assert.Equal(got.ExpectedLinks, got.Links);
        double agreement = StoryAgreement(single.StoryOf, got.StoryOf);
        output.WriteLine($"stories: {got.StoryOf.Values.Distinct().Count()} (single process: {single.StoryOf.Where(s => got.StoryOf.ContainsKey(s.Key)).Select(s => s.Value).Distinct().Count()}), pairwise agreement F1 {agreement:F3}; {got.Links.Count} report links");
        if (agreement < StoryTolerance) foreach (var line in StoryDifferences(single, got)) output.WriteLine(line);
        Assert.True(agreement >= StoryTolerance, $"story agreement {agreement:F3} < {StoryTolerance}");
    }

    /// <summary>The worker's stories that are not exactly one of the single process's, member by member (article ids).</summary>
    private static IEnumerable<string> StoryDifferences(Snapshot single, Snapshot got)
    {
        var idOf = (string text) => got.IdOfText[text];
        foreach (var story in got.StoryOf.Where(kv => single.StoryOf.ContainsKey(kv.Key)).GroupBy(kv => kv.Value).Take(1000))
        {
            var parts = story.GroupBy(kv => single.StoryOf[kv.Key]).ToList();
            bool whole = parts.Count == 1 && single.StoryOf.Count(kv => kv.Value == parts[0].Key && got.StoryOf.ContainsKey(kv.Key)) == story.Count();
            if (whole) continue;
            yield return $"worker story {story.Key} ({story.Count()} articles) = " + string.Join(" + ", parts.Select(p =>
                $"single {p.Key}: [{string.Join(" ", p.Select(kv => idOf(kv.Key)).Order(StringComparer.Ordinal).Take(12))}]"));
        }
    }

    /// <summary>The stated tolerance (docs/SCALING.md): pairwise F1 of "same story" between any interleaving and one process.</summary>
    public const double StoryTolerance = 0.8;

    /// <summary>F1 over pairs of articles placed in the same story, restricted to the articles both runs stored.</summary>
    internal static double StoryAgreement(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        static HashSet<(string, string)> Pairs(IEnumerable<KeyValuePair<string, string>> map)
        {
            var pairs = new HashSet<(string, string)>();
            foreach (var group in map.GroupBy(kv => kv.Value))
            {
                var ids = group.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
                for (int i = 0; i < ids.Count; i++) for (int j = i + 1; j < ids.Count; j++) pairs.Add((ids[i], ids[j]));
            }
            return pairs;
        }
        var common = a.Keys.Where(b.ContainsKey).ToHashSet();
        var pa = Pairs(a.Where(kv => common.Contains(kv.Key)));
        var pb = Pairs(b.Where(kv => common.Contains(kv.Key)));
        if (pa.Count == 0 && pb.Count == 0) return 1;
        int both = pa.Count(pb.Contains);
        double p = pb.Count == 0 ? 1 : (double)both / pb.Count, r = pa.Count == 0 ? 1 : (double)both / pa.Count;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>What the fault tests compare of a store: events by text, stories by text, links, consistency.</summary>
    private sealed record Snapshot(long Documents, long Duplicates, Dictionary<string, List<string>> EventsByText,
        Dictionary<string, string> StoryOf, HashSet<string> Links, HashSet<string> ExpectedLinks, IReadOnlyList<string> Problems,
        Dictionary<string, string> IdOfText)
    {
        public static Snapshot Read(FaultServices services, string db)
        {
            using var store = PostgresStore.Open(services.Store(db));
            var stats = store.GetStats();
            using var c = services.Connect(db);
            var events = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var textOfId = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var cmd = new NpgsqlCommand("SELECT d.hash, d.id FROM documents d", c))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) { textOfId[r.GetString(1)] = r.GetString(0); events[r.GetString(0)] = []; }
            // Every event column but the keys, in a fixed order, as one line per event.
            using (var cmd = new NpgsqlCommand(
                """
                SELECT d.hash, concat_ws('|', e.ord, e.sentence, e.sentence_start, e.sentence_end, e.src_text, e.src_actor, e.src_country, e.src_name,
                    e.src_start, e.src_end, e.tgt_text, e.tgt_actor, e.tgt_country, e.tgt_name, e.tgt_start, e.tgt_end, e.cameo, e.plover,
                    e.quad_class, e.goldstein, e.date, e.day, e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_geonameid,
                    e.negated, e.evidence_start, e.evidence_end, e.rule, e.confidence, e.trigger_start, e.trigger_end)
                FROM events e JOIN documents d ON d.key = e.doc ORDER BY d.hash, e.ord
                """, c))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) events[r.GetString(0)].Add(r.GetString(1));
            var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in store.ListStories())
                foreach (var id in s.DocumentIds) if (textOfId.TryGetValue(id, out var hash)) storyOf[hash] = s.Id;
            var name = new Dictionary<long, string>();
            var identities = store.ReadEventIdentities();
            foreach (var e in identities) name[e.Key] = textOfId[e.DocumentId] + "#" + e.Ord;
            var links = new HashSet<string>(StringComparer.Ordinal);
            using (var cmd = new NpgsqlCommand("SELECT key, report_of FROM events WHERE report_of IS NOT NULL", c))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) links.Add(name[r.GetInt64(0)] + "->" + (name.TryGetValue(r.GetInt64(1), out var f) ? f : "missing"));
            var expected = ReportMerger.Merge(identities.Select(e => new EventReport(e.Key, e.Document, e.StoryId, e.Day, e.Source, e.Target, e.Cameo, e.DocumentId, e.Ord)))
                .Select(l => name[l.Key] + "->" + name[l.FirstReport]).ToHashSet(StringComparer.Ordinal);
            var problems = store.CheckIntegrity().Concat(store.ListDeadLetters(10).Select(d => "dead letter: " + d.Error)).ToList();
            var idOfText = textOfId.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
            return new Snapshot(stats.Documents, stats.Duplicates, events, storyOf, links, expected, problems, idOfText);
        }
    }
}

internal static class BaselineExtensions
{
    public static int Articles(this FaultBaseline b) => FaultBaseline.Articles;
}
