using Parley.Stories;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>
/// Regroups every stored document into stories, replaces the store's stories with the result, and links
/// repeated reports of one event within each story (see <see cref="ReportMerger"/>).
/// </summary>
public static class StoryUpdater
{
    public static int Update(IParleyStore store, StoryBuilder? builder = null)
    {
        builder ??= new StoryBuilder();
        var inputs = new List<StoryInput>();
        foreach (var d in store.ReadDigests(builder.LeadChars))
            inputs.Add(new StoryInput(d.Id, d.Title, d.Published, d.Lead, d.EntityNames));
        var stories = builder.Build(inputs);
        var records = new List<StoryRecord>(stories.Count);
        foreach (var s in stories) records.Add(new StoryRecord(s.Id, s.Title, s.First, s.Last, s.DocumentIds));
        store.SaveStories(records, replaceAll: true);
        var events = new List<EventReport>();
        foreach (var e in store.ReadEventIdentities()) events.Add(new EventReport(e.Key, e.Document, e.StoryId, e.Day, e.Source, e.Target, e.Cameo));
        store.SetRepeatedReports(ReportMerger.Merge(events));
        return records.Count;
    }
}
