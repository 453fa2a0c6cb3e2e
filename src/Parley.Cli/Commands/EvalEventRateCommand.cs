using System.CommandLine;
using System.Globalization;
using Parley.Engine;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley eval event-rate [PATH ...] [--list N]`: how often the whole pipeline codes events on real news (default: the
/// Wikinews articles): the share of sentences with at least one event and the events per sentence, by CAMEO root. An
/// over-generation check with no gold: a rise in events per sentence after a change needs a look at the listed events.
/// </summary>
internal static class EvalEventRateCommand
{
    public static void AddTo(RootCommand root)
    {
        var eval = CommandGroups.Eval(root);
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Articles (default: news_wikinews/wikinews_2019_2020.jsonl.gz in the shared data folder: " + Parley.Core.SharedData.Where + ")",
        };
        var list = new Option<int>("--list") { Description = "Print the first N coded events with their sentence, to check them by hand", DefaultValueFactory = _ => 0 };
        var threads = CliOptions.Threads();
        var command = new Command("event-rate", "Share of sentences with an event and events per sentence on news articles (no gold; an over-generation check).")
        {
            paths, list, threads,
        };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths) is { Length: > 0 } p ? p : [Parley.Core.SharedData.Default("news_wikinews/wikinews_2019_2020.jsonl.gz")];
            foreach (var input in inputs)
                if (!File.Exists(input) && !Directory.Exists(input)) { Console.Error.WriteLine($"{input}: not found"); return 2; }
            var engine = ParleyEngine.Create(new EngineOptions { Threads = parse.GetValue(threads) });
            int toList = parse.GetValue(list);
            long docs = 0, sentences = 0, withEvent = 0, events = 0;
            var byRoot = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in new DocumentStream(engine).Process(inputs))
            {
                if (item.Document is not { } d) continue;
                docs++;
                sentences += d.SentenceCount;
                events += d.Events.Count;
                int last = -1;
                foreach (var e in d.Events)
                {
                    if (e.Sentence != last) { withEvent++; last = e.Sentence; }
                    string root2 = e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo;
                    byRoot[root2] = byRoot.GetValueOrDefault(root2) + 1;
                    if (toList-- > 0)
                    {
                        var sd = d.Sentences[e.Sentence];
                        Console.WriteLine($"{e.Cameo} {e.Source?.Actor}>{e.Target?.Actor ?? "-"} [{e.Rule}] {d.Text[sd.Start..sd.End].ReplaceLineEndings(" ")}");
                    }
                }
            }
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"{docs:N0} articles, {sentences:N0} sentences, {events:N0} events"));
            Console.WriteLine(string.Create(inv, $"sentences with at least one event: {withEvent:N0} ({(sentences == 0 ? 0 : 100.0 * withEvent / sentences):F2} %)"));
            Console.WriteLine(string.Create(inv, $"events per sentence: {(sentences == 0 ? 0 : (double)events / sentences):F4}"));
            Console.WriteLine("events by CAMEO root: " + string.Join(", ", byRoot.Select(kv => kv.Key + ":" + kv.Value.ToString(inv))));
            return 0;
        });
        eval.Add(command);
    }
}
