using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Core;
using Parley.Engine;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley eval event-rate [PATH ...] [--list N] [--sample N --seed S] [--drops N]`: how often the whole pipeline codes
/// events on real news (default: the bundled Wikinews sample): the share of sentences with at least one event and the
/// events per sentence, by CAMEO root. No gold: a rise in events per sentence needs a look at the events (`--sample` draws
/// them at random for a hand check), and `--drops` shows why candidates were not coded, to find what the coder misses.
/// </summary>
internal static partial class EvalEventRateCommand
{
    public static void AddTo(RootCommand root)
    {
        var eval = CommandGroups.Eval(root);
        var paths = CliOptions.Paths("Articles (default: samples/wikinews-2019-2020.jsonl)", ArgumentArity.ZeroOrMore);
        var list = new Option<int>("--list") { Description = "Print the first N coded events with their sentence, to check them by hand", DefaultValueFactory = _ => 0 };
        var sample = new Option<int>("--sample") { Description = "Print N coded events drawn at random (reservoir sample), to check them by hand", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of --sample", DefaultValueFactory = _ => 1 };
        var drops = new Option<int>("--drops") { Description = "Print the N most frequent reasons the coder dropped a candidate, each with an example", DefaultValueFactory = _ => 0 };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) of articles that have none (the BBC corpus: 2004-2005)" };
        var threads = CliOptions.Threads();
        var command = new Command("event-rate", "Share of sentences with an event and events per sentence on news articles (no gold; an over-generation check).")
        {
            paths, list, sample, seed, drops, date, threads,
        };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths) is { Length: > 0 } p ? p : [Path.Combine(ModelLocator.FindRoot("samples") ?? "samples", "wikinews-2019-2020.jsonl")];
            foreach (var input in inputs)
                if (!File.Exists(input) && !Directory.Exists(input)) { Console.Error.WriteLine($"{input}: not found"); return 2; }
            DateOnly? published = null;
            if (parse.GetValue(date) is { } ds)
            {
                if (DateValue.TryParseDay(ds) is not { } pd)
                {
                    Console.Error.WriteLine($"--date {ds}: expected YYYY-MM-DD");
                    return 1;
                }
                published = pd;
            }
            var engine = ParleyEngine.Create(new EngineOptions { Threads = parse.GetValue(threads), DefaultDate = published });
            int toList = parse.GetValue(list);
            int toSample = parse.GetValue(sample);
            var rng = new Random(parse.GetValue(seed));
            var reservoir = new List<string>();
            long seen = 0;
            var dropCounter = parse.GetValue(drops) > 0 ? new DropCounter() : null;
            // The pipeline's own coder, run again with a trace to count why candidates were dropped.
            var coder = dropCounter is null ? null : engine.Pipeline.Find<EventCoder>();
            long docs = 0, sentences = 0, titles = 0, withEvent = 0, events = 0;
            var byRoot = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in new DocumentStream(engine).Process(inputs))
            {
                if (item.Document is not { } d) continue;
                docs++;
                // The headline is coded as a sentence of its own, so it counts as one.
                bool titled = !string.IsNullOrWhiteSpace(d.Title);
                sentences += d.SentenceCount + (titled ? 1 : 0);
                if (titled) titles++;
                events += d.Events.Count;
                var coded = d.Events.ToList();
                if (coder is not null) coder.Code(d, dropCounter); // (re-codes the body: the events counted are those above)
                var eventSentences = new HashSet<(string, int)>();
                foreach (var e in coded)
                {
                    if (eventSentences.Add((e.Section, e.Sentence))) withEvent++;
                    string root2 = e.Cameo.Length >= 2 ? e.Cameo[..2] : e.Cameo;
                    byRoot[root2] = byRoot.GetValueOrDefault(root2) + 1;
                    if (toList-- > 0) Console.WriteLine(Describe(d, e));
                    if (toSample > 0)
                    {
                        seen++;
                        if (reservoir.Count < toSample) reservoir.Add(Describe(d, e));
                        else if (rng.NextInt64(seen) is long j && j < toSample) reservoir[(int)j] = Describe(d, e);
                    }
                }
            }
            for (int i = 0; i < reservoir.Count; i++) Console.WriteLine($"#{i + 1} {reservoir[i]}");
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"{docs:N0} articles, {sentences:N0} sentences ({titles:N0} of them headlines), {events:N0} events"));
            Console.WriteLine(string.Create(inv, $"sentences with at least one event: {withEvent:N0} ({(sentences == 0 ? 0 : 100.0 * withEvent / sentences):F2} %)"));
            Console.WriteLine(string.Create(inv, $"events per sentence: {(sentences == 0 ? 0 : (double)events / sentences):F4}"));
            Console.WriteLine("events by CAMEO root: " + string.Join(", ", byRoot.Select(kv => kv.Key + ":" + kv.Value.ToString(inv))));
            if (dropCounter is not null)
            {
                Console.WriteLine("most frequent reasons a candidate was dropped:");
                foreach (var (reason, (count, example)) in dropCounter.Top(parse.GetValue(drops)))
                    Console.WriteLine(string.Create(inv, $"{count,7:N0}  {reason}\n         e.g. {example}"));
                Console.WriteLine("heads of sources and targets without an actor code, verbs missing from the dictionary: " + string.Join(", ",
                    dropCounter.TopWithoutActor(parse.GetValue(drops) * 4).Select(kv => kv.Key + " " + kv.Value.ToString(inv))));
            }
            return 0;
        });
        eval.Add(command);
    }

    private static string Describe(Document d, EventRecord e)
    {
        string sentence;
        if (e.Section == EventSections.Title) sentence = "(headline) " + d.Title!.ReplaceLineEndings(" ");
        else
        {
            var sd = d.Sentences[e.Sentence];
            sentence = d.Text[sd.Start..sd.End].ReplaceLineEndings(" ");
        }
        string actor(EventActor? a) => a is null ? "-" : $"{a.Actor} '{a.Text}'";
        return $"[{d.Id}] {e.Cameo} {actor(e.Source)} > {actor(e.Target)} date={e.Date ?? "-"} place={e.Place?.Name ?? "-"} rule={e.Rule}\n    {sentence}";
    }

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>Counts the coder's drop reasons, words in quotes and numbers folded so that like reasons count together.</summary>
    private sealed class DropCounter : IEventTraceSink
    {
        private readonly Dictionary<string, (int Count, string Example)> _reasons = new(StringComparer.Ordinal);

        public void Sentence(Document doc, int sentence) { }
        public void Step(Document doc, int token, string message) { }
        public void Kept(Document doc, int token, EventRecord record) { }

        private readonly Dictionary<string, int> _noActor = new(StringComparer.OrdinalIgnoreCase);

        public IEnumerable<KeyValuePair<string, int>> TopWithoutActor(int n) => _noActor.OrderByDescending(kv => kv.Value).Take(n);

        public void Dropped(Document doc, int token, string? code, string reason)
        {
            if (reason.Contains("has no actor code", StringComparison.Ordinal) && Quoted().Match(reason) is { Success: true } q)
            {
                string side = reason.StartsWith("source", StringComparison.Ordinal) ? "source " : "target ";
                string w = side + q.Value.Trim('\'');
                _noActor[w] = _noActor.GetValueOrDefault(w) + 1;
            }
            if (reason.EndsWith("is not in the verb dictionary", StringComparison.Ordinal) && Quoted().Match(reason) is { Success: true } verb)
            {
                string w = "verb " + verb.Value.Trim('\'');
                _noActor[w] = _noActor.GetValueOrDefault(w) + 1;
            }
            string key = Digits().Replace(Quoted().Replace(reason, "'…'"), "#");
            if (code is { Length: >= 2 }) key = code[..2] + ": " + key;
            if (_reasons.TryGetValue(key, out var v)) { _reasons[key] = (v.Count + 1, v.Example); return; }
            string example = "";
            if (token >= 0 && token < doc.TokenCount)
            {
                var sd = doc.Sentences[doc.Tokens[token].Sentence];
                var td = doc.Tokens[token];
                example = $"'{doc.Text[td.Start..td.End]}' in: " + doc.Text[sd.Start..sd.End].ReplaceLineEndings(" ");
            }
            _reasons[key] = (1, example);
        }

        public IEnumerable<KeyValuePair<string, (int Count, string Example)>> Top(int n) =>
            _reasons.OrderByDescending(kv => kv.Value.Count).Take(n);
    }
}
