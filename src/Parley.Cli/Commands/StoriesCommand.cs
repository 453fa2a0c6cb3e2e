using System.CommandLine;
using System.Text.Json;
using Parley.Core;
using Parley.Engine;

namespace Parley.Cli.Commands;

/// <summary>`parley stories`: the store's stories as JSONL.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var regroup = new Option<bool>("--regroup") { Description = "First regroup every stored article from scratch (in date order) and relink repeated reports." };
        var command = new Command("stories", "Print the store's stories as JSONL: id, title, first, last, documents.") { db, store, regroup };
        command.SetAction(parse =>
        {
            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store), mustExist: true);
            if (parse.GetValue(regroup)) Console.Error.WriteLine($"parley: regrouped into {StoryUpdater.Update(target)} stories");
            using var stdout = Console.OpenStandardOutput();
            foreach (var story in target.ListStories())
            {
                using (var w = new Utf8JsonWriter(stdout, DocumentJson.WriterOptions))
                {
                    w.WriteStartObject();
                    w.WriteString("id", story.Id);
                    w.WriteString("title", story.Title);
                    if (story.First is { } f) w.WriteString("first", DateValue.FormatDay(f)); else w.WriteNull("first");
                    if (story.Last is { } l) w.WriteString("last", DateValue.FormatDay(l)); else w.WriteNull("last");
                    w.WriteStartArray("documents");
                    foreach (var id in story.DocumentIds) w.WriteStringValue(id);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                stdout.WriteByte((byte)'\n');
            }
            return 0;
        });
        return command;
    }
}
