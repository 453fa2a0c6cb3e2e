using System.Globalization;
using Parley.Engine;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Shows progress of long work on standard error: a live bar on a terminal, plain periodic lines when standard error
/// is redirected, nothing when quiet. Standard output stays clean for data. Work that has lines to tell while it runs
/// (problems, with --verbose) writes them through the log it is given: on a terminal they go above the bar, which stays
/// whole.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/> with a progress sink and a log for lines to print while it runs.</summary>
    public static T Run<T>(string label, bool quiet, Func<IProgress<ProgressInfo>, Action<string>, T> work)
    {
        if (quiet) return work(new InlineProgress(_ => { }), line => Console.Error.WriteLine(line));
        if (Console.IsErrorRedirected)
        {
            var plain = new PlainProgress(label);
            var result = work(plain, line => Console.Error.WriteLine(line));
            plain.Final();
            return result;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T value = default!;
        // A bar over the input's bytes when their size is known (files); a spinner with counts otherwise (stdin).
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1000).IsIndeterminate();
                // Lines written through the same console are drawn above the live bar, which is redrawn below them.
                value = work(new InlineProgress(p =>
                {
                    task.Description = Markup.Escape(Compact(label, p));
                    if (p.Fraction is double f)
                    {
                        task.IsIndeterminate = false;
                        task.Value = Math.Round(f * 1000);
                    }
                }), line => console.WriteLine(line, new Style(Color.Grey)));
                if (!task.IsIndeterminate) task.Value = task.MaxValue;
                task.StopTask();
            });
        return value;
    }

    /// <summary>One line of counts with every figure named: "ingesting: 1,234 articles, 56 events, 3 problems, 120/s, elapsed 0:12, about 0:30 left".</summary>
    public static string Describe(string label, ProgressInfo p)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(inv, $"{p.Done:N0} articles"),
            string.Create(inv, $"{p.Events:N0} events"),
            string.Create(inv, $"{p.Problems:N0} problems"),
            string.Create(inv, $"{p.Rate:N0} articles/s"),
            "elapsed " + Clock(p.Elapsed),
        };
        if (p.Fraction is double f) parts.Insert(0, string.Create(inv, $"{f * 100:0}% read"));
        if (p.Remaining is TimeSpan r) parts.Add("about " + Clock(r) + " left");
        return label + ": " + string.Join(", ", parts);
    }

    /// <summary>The live line (the bar beside it shows the share read): "ingesting 1,234 articles · 56 events · 3 problems · 120/s · elapsed 0:12 · 0:30 left".</summary>
    public static string Compact(string label, ProgressInfo p)
    {
        var inv = CultureInfo.InvariantCulture;
        string left = p.Remaining is TimeSpan r ? " · " + Clock(r) + " left" : "";
        return string.Create(inv, $"{label} {p.Done:N0} articles · {p.Events:N0} events · {p.Problems:N0} problems · {p.Rate:N0}/s · elapsed {Clock(p.Elapsed)}{left}");
    }

    /// <summary>A duration as h:mm:ss or m:ss.</summary>
    public static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    /// <summary>Reports synchronously on the worker's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class InlineProgress(Action<ProgressInfo> report) : IProgress<ProgressInfo>
    {
        public void Report(ProgressInfo value) => report(value);
    }

    private sealed class PlainProgress(string label) : IProgress<ProgressInfo>
    {
        private DateTime _last = DateTime.UtcNow;
        private ProgressInfo _latest;

        public void Report(ProgressInfo value)
        {
            _latest = value;
            if (DateTime.UtcNow - _last < PlainInterval) return;
            _last = DateTime.UtcNow;
            Console.Error.WriteLine("progress: " + Describe(label, value));
        }

        public void Final()
        {
            // A final line only for runs long enough to have shown progress.
            if (_latest.Elapsed >= PlainInterval) Console.Error.WriteLine("done: " + Describe(label, _latest));
        }
    }
}
