using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Server;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley serve`: the HTTP API and dashboard over a store. On a fresh clone it creates the store and, while the
/// store is empty, ingests the repository's samples/ first so the dashboard has something to show.
/// </summary>
internal static class ServeCommand
{
    public const string ApiKeyVariable = "PARLEY_API_KEY";

    public static Command Create()
    {
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (default http://127.0.0.1:5000: loopback only).",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key POST /api/documents must send in X-Api-Key (default: ${ApiKeyVariable}; none: writes refused)." };
        var noSamples = new Option<bool>("--no-samples") { Description = "Do not ingest the bundled samples into an empty store." };
        var command = new Command("serve", "HTTP API and web dashboard over a store.") { db, store, urls, apiKey, noSamples };
        command.SetAction(parse =>
        {
            var addresses = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var address in addresses)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    Console.Error.WriteLine($"parley: --urls: '{address}' is not an http(s) URL");
                    return 1;
                }
            }
            string? key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            if (string.IsNullOrWhiteSpace(key)) key = null;

            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store));
            ParleyEngine? engine = null;
            if (!parse.GetValue(noSamples) && target.GetStats().Documents == 0)
            {
                engine = IngestSamples(target);
            }
            var server = ParleyServer.Build(new ServerOptions
            {
                Store = target,
                Urls = addresses,
                ApiKey = key,
                EngineFactory = engine is null ? null : () => engine,
            });
            var stats = target.GetStats();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parley: serving {string.Join(", ", addresses)} ({stats.Documents:N0} documents, {stats.Events:N0} events; writes {(key is null ? "disabled: no API key" : "enabled with the API key")}); Ctrl+C stops"));
            try
            {
                server.Run();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"parley: cannot listen on {string.Join(", ", addresses)}: {e.Message}");
                return 2;
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Ingests samples/ (found beside the executable or walking up to the repository root) into an empty store, dating
    /// the samples that carry no date of their own from samples/dates.tsv.
    /// </summary>
    private static ParleyEngine? IngestSamples(IParleyStore target)
    {
        var folder = FindSamples();
        if (folder is null)
        {
            Console.Error.WriteLine("parley: the store is empty and no samples/ folder was found; serving an empty store");
            return null;
        }
        Console.Error.WriteLine($"parley: empty store: ingesting the samples in {folder}");
        var engine = ParleyEngine.Create();
        foreach (var note in engine.MissingStages) Console.Error.WriteLine($"parley: note: {note}");
        var dates = SampleDates(folder);
        var runner = new IngestRunner(engine, target)
        {
            BatchSize = 16,
            DefaultDateOf = origin => dates.TryGetValue(Path.GetFileName(origin), out var d) ? d : null,
        };
        using var problems = new ProblemLog(null);
        var summary = runner.Run([folder], null, new LineProgress(), problem =>
        {
            problems.Add(problem);
            Console.Error.WriteLine(ProblemLog.Line(problem));
        });
        IngestReport.Write(summary, problems, quiet: false, problemsFile: null, listed: true, prefix: "parley: samples");
        return engine;
    }

    /// <summary>samples/dates.tsv: file name, publication date.</summary>
    internal static Dictionary<string, DateOnly> SampleDates(string folder)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        string path = Path.Combine(folder, "dates.tsv");
        if (!File.Exists(path)) return dates;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length >= 2 && DateValue.TryParseDay(c[1].Trim()) is DateOnly d) dates[c[0].Trim()] = d;
        }
        return dates;
    }

    internal static string? FindSamples()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "samples");
        if (Directory.Exists(beside)) return beside;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return candidate;
            }
        }
        return null;
    }

    /// <summary>One plain line per progress report (the runner reports once per processed chunk).</summary>
    private sealed class LineProgress : IProgress<ProgressInfo>
    {
        public void Report(ProgressInfo p) =>
            Console.Error.WriteLine("parley: samples: " + ProgressDisplay.Describe("processing", p));
    }
}
