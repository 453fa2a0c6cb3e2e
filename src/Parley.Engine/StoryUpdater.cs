using Parley.Stories;
using Parley.Storage;

namespace Parley.Engine;

/// <summary>Regroups every stored document into stories and replaces the store's stories with the result.</summary>
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
        return records.Count;
    }
}
