using System.Reflection;
using Parley.Core;
using Parley.Storage;
using Parley.Storage.Tests;

namespace Parley.Engine.Tests;

/// <summary>Ingest batching and kill-and-resume through <see cref="IngestRunner"/>, on a real store.</summary>
public sealed class IngestRunnerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-engine-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public IngestRunnerTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static ParleyEngine Engine() => ParleyEngine.Create(new EngineOptions { Layers = Layers.Clean, Threads = 2 });

    [Fact]
    public void Articles_are_stored_in_batches_of_the_given_size_in_input_order()
    {
        string input = DocumentStreamTests.Articles(_dir, 45);
        using var inner = StoreFactory.Open(Path.Combine(_dir, "a.db"), null);
        var store = RecordingStore.Wrap(inner);
        var summary = new IngestRunner(Engine(), store) { BatchSize = 10 }.Run([input], null, null, null);
        Assert.Equal(45, summary.Added);
        var recorder = (RecordingStore)(object)store;
        Assert.Equal([10, 10, 10, 10, 5], recorder.Batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"a{i:D4}"), recorder.Batches.SelectMany(b => b));
        Assert.Equal(45, inner.ListStories().Sum(s => s.DocumentIds.Count));
    }

    [Fact]
    public void A_run_killed_mid_way_leaves_whole_batches_and_a_rerun_stores_the_rest_exactly_once()
    {
        string input = DocumentStreamTests.Articles(_dir, 60);
        string db = Path.Combine(_dir, "k.db");
        using (var inner = StoreFactory.Open(db, null))
        {
            var store = RecordingStore.Wrap(inner);
            ((RecordingStore)(object)store).FailOnBatch = 3;
            Assert.ThrowsAny<Exception>(() => new IngestRunner(Engine(), store) { BatchSize = 20 }.Run([input], null, null, null));
            Assert.Equal(40, inner.GetStats().Documents);
        }
        using (var store = StoreFactory.Open(db, null))
        {
            var summary = new IngestRunner(Engine(), store) { BatchSize = 20 }.Run([input], null, null, null);
            Assert.Equal((20, 40), (summary.Added, summary.AlreadyStored));
            Assert.Equal(60, store.GetStats().Documents);
            Assert.Empty(store.CheckIntegrity());
            // Every article in exactly one story, the ones stored before the failure too.
            var members = store.ListStories().SelectMany(s => s.DocumentIds).ToList();
            Assert.Equal(60, members.Count);
            Assert.Equal(60, members.Distinct().Count());
        }
    }

    [Fact]
    public void Posting_one_article_goes_through_the_same_service_with_the_hash_pre_check()
    {
        using var store = StoreFactory.Open(Path.Combine(_dir, "p.db"), null);
        var runner = new IngestRunner(Engine(), store);
        var article = new Parley.Ingest.RawArticle { Origin = "test", Id = "x1", Title = "T", Body = "Envoys met in Geneva on Monday." };
        var (_, first) = runner.IngestOne(article);
        var (_, again) = runner.IngestOne(new Parley.Ingest.RawArticle { Origin = "test", Id = "x2", Title = "T", Body = "Envoys met in Geneva on Monday." });
        Assert.Equal(SaveStatus.Added, first.Status);
        Assert.Equal((SaveStatus.Duplicate, "x1"), (again.Status, again.DuplicateOf));
        Assert.Single(store.ListStories());
    }
}

/// <summary>A store that records the batches saved through it and can fail one (a crash between two batches).</summary>
public class RecordingStore : DispatchProxy
{
    private IParleyStore _inner = null!;

    public List<List<string>> Batches { get; } = [];

    /// <summary>1-based batch whose save throws, or 0.</summary>
    public int FailOnBatch { get; set; }

    public static IParleyStore Wrap(IParleyStore inner)
    {
        var proxy = Create<IParleyStore, RecordingStore>();
        ((RecordingStore)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IParleyStore.SaveBatch) && args?[0] is IReadOnlyList<Document> docs)
        {
            Batches.Add(docs.Select(d => d.Id).ToList());
            if (Batches.Count == FailOnBatch) throw new IOException("simulated crash");
        }
        if (targetMethod.Name == nameof(IDisposable.Dispose)) return null;
        try { return targetMethod.Invoke(_inner, args); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }
}
