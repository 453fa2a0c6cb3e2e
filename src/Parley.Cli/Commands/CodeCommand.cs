using System.CommandLine;
using System.Text.Json;
using Parley.Core;
using Parley.Engine;

namespace Parley.Cli.Commands;

/// <summary>`parley code`: process articles and print document objects (no store needed).</summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var paths = CliOptions.Paths("Files (.txt, .html, .jsonl, .xml RSS/Atom), folders (recursive), URLs, or - for standard input.", ArgumentArity.ZeroOrMore);
        var run = new EngineArguments();
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (one document per line), json (an array), gdelt (GDELT 2.0 event rows).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "json", "gdelt");
        var quiet = CliOptions.Quiet();

        var command = new Command("code", "Process articles and print the results as structured data; needs no database.")
        {
            paths, run.Date, format, run.Layers, run.Threads, quiet, run.AllowPrivate, run.MaxAnnotated,
        };
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths) ?? [];
            if (inputs.Length == 0)
            {
                if (!Console.IsInputRedirected)
                {
                    Console.Error.WriteLine("parley code: give a PATH, or - to read standard input");
                    return 1;
                }
                inputs = ["-"];
            }
            var engine = ParleyEngine.Create(run.Read(parse));
            if (!CliOptions.Installed(engine, "code")) return 2;
            return Run(engine, inputs, parse.GetValue(format)!, parse.GetValue(quiet));
        });
        return command;
    }

    private static int Run(ParleyEngine engine, string[] inputs, string format, bool quiet)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stream = new DocumentStream(engine);
        bool unreadable = false;
        ProgressDisplay.Run("coding", quiet || !Console.IsOutputRedirected, (progress, log) =>
        {
            Utf8JsonWriter? arrayWriter = null;
            if (format == "json")
            {
                stdout.Flush();
                arrayWriter = new Utf8JsonWriter(stdout.BaseStream, DocumentJson.WriterOptions with { Indented = true });
                arrayWriter.WriteStartArray();
            }
            foreach (var item in stream.Process(inputs, null, progress))
            {
                if (item.Problem is { } problem)
                {
                    // Exit code 2 is for inputs that could not be read; an empty record or a warning is reported only.
                    var kind = item.Document is not null ? InputProblemKind.Warning : problem.Kind;
                    unreadable |= kind == InputProblemKind.Unreadable;
                    log(ProblemLog.Line(problem with { Kind = kind }));
                }
                if (item.Document is not { } doc) continue;
                switch (format)
                {
                    case "json":
                        DocumentJson.Write(arrayWriter!, doc);
                        arrayWriter!.Flush();
                        break;
                    case "gdelt":
                        OutputFormats.WriteGdelt(stdout, doc);
                        break;
                    default:
                        stdout.WriteLine(DocumentJson.ToJson(doc));
                        break;
                }
            }
            if (arrayWriter is not null)
            {
                arrayWriter.WriteEndArray();
                arrayWriter.Flush();
                arrayWriter.Dispose();
                stdout.WriteLine();
            }
            return 0;
        });
        stdout.Flush();
        return unreadable ? 2 : 0;
    }
}
