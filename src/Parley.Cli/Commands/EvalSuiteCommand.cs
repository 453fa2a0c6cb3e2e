using System.CommandLine;
using Parley.Engine;
using Parley.Events;
using Parley.Events.Evaluation;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley eval suite [FOLDER ...] [--category C] [--failures] [--explain ID]`: runs the event coder on the PETRARCH
/// construction suites from raw text through Parley's own NLP, with each suite's own dictionaries in place of the real
/// ones, and prints per category: records exact, expected triples found, extra triples.
/// </summary>
internal static class EvalSuiteCommand
{
    public static void AddTo(RootCommand root)
    {
        var eval = CommandGroups.Eval(root);
        var folders = new Argument<string[]>("FOLDER")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Suite folders (records, verbs, actors, agents, discards); default: both suites in ../shared/data/petrarch_construction_suites",
        };
        var category = new Option<string[]>("--category") { Description = "Only these categories (DEMO, COMPOUND, ...)", AllowMultipleArgumentsPerToken = true };
        var failures = new Option<bool>("--failures") { Description = "List each record that is not exact: its text, what was expected and what was coded" };
        var explain = new Option<string?>("--explain") { Description = "Print the coder's trace for the record with this id" };
        var conventions = new Option<string>("--conventions")
        {
            Description = "petrarch (the suites' own: modals and negation left to the patterns) or parley (Parley's CAMEO conventions)",
            DefaultValueFactory = _ => "petrarch",
        };
        conventions.AcceptOnlyFromAmong("petrarch", "parley");
        var command = new Command("suite", "PETRARCH construction suites: records exact, expected triples found and extra triples, per category.")
        {
            folders, category, failures, explain, conventions,
        };
        command.SetAction(parse =>
        {
            var dirs = parse.GetValue(folders) is { Length: > 0 } f ? f : DefaultSuites();
            if (dirs.Length == 0)
            {
                Console.Error.WriteLine("no suite folder given and ../shared/data/petrarch_construction_suites not found");
                return 2;
            }
            var cats = parse.GetValue(category) is { Length: > 0 } c ? new HashSet<string>(c, StringComparer.OrdinalIgnoreCase) : null;
            bool list = parse.GetValue(failures);
            string? explainId = parse.GetValue(explain);
            foreach (var dir in dirs)
            {
                if (!Directory.Exists(dir)) { Console.Error.WriteLine($"{dir}: not a folder"); return 2; }
                var conv = parse.GetValue(conventions) == "parley" ? CodingConventions.Parley : CodingConventions.Petrarch;
                var runner = new ConstructionSuiteRunner(ConstructionSuiteRunner.SuiteFiles.Find(dir), conv);
                Console.WriteLine($"# {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}: {runner.Records.Count} records, {conv} conventions");
                if (list) Console.WriteLine("verb dictionary: " + runner.VerbReport.ToString().ReplaceLineEndings("\n#   "));
                var score = runner.Run(r => cats is null || cats.Contains(r.Category), (r, doc) =>
                {
                    if (explainId is null || !string.Equals(r.Id, explainId, StringComparison.OrdinalIgnoreCase)) return;
                    Console.WriteLine($"## {r.Id}: {r.Text}");
                    Console.WriteLine("expected: " + (r.ExpectsNone ? "no event" : string.Join("; ", r.Expected)));
                    runner.Explain(doc, new ExplainWriter(Console.Out));
                });
                if (list)
                {
                    foreach (var (r, coded, exact) in score.Results)
                    {
                        if (exact) continue;
                        Console.WriteLine($"{r.Id} [{r.Category}] {r.Text}");
                        Console.WriteLine("   expected: " + (r.Expected.Count == 0 ? "none" : string.Join("; ", r.Expected)));
                        Console.WriteLine("   coded:    " + (coded.Count == 0 ? "none" : string.Join("; ", coded)));
                    }
                }
                Console.WriteLine(score.Table());
            }
            return 0;
        });
        eval.Add(command);
    }

    private static string[] DefaultSuites()
    {
        foreach (var root in new[] { Environment.GetEnvironmentVariable("PARLEY_SHARED_DATA"), "../shared/data", "../../shared/data" })
        {
            if (string.IsNullOrEmpty(root)) continue;
            string dir = Path.Combine(root, "petrarch_construction_suites");
            if (Directory.Exists(dir)) return [.. Directory.GetDirectories(dir).Order(StringComparer.Ordinal)];
        }
        return [];
    }
}
