namespace Parley.Storage.Tests;

/// <summary>Part of the store contract: every store's test project derives this class and says how to make a fresh store.</summary>
public abstract class SearchContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    private IStoreHarness Seeded()
    {
        var t = NewStore();
        t.Store.SaveBatch(
        [
            TestDocuments.Plain("kabul", "Negotiators met in Kabul on Monday. The talks were about a ceasefire.", "Ceasefire talks", new DateOnly(2019, 12, 2)),
            TestDocuments.Plain("doha", "The envoy travelled to Doha. Negotiations with the Taliban resumed.", "Envoy in Doha", new DateOnly(2019, 12, 4)),
            TestDocuments.Plain("market", "Markets rallied as the U.S. central bank held rates.", "Markets", new DateOnly(2019, 12, 3)),
        ]);
        return t;
    }

    [SkippableFact]
    public void FullTextSearchFindsStemmedWordsAndRanksTitleMatchesFirst()
    {
        using var t = Seeded();
        t.Store.SaveBatch([TestDocuments.Plain("other", "Someone mentioned a ceasefire once, in passing, among many other words here.", "Other", null)]);

        var hits = t.Store.SearchDocuments("ceasefire", 10, 0, out int total);

        Assert.Equal(2, total);
        Assert.Equal("kabul", hits[0].Id);
        Assert.Contains(SearchHighlight.Open + "ceasefire" + SearchHighlight.Close, hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(hits[0].Rank);

        // Porter stemming: "negotiate" finds "Negotiators" and "Negotiations".
        Assert.Equal(2, t.Store.SearchDocuments("negotiate", 10, 0, out _).Count);
    }

    [SkippableFact]
    public void QueriesWithPunctuationDoNotBreakTheParser()
    {
        using var t = Seeded();
        Assert.Equal("market", Assert.Single(t.Store.SearchDocuments("U.S.", 10, 0, out _)).Id);
        Assert.Empty(t.Store.SearchDocuments("\"unbalanced AND (", 10, 0, out _));
        Assert.Equal(2, t.Store.SearchDocuments("Kabul OR Doha", 10, 0, out _).Count);
        Assert.Equal("doha", Assert.Single(t.Store.SearchDocuments("taliba*", 10, 0, out _)).Id);
    }

    [SkippableFact]
    public void EmptyQueryListsNewestFirstWithPaging()
    {
        using var t = Seeded();
        var page = t.Store.SearchDocuments(null, 2, 0, out int total);
        Assert.Equal(3, total);
        Assert.Equal(["doha", "market"], page.Select(d => d.Id));
        // Without a query to mark, the snippet is the start of the text, without marks.
        Assert.False(string.IsNullOrEmpty(page[0].Snippet));
        Assert.DoesNotContain(SearchHighlight.Open, page[0].Snippet, StringComparison.Ordinal);
        var next = t.Store.SearchDocuments("  ", 2, 2, out _);
        Assert.Equal("kabul", Assert.Single(next).Id);
        Assert.Equal(new DateOnly(2019, 12, 2), next[0].Published);
        Assert.Equal("Ceasefire talks", next[0].Title);
    }
}
