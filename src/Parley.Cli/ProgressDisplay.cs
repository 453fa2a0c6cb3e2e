using System.Globalization;
using Parley.Engine;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Shows progress of long work on standard error: a live bar on a terminal, plain periodic lines
/// (count, rate, problems) when standard error is redirected. Standard output stays clean for data.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static T Run<T>(string label, bool quiet, Func<IProgress<ProgressInfo>, T> work)
    {
        if (quiet) return work(new Progress<ProgressInfo>(_ => { }));
        if (Console.IsErrorRedirected)
        {
            var plain = new PlainProgress(label);
            var result = work(plain);
            plain.Final();
            return result;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T value = default!;
        // A bar over the input's bytes when their size is known (files); a spinner with counts otherwise (stdin).
        console.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1000).IsIndeterminate();
                value = work(new InlineProgress(p =>
                {
                    task.Description = Counts(label, p);
                    if (p.Fraction is double f)
                    {
                        task.IsIndeterminate = false;
                        task.Value = Math.Round(f * 1000);
                    }
                }));
                if (!task.IsIndeterminate) task.Value = task.MaxValue;
                task.StopTask();
            });
        return value;
    }

    private static string Describe(string label, ProgressInfo p)
    {
        string share = p.Fraction is double f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:0}% read, ") : "";
        string left = p.Remaining is TimeSpan r ? string.Create(CultureInfo.InvariantCulture, $", about {Math.Ceiling(r.TotalSeconds):N0} s left") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{label}: {share}{p.Done:N0} done, {p.Rate:N0}/s, {p.Problems:N0} problems{left}");
    }

    private static string Counts(string label, ProgressInfo p) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Done:N0} done, {p.Rate:N0}/s, {p.Problems:N0} problems");

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
            // A final summary only for runs long enough to have shown progress.
            if (_latest.Elapsed >= PlainInterval) Console.Error.WriteLine("done: " + Describe(label, _latest));
        }
    }
}
