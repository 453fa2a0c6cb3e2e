using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Ingest;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley explain [PATH|-] [--date D] [--input text|conllu]`: for each sentence, the compact parse, the matched
/// patterns and why each candidate event was kept or dropped (the event coder's own trace).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A text or CoNLL-U file, or - for standard input", DefaultValueFactory = _ => "-" };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) used when the input has none" };
        var input = new Option<string?>("--input") { Description = "text or conllu (CoNLL-U with entity annotations in MISC; default by extension)" };
        input.AcceptOnlyFromAmong("text", "conllu");
        var command = new Command("explain", "Explains event coding sentence by sentence: parse, matched patterns, kept and dropped candidates.");
        command.Add(path);
        command.Add(date);
        command.Add(input);
        command.SetAction(parse =>
        {
            string p = parse.GetValue(path)!;
            string? d = parse.GetValue(date);
            DateOnly? published = null;
            if (d is not null)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pd))
                {
                    Console.Error.WriteLine($"--date {d}: expected YYYY-MM-DD");
                    return 1;
                }
                published = pd;
            }
            string kind = parse.GetValue(input) ?? (p.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase) ? "conllu" : "text");
            string text;
            try { text = p == "-" ? Console.In.ReadToEnd() : File.ReadAllText(p); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{p}: {e.Message}");
                return 2;
            }
            Document doc;
            if (kind == "conllu")
            {
                doc = AnnotatedConllu.Parse(text, p);
            }
            else
            {
                // The same path as `parley code` (cleaning, every installed stage), stopping before the event coder.
                var engine = ParleyEngine.Create(new EngineOptions { DefaultDate = published, Layers = Layers.All & ~Layers.Events });
                doc = engine.Process(new RawArticle { Origin = p, Body = text, Published = published });
                if ((doc.Done & Layers.Parse) == 0)
                {
                    Console.Error.WriteLine($"{p}: the NLP pipeline of this build has no dependency parser yet ({string.Join("; ", engine.MissingStages)}); use --input conllu");
                    return 2;
                }
            }
            doc.Published ??= published;
            var coder = new EventCoder();
            coder.Code(doc, new ExplainWriter(Console.Out));
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{doc.Events.Count} event(s)");
            return 0;
        });
        return command;
    }
}
