using System.CommandLine;
using System.Globalization;
using Parley.Engine;
using Parley.Engine.Export;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley export`: the events of a store matching the API's filters, as CSV, JSONL, GDELT 2.0 TSV or Parquet.
/// A file output is written beside its target and renamed when complete, so a killed export leaves no half file.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["csv", "jsonl", "gdelt", "parquet"];

    public static Command Create()
    {
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var format = new Option<string>("--format") { Description = "csv, jsonl, gdelt (GDELT 2.0 event rows) or parquet.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output; parquet needs a file or a redirected output)." };
        var filters = new (string Api, Option<string?> Option)[]
        {
            ("actor", new("--actor") { Description = "Actor code prefix, as source or target (e.g. USA, AFGREB)." }),
            ("source", new("--source") { Description = "Source actor code prefix." }),
            ("target", new("--target") { Description = "Target actor code prefix." }),
            ("country", new("--country") { Description = "ISO 3166-1 alpha-3 country of source, target or place." }),
            ("cameo", new("--cameo") { Description = "CAMEO code prefix (19 = all of root 19)." }),
            ("quad_class", new("--quad-class") { Description = "QuadClass 1-4." }),
            ("from", new("--from") { Description = "First day, YYYY-MM-DD." }),
            ("to", new("--to") { Description = "Last day, YYYY-MM-DD." }),
            ("q", new("--q") { Description = "Full-text search over the articles." }),
            ("document", new("--document") { Description = "One document id." }),
            ("story", new("--story") { Description = "The documents of one story id (see parley stories)." }),
            ("sort", new("--sort") { Description = "Order: day, cameo, quad_class, goldstein, source, target or place; - first for descending (default -day, newest first)." }),
        };
        var limit = new Option<long?>("--limit") { Description = "At most this many events (default: all of them)." };
        var distinct = new Option<bool>("--distinct") { Description = "Only the first report of each event (repeated reports of one event in a story merged)." };
        var offset = new Option<int>("--offset") { Description = "Skip this many events first (default 0)." };
        var command = new Command("export", "Write the events matching the filters as CSV, JSONL, GDELT 2.0 TSV or Parquet.") { db, store, format, output, limit, offset, distinct };
        foreach (var (_, option) in filters) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (api, option) in filters) values[api] = parse.GetValue(option);
            values["offset"] = parse.GetValue(offset).ToString(CultureInfo.InvariantCulture);
            values["distinct"] = parse.GetValue(distinct) ? "true" : "false";
            if (!EventQueryParser.TryParse(name => values.GetValueOrDefault(name), int.MaxValue, 0, out var query, out var error))
            {
                Console.Error.WriteLine($"parley export: {error!.Replace("quad_class", "quad-class", StringComparison.Ordinal)}");
                return 1;
            }
            var kind = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true);
            string? file = parse.GetValue(output);
            if (kind == ExportFormat.Parquet && file is null && !Console.IsOutputRedirected)
            {
                Console.Error.WriteLine("parley export: parquet is binary: give --out FILE or redirect standard output");
                return 1;
            }
            long max = parse.GetValue(limit) is long l ? Math.Max(0, l) : -1;
            using var source = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store), mustExist: true);
            var progress = new Progress<long>(n => { if (Console.IsErrorRedirected) return; Console.Error.Write($"\rexported {n:N0} events"); });
            long written;
            if (file is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                written = await EventExporter.ExportAsync(source, query, kind, stdout, max, null, progress, cancellationToken);
            }
            else
            {
                string partial = file + ".partial";
                try
                {
                    await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                        written = await EventExporter.ExportAsync(source, query, kind, stream, max, null, progress, cancellationToken);
                    File.Move(partial, file, overwrite: true);
                }
                catch
                {
                    // An export that did not finish leaves nothing behind (a killed process leaves only the .partial file).
                    File.Delete(partial);
                    throw;
                }
            }
            if (!Console.IsErrorRedirected) Console.Error.Write('\r');
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parley export: {written:N0} events as {kind.ToString().ToLowerInvariant()}{(file is null ? "" : " to " + file)}"));
            return 0;
        });
        return command;
    }
}
