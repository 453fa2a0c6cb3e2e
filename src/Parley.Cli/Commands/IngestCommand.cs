using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Storage;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley ingest`: process articles and store them. Idempotent; safe to kill and rerun. Progress stays on one live line.
/// An input that cannot be read is named in one line on standard error as it happens (above the live line, which stays
/// whole), as the contract asks, even with --quiet; records that are merely empty and inputs read with a warning are
/// counted and summarised at the end (listed as they come with --verbose, written to a file with --problems).
/// Exit code 2 only when an input could not be read.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = CliOptions.Paths("Files, folders (recursive), http(s) URLs of feeds or pages, or - for standard input.", ArgumentArity.OneOrMore);
        var run = new EngineArguments();
        var db = CliOptions.Db();
        var store = CliOptions.Store();
        var quiet = CliOptions.Quiet();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every problem as it happens (above the progress line)." };
        var problemsFile = new Option<string?>("--problems") { Description = "Write every problem to this file, one a line: input, kind, message (tab-separated)." };
        var batch = new Option<int>("--batch") { Description = "Documents per transaction (default 200).", DefaultValueFactory = _ => 200 };
        var queue = WorkerCommand.QueueOption(required: false);
        queue.Description = "Publish to the NATS JetStream work queue at nats://HOST:PORT for `parley worker` instead of processing here.";

        var command = new Command("ingest", "Process articles and store them (default store: the SQLite file parley.db).")
        {
            paths, run.Date, db, store, run.Layers, run.Threads, quiet, verbose, problemsFile, batch, queue, run.AllowPrivate, run.MaxAnnotated,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(queue) is { } url)
            {
                if (parse.GetValue(db) is not null || parse.GetValue(store) is not null)
                    throw new ArgumentException("--queue publishes for workers, which write the store: give --store to `parley worker`, not here");
                return WorkerCommand.Publish(url, parse.GetValue(paths)!, CliOptions.ParseDate(parse.GetValue(run.Date)), parse.GetValue(quiet));
            }
            var engine = ParleyEngine.Create(run.Read(parse));
            bool isQuiet = parse.GetValue(quiet);
            if (!CliOptions.Installed(engine, "ingest")) return 2;
            using var target = StoreFactory.Open(parse.GetValue(db), parse.GetValue(store));
            using var problems = new ProblemLog(parse.GetValue(problemsFile));
            var runner = new IngestRunner(engine, target) { BatchSize = Math.Max(1, parse.GetValue(batch)) };
            bool isVerbose = parse.GetValue(verbose) && !isQuiet;
            var summary = ProgressDisplay.Run("ingesting", isQuiet, (progress, log) =>
                runner.Run(parse.GetValue(paths)!, null, progress, problem =>
                {
                    problems.Add(problem);
                    if (isVerbose || problem.Kind == InputProblemKind.Unreadable) log(ProblemLog.Line(problem));
                }));
            if (summary.Added > 0) target.Optimize();
            target.Checkpoint(); // the store's own files alone hold everything once ingest ends (SQLite: the .db without -wal)
            IngestReport.Write(summary, problems, isQuiet, parse.GetValue(problemsFile), isVerbose);
            return summary.Unreadable > 0 ? 2 : 0;
        });
        return command;
    }
}

/// <summary>The problems of a run: counted by kind and by what went wrong, and written to a file when asked.</summary>
internal sealed class ProblemLog : IDisposable
{
    private readonly StreamWriter? _file;
    private readonly Dictionary<string, int> _byWhat = new(StringComparer.Ordinal);

    public ProblemLog(string? path)
    {
        if (path is null) return;
        _file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        _file.WriteLine("# input\tkind\tproblem");
    }

    public int Count { get; private set; }

    public void Add(InputProblem problem)
    {
        Count++;
        string what = Kind(problem.Kind) + ": " + What(problem.Message);
        _byWhat[what] = _byWhat.GetValueOrDefault(what) + 1;
        _file?.WriteLine($"{problem.Input.Replace('\t', ' ')}\t{Kind(problem.Kind)}\t{problem.Message.Replace('\t', ' ')}");
    }

    /// <summary>The most frequent kinds of problem, most frequent first.</summary>
    public IEnumerable<(string What, int Count)> Common(int top) =>
        _byWhat.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top).Select(p => (p.Key, p.Value));

    public static string Line(InputProblem problem) =>
        problem.Kind == InputProblemKind.EmptyRecord ? $"parley: {problem.Input}: {Kind(problem.Kind)}: {problem.Message}" : $"parley: {problem.Input}: {problem.Message}";

    public static string Kind(InputProblemKind kind) => kind switch
    {
        InputProblemKind.EmptyRecord => "empty record",
        InputProblemKind.Warning => "warning",
        _ => "unreadable",
    };

    /// <summary>What went wrong without the detail: "malformed JSON (expected ',' at 12)" counts as "malformed JSON".</summary>
    private static string What(string message)
    {
        int cut = message.IndexOfAny(['(', ':']);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    public void Dispose() => _file?.Dispose();
}

/// <summary>The closing lines of an ingest: what was stored, how long it took, and what went wrong.</summary>
internal static class IngestReport
{
    /// <summary>"1 story", "2,000 stories".</summary>
    public static string Count(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");

    public static void Write(IngestSummary s, ProblemLog problems, bool quiet, string? problemsFile, bool listed, string prefix = "parley")
    {
        var inv = CultureInfo.InvariantCulture;
        if (!quiet)
        {
            var parts = new List<string> { string.Create(inv, $"{s.Added:N0} added") };
            if (s.AlreadyStored > 0) parts.Add(string.Create(inv, $"{s.AlreadyStored:N0} already stored"));
            if (s.Duplicates > 0) parts.Add(Count(s.Duplicates, "duplicate") + " of stored articles");
            if (s.Repeated > 0) parts.Add(string.Create(inv, $"{s.Repeated:N0} repeated in the input"));
            string stories = s.Stories is int n ? ", " + Count(n, "story", "stories") : "";
            Console.Error.WriteLine(
                $"{prefix}: ingested {Count(s.Articles, "article")} in {ProgressDisplay.Clock(s.Elapsed)} ({string.Join(", ", parts)}): {Count(s.Events, "event")}{stories}, {Count(s.Problems, "problem")}");
        }
        if (s.Problems == 0) return;
        var kinds = new List<string>();
        if (s.Unreadable > 0) kinds.Add(Count(s.Unreadable, "unreadable input") + " (named above)");
        long others = s.EmptyRecords + s.Warnings;
        if (others > 0)
        {
            var counted = new List<string>();
            if (s.EmptyRecords > 0) counted.Add(Count(s.EmptyRecords, "empty record"));
            if (s.Warnings > 0) counted.Add(Count(s.Warnings, "warning"));
            string where = listed ? "listed above" : problemsFile is not null ? $"listed in {problemsFile}" : "list them with --verbose or --problems FILE";
            kinds.Add($"{string.Join(" and ", counted)} ({where})");
        }
        Console.Error.WriteLine($"{prefix}: problems: {string.Join("; ", kinds)}");
        if (problemsFile is not null && others == 0) Console.Error.WriteLine($"{prefix}: every problem is also in {problemsFile}");
        if (quiet) return;
        foreach (var (what, count) in problems.Common(5)) Console.Error.WriteLine(string.Create(inv, $"  {count,7:N0}  {what}"));
    }
}
