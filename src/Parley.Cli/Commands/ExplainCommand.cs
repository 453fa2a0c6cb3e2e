using System.CommandLine;
using System.Globalization;
using Parley.Core;
using Parley.Engine;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley explain [PATH|-] [--date D] [--input text|conllu]`: for each sentence, the compact parse, the matched
/// patterns and why each candidate event was kept or dropped (the event coder's own trace). Inputs are read, cleaned and
/// annotated exactly as `parley code` reads them (title and body alike), so the events explained are the events coded.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "An article file (any input `code` reads), a CoNLL-U file, or - for standard input", DefaultValueFactory = _ => "-" };
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
                if (DateValue.TryParseDay(d) is not { } pd)
                {
                    Console.Error.WriteLine($"--date {d}: expected YYYY-MM-DD");
                    return 1;
                }
                published = pd;
            }
            string kind = parse.GetValue(input) ?? (p.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase) ? "conllu" : "text");
            var writer = new ExplainWriter(Console.Out);
            if (kind == "conllu")
            {
                string text;
                try { text = p == "-" ? Console.In.ReadToEnd() : File.ReadAllText(p); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"{p}: {e.Message}");
                    return 2;
                }
                var parsed = AnnotatedConllu.Parse(text, p);
                parsed.Published ??= published;
                // The file brings every layer the coder reads; the coder is made as `code` makes it.
                if (CommandPipelines.Coder(Console.Error) is not { } fileCoder) return 2;
                fileCoder.Code(parsed, writer);
                Console.Out.WriteLine();
                Console.Out.WriteLine($"{parsed.Events.Count} event(s)");
                return 0;
            }

            // The same path as `parley code`: the same reader, cleaning and stages, stopping before the event coder, which
            // then runs with its trace on the title and on the body.
            var engine = ParleyEngine.Create(new EngineOptions { DefaultDate = published, Layers = Layers.All & ~Layers.Events, PipelineLayers = Layers.All });
            var coder = engine.Pipeline.Find<EventCoder>();
            int status = 0, total = 0;
            foreach (var item in new DocumentStream(engine).Process([p], Console.In))
            {
                if (item.Problem is { } problem) { CliOptions.ReportProblem(problem); status = 2; }
                if (item.Document is not { } doc) continue;
                if ((doc.Done & Layers.Parse) == 0 || coder is null)
                {
                    Console.Error.WriteLine($"{p}: the NLP pipeline of this build has no dependency parser ({string.Join("; ", engine.MissingStages)}); use --input conllu");
                    return 2;
                }
                if (engine.AnnotateTitle(doc, Layers.All & ~Layers.Events) is { } title)
                {
                    Console.Out.WriteLine("title:");
                    coder.Code(title, writer);
                    total += title.Events.Count;
                    Console.Out.WriteLine();
                    Console.Out.WriteLine("body:");
                }
                coder.Code(doc, writer);
                total += doc.Events.Count;
            }
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{total} event(s)");
            return status;
        });
        return command;
    }
}
