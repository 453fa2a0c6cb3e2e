using System.Text.Json;
using Parley.Core;

namespace Parley.Engine.Tests;

/// <summary>The ordered parallel window of <see cref="DocumentStream"/>: order kept, errors isolated, cancellation.</summary>
public sealed class DocumentStreamTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-engine-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public DocumentStreamTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A JSONL file of <paramref name="count"/> articles of very different lengths (so workers finish out of order).</summary>
    internal static string Articles(string dir, int count, Func<int, string>? text = null)
    {
        string path = Path.Combine(dir, $"articles-{count}.jsonl");
        using var w = new StreamWriter(path);
        for (int i = 0; i < count; i++)
        {
            string body = text?.Invoke(i) ?? string.Concat(Enumerable.Repeat($"Sentence {i} about talks in the capital. ", 1 + (i * 37 % 90)));
            w.WriteLine(JsonSerializer.Serialize(new { id = $"a{i:D4}", title = $"Article {i}", date = "2024-01-02", text = body }));
        }
        return path;
    }

    private static ParleyEngine Engine(int threads) => ParleyEngine.Create(new EngineOptions { Layers = Layers.Clean, Threads = threads });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Results_come_out_in_input_order_whatever_order_the_workers_finish_in(int threads)
    {
        string input = Articles(_dir, 500);
        var finished = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stream = new DocumentStream(Engine(threads))
        {
            // Long articles take longer here, so with several threads they finish after later short ones.
            ShouldAnnotate = d => { Thread.SpinWait(d.Text.Length * 20); finished.Enqueue(d.Id); return false; },
        };
        var ids = stream.Process([input]).Select(r => r.Document!.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"a{i:D4}"), ids);
        if (threads > 1) Assert.NotEqual(ids, finished.ToList());
    }

    [Fact]
    public void A_failing_article_becomes_its_own_problem_line_and_the_rest_go_on_in_order()
    {
        string input = Articles(_dir, 120);
        var stream = new DocumentStream(Engine(2))
        {
            ShouldAnnotate = d => d.Id is "a0007" or "a0063" ? throw new InvalidOperationException("boom\nsecond line") : false,
        };
        var items = stream.Process([input]).ToList();
        Assert.Equal(120, items.Count);
        var problems = items.Where(i => i.Problem is not null).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Null(p.Document));
        Assert.All(problems, p => Assert.Equal("internal error in processing (InvalidOperationException: boom)", p.Problem!.Message));
        Assert.Equal(Enumerable.Range(0, 120).Where(i => i is not 7 and not 63).Select(i => $"a{i:D4}"),
            items.Where(i => i.Document is not null).Select(i => i.Document!.Id));
        Assert.Contains(":8", problems[0].Problem!.Input, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_stops_reading_and_the_worker_threads_promptly()
    {
        string input = Articles(_dir, 5000);
        using var cts = new CancellationTokenSource();
        var stream = new DocumentStream(Engine(2)) { ShouldAnnotate = _ => { Thread.Sleep(1); return false; } };
        int seen = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var item in stream.Process([input], cancellationToken: cts.Token))
                if (++seen == 50) cts.Cancel();
        });
        Assert.InRange(seen, 50, 60);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Stopping_early_ends_the_threads_without_reading_everything()
    {
        string input = Articles(_dir, 5000);
        int annotated = 0;
        var stream = new DocumentStream(Engine(2)) { ShouldAnnotate = _ => { Interlocked.Increment(ref annotated); return false; } };
        var first = stream.Process([input]).Take(10).ToList();
        Assert.Equal(10, first.Count);
        // The window bounds how far the workers ran ahead (32 slots per thread), plus the slots the 10 items taken freed
        // (the reader may refill them before the stop reaches it).
        Assert.InRange(Volatile.Read(ref annotated), 10, 2 * 32 + 10 + 2);
    }
}
