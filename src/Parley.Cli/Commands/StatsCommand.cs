using System.CommandLine;
using System.Text.Json;
using Parley.Core;
using Parley.Engine;

namespace Parley.Cli.Commands;

/// <summary>`parley stats`: one JSON object with the store's counts.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var command = new Command("stats", "Print one JSON object with the counts of the store.") { db, store };
        command.SetAction(parse =>
        {
            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store), mustExist: true);
            var s = target.GetStats();
            using var stdout = Console.OpenStandardOutput();
            using var w = new Utf8JsonWriter(stdout, DocumentJson.WriterOptions);
            w.WriteStartObject();
            w.WriteNumber("documents", s.Documents);
            w.WriteNumber("sentences", s.Sentences);
            w.WriteNumber("tokens", s.Tokens);
            w.WriteNumber("entities", s.Entities);
            w.WriteNumber("events", s.Events);
            w.WriteNumber("quotes", s.Quotes);
            w.WriteNumber("stories", s.Stories);
            w.WriteNumber("duplicates", s.Duplicates);
            w.WriteEndObject();
            w.Flush();
            stdout.WriteByte((byte)'\n');
            return 0;
        });
        return command;
    }
}
