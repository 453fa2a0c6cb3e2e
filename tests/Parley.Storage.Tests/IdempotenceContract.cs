using Parley.Core;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Storage.Tests;

/// <summary>Part of the store contract: every store's test project derives this class and says how to make a fresh store.</summary>
public abstract class IdempotenceContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    [SkippableFact]
    public void ContentHashIsTheFirst16HexDigitsOfSha256OverUtf8()
    {
        const string text = "Zalmay Khalilzad met the Taliban in Doha. Café \U0001F600";
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        Assert.Equal(expected, ContentHash.Of(text));
    }

    [SkippableFact]
    public void SavingTheSameDocumentTwiceStoresItOnce()
    {
        using var t = NewStore();
        var doc = TestDocuments.Annotated("a", seed: 10);
        var first = t.Store.SaveBatch([doc]);
        var second = t.Store.SaveBatch([doc]);

        Assert.Equal(SaveStatus.Added, first.Items[0].Status);
        Assert.Equal(SaveStatus.AlreadyStored, second.Items[0].Status);
        var stats = t.Store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(doc.Events.Count, stats.Events);
        Assert.Equal(0, stats.Duplicates);
        Assert.True(t.Store.ContainsHash(ContentHash.Of(doc.Text)));
        Assert.False(t.Store.ContainsHash(ContentHash.Of(doc.Text + " ")));
    }

    [SkippableFact]
    public void SameTextUnderAnotherIdIsRecordedAsDuplicate()
    {
        using var t = NewStore();
        var original = TestDocuments.Annotated("a", seed: 11);
        var copy = TestDocuments.Annotated("b", seed: 11);
        t.Store.SaveBatch([original]);
        var result = t.Store.SaveBatch([copy]);

        Assert.Equal(new DocumentSaveResult("b", SaveStatus.Duplicate, "a"), result.Items[0]);
        var stats = t.Store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(1, stats.Duplicates);
        Assert.Null(t.Store.LoadDocument("b"));
        Assert.Equal("a", t.Store.ResolveId("b"));
        Assert.Equal("a", t.Store.ResolveId("a"));
        Assert.Null(t.Store.ResolveId("c"));

        // Seeing the duplicate again changes nothing.
        Assert.Equal(SaveStatus.Duplicate, t.Store.SaveBatch([copy]).Items[0].Status);
        Assert.Equal(1, t.Store.GetStats().Duplicates);
    }

    [SkippableFact]
    public void DuplicatesWithinOneBatchAreFoundToo()
    {
        using var t = NewStore();
        var result = t.Store.SaveBatch([TestDocuments.Plain("a", "Same text."), TestDocuments.Plain("b", "Same text."), TestDocuments.Plain("a", "Same text.")]);

        Assert.Equal([SaveStatus.Added, SaveStatus.Duplicate, SaveStatus.AlreadyStored], result.Items.Select(i => i.Status));
        Assert.Equal((1, 1, 1), (result.Added, result.Duplicates, result.AlreadyStored));
    }

    [SkippableFact]
    public void ABatchOfNewDocumentsAndABatchMixingStoredNewAndReplacedOnesSaveAsInTurn()
    {
        using var t = NewStore();
        var news = Enumerable.Range(0, 4).Select(i => TestDocuments.Annotated("n" + i, seed: 200 + i, events: 1 + i)).ToList();
        var first = t.Store.SaveBatch(news);
        Assert.All(first.Items, i => Assert.Equal(SaveStatus.Added, i.Status));
        Assert.Equal(news.Select(d => d.Id), first.Items.Select(i => i.Id));
        foreach (var d in news) Assert.Equal(Parley.Core.DocumentJson.ToJson(d), Parley.Core.DocumentJson.ToJson(t.Store.LoadDocument(d.Id)!));
        Assert.Equal((4, 1 + 2 + 3 + 4), (t.Store.GetStats().Documents, t.Store.GetStats().Events));

        // Stored, new, a copy of a stored text, a changed article, and a new one again: each as if saved alone, in turn.
        var changed = TestDocuments.Annotated("n1", seed: 300, events: 1);
        var mixed = t.Store.SaveBatch([news[0], TestDocuments.Annotated("m0", seed: 301, events: 2), TestDocuments.Annotated("copy", seed: 203), changed,
            TestDocuments.Annotated("m1", seed: 302, events: 0)]);
        Assert.Equal([SaveStatus.AlreadyStored, SaveStatus.Added, SaveStatus.Duplicate, SaveStatus.Replaced, SaveStatus.Added], mixed.Items.Select(i => i.Status));
        Assert.Equal("n3", mixed.Items[2].DuplicateOf);
        var stats = t.Store.GetStats();
        Assert.Equal((6L, 1L + 1 + 3 + 4 + 2 + 0, 1L), (stats.Documents, stats.Events, stats.Duplicates));
        Assert.Equal(Parley.Core.DocumentJson.ToJson(changed), Parley.Core.DocumentJson.ToJson(t.Store.LoadDocument("n1")!));
        Assert.Empty(t.Store.CheckIntegrity());
    }

    [SkippableFact]
    public void SameIdWithNewTextReplacesTheStoredDocument()
    {
        using var t = NewStore();
        t.Store.SaveBatch([TestDocuments.Annotated("a", seed: 12, events: 5)]);
        var updated = TestDocuments.Annotated("a", seed: 13, events: 2);
        var result = t.Store.SaveBatch([updated]);

        Assert.Equal(SaveStatus.Replaced, result.Items[0].Status);
        var stats = t.Store.GetStats();
        Assert.Equal(1, stats.Documents);
        Assert.Equal(2, stats.Events);
        Assert.Equal(Parley.Core.DocumentJson.ToJson(updated), Parley.Core.DocumentJson.ToJson(t.Store.LoadDocument("a")!));
        Assert.False(t.Store.ContainsHash(ContentHash.Of(TestDocuments.Annotated("a", seed: 12).Text)));
        Assert.Empty(t.Store.SearchDocuments("Ref12", 10, 0, out _));
        Assert.Single(t.Store.SearchDocuments("Ref13", 10, 0, out _));
        Assert.Empty(t.Store.CheckIntegrity());
    }

    [SkippableFact]
    public void StatsCountEveryLayer()
    {
        using var t = NewStore();
        var docs = Enumerable.Range(0, 5).Select(i => TestDocuments.Annotated("d" + i, seed: 100 + i)).ToList();
        t.Store.SaveBatch(docs);
        t.Store.SaveBatch([TestDocuments.Annotated("dup", seed: 100)]);
        t.Store.SaveStories([new StoryRecord("s1", "Talks", null, null, ["d0", "d1"])]);

        var stats = t.Store.GetStats();
        Assert.Equal(new StoreStats(
            Documents: 5,
            Sentences: docs.Sum(d => d.SentenceCount),
            Entities: docs.Sum(d => d.Entities.Count),
            Events: docs.Sum(d => d.Events.Count),
            Quotes: docs.Sum(d => d.Quotes.Count),
            Stories: 1,
            Duplicates: 1,
            Tokens: docs.Sum(d => d.TokenCount)), stats);
    }
}
