using Parley.Core;

namespace Parley.Storage.Tests;

/// <summary>Part of the store contract: every store's test project derives this class and says how to make a fresh store.</summary>
public abstract class RoundTripContract
{
    /// <summary>A fresh, empty store of the kind under test.</summary>
    protected abstract IStoreHarness NewStore();

    [SkippableFact]
    public void FullyAnnotatedDocumentLoadsBackWithTheSameContractJson()
    {
        using var t = NewStore();
        var doc = TestDocuments.Annotated("doc-1", seed: 1);
        t.Store.SaveBatch([doc]);

        var loaded = t.Reopen().LoadDocument("doc-1");

        Assert.NotNull(loaded);
        Assert.Equal(DocumentJson.ToJson(doc), DocumentJson.ToJson(loaded));
    }

    [SkippableFact]
    public void EveryFieldOutsideTheContractJsonSurvivesToo()
    {
        using var t = NewStore();
        var doc = TestDocuments.Annotated("doc-1", seed: 2);
        t.Store.SaveBatch([doc]);
        var loaded = t.Reopen().LoadDocument("doc-1")!;

        Assert.Equal(doc.Source, loaded.Source);
        Assert.Equal(doc.Url, loaded.Url);
        Assert.Equal(doc.Origin, loaded.Origin);
        Assert.Equal(doc.LanguageScore, loaded.LanguageScore);
        Assert.Equal(doc.Done, loaded.Done);
        Assert.Equal(doc.Flags, loaded.Flags);
        Assert.True(doc.OriginalOffsets!.ToArray().SequenceEqual(loaded.OriginalOffsets!.ToArray()));

        Assert.Equal(doc.TokenCount, loaded.TokenCount);
        for (int i = 0; i < doc.TokenCount; i++)
        {
            Assert.Equal(doc.Tokens[i], loaded.Tokens[i]);
        }
        Assert.True(doc.Sentences.SequenceEqual(loaded.Sentences));
        Assert.Equal(doc.Token(5).Lemma, loaded.Token(5).Lemma);

        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var (a, b) = (doc.Entities[i], loaded.Entities[i]);
            Assert.Equal((a.Cluster, a.Via, a.Confidence, a.Kb, a.Actor), (b.Cluster, b.Via, b.Confidence, b.Kb, b.Actor));
        }
        for (int i = 0; i < doc.Places.Count; i++)
        {
            var (a, b) = (doc.Places[i], loaded.Places[i]);
            Assert.Equal((a.Lat, a.Lon, a.GeonameId, a.FeatureCode, a.Admin1, a.Role), (b.Lat, b.Lon, b.GeonameId, b.FeatureCode, b.Admin1, b.Role));
        }
        for (int i = 0; i < doc.Quotes.Count; i++)
        {
            var (a, b) = (doc.Quotes[i], loaded.Quotes[i]);
            Assert.Equal((a.SpeakerStart, a.SpeakerEnd, a.Direct), (b.SpeakerStart, b.SpeakerEnd, b.Direct));
        }
        for (int i = 0; i < doc.Events.Count; i++)
        {
            var (a, b) = (doc.Events[i], loaded.Events[i]);
            Assert.Equal((a.Confidence, a.TriggerStart, a.TriggerEnd, a.Goldstein), (b.Confidence, b.TriggerStart, b.TriggerEnd, b.Goldstein));
            Assert.Equal(a.Source?.Name, b.Source?.Name);
            Assert.Equal((a.Source?.Start, a.Source?.End), (b.Source?.Start, b.Source?.End));
            Assert.Equal(a.Target is null, b.Target is null);
            Assert.Equal(a.Place?.GeonameId, b.Place?.GeonameId);
            Assert.Equal(a.Place?.Lat, b.Place?.Lat);
        }
    }

    [SkippableFact]
    public void PlainDocumentWithoutLayersRoundTrips()
    {
        using var t = NewStore();
        var doc = TestDocuments.Plain("plain", "Just text, no layers. Emoji \U0001F600 and accents: café.");
        t.Store.SaveBatch([doc]);
        var loaded = t.Store.LoadDocument("plain")!;

        Assert.Equal(DocumentJson.ToJson(doc), DocumentJson.ToJson(loaded));
        Assert.Equal(0, loaded.TokenCount);
        Assert.Null(loaded.OriginalOffsets);
        Assert.Null(loaded.Title);
        Assert.Null(loaded.Published);
    }

    [SkippableFact]
    public void UnknownIdLoadsAsNull()
    {
        using var t = NewStore();
        Assert.Null(t.Store.LoadDocument("missing"));
    }

    [SkippableFact]
    public void EventDaysFollowTheFilingRule()
    {
        var published = new DateOnly(2019, 12, 6);
        // A day is its own day; an undated event is filed under its publication day.
        Assert.Equal(new EventDates(new DateOnly(2019, 12, 4), "day", new DateOnly(2019, 12, 4), new DateOnly(2019, 12, 4)), EventDates.Of("2019-12-04", published));
        Assert.Equal(new EventDates(published, null, published, published), EventDates.Of(null, published));
        Assert.Equal(new EventDates(published, null, published, published), EventDates.Of("garbage", published));
        // A week, month or year keeps its grain: no day, never the first day of its period, not even the publication day inside it.
        Assert.Equal(new EventDates(null, "month", new DateOnly(2019, 12, 1), new DateOnly(2019, 12, 31)), EventDates.Of("2019-12", published));
        Assert.Equal(new EventDates(null, "week", new DateOnly(2019, 12, 2), new DateOnly(2019, 12, 8)), EventDates.Of("2019-W49", published));
        Assert.Equal(new EventDates(null, "month", new DateOnly(2019, 11, 1), new DateOnly(2019, 11, 30)), EventDates.Of("2019-11", published));
        Assert.Equal(new EventDates(null, "year", new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31)), EventDates.Of("2018", published));
        Assert.Equal(new EventDates(null, null, null, null), EventDates.Of(null, null));
    }
}
