using System.CommandLine;
using System.Globalization;
using Parley.Core;

namespace Parley.Cli;

/// <summary>
/// The options of the commands that run the pipeline over articles (`code`, `ingest`) and the engine they make: one
/// declaration of each and one reading of them into <see cref="Parley.Engine.EngineOptions"/>.
/// </summary>
internal sealed class EngineArguments
{
    public Option<string?> Date { get; } = CliOptions.Date();
    public Option<string> Layers { get; } = CliOptions.LayersOption();
    public Option<int> Threads { get; } = CliOptions.Threads();
    public Option<int> MaxAnnotated { get; } = CliOptions.MaxAnnotatedChars();
    public Option<bool> AllowPrivate { get; } = CliOptions.AllowPrivateAddresses();

    public Parley.Engine.EngineOptions Read(ParseResult parse) => new()
    {
        DefaultDate = CliOptions.ParseDate(parse.GetValue(Date)),
        Layers = CliOptions.ParseLayers(parse.GetValue(Layers)!),
        Threads = parse.GetValue(Threads),
        MaxAnnotatedChars = parse.GetValue(MaxAnnotated),
        AllowPrivateAddresses = parse.GetValue(AllowPrivate),
    };
}

/// <summary>Options shared by several commands, and their parsing.</summary>
internal static class CliOptions
{
    /// <summary>The PATH argument of the commands that read articles: files, folders, URLs or - for standard input.</summary>
    public static Argument<string[]> Paths(string description, ArgumentArity arity) =>
        new("PATH") { Description = description, Arity = arity };

    public static Option<string?> Date() => new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) used to resolve relative dates when an input has none.",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : null;
            if (text is null) return text;
            if (DateValue.TryParseDay(text) is not { } date)
                r.AddError($"--date: '{text}' is not a date of the form YYYY-MM-DD");
            else if (!SaneDates.Contains(date))
                r.AddError($"--date: {SaneDates.OutOfRange(date)}");
            return text;
        },
    };

    public static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateValue.TryParseDay(text) ?? throw new FormatException($"'{text}' is not a date of the form YYYY-MM-DD");

    public static Option<string> LayersOption() => new("--layers")
    {
        Description = "Layers to compute, comma-separated: clean, sentences, tokens, tags, parse, entities, places, dates, coreference, quotes, events, all.",
        DefaultValueFactory = _ => "all",
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "all";
            if (!TryParseLayers(text, out _, out var bad)) r.AddError($"--layers: unknown layer '{bad}'");
            return text;
        },
    };

    /// <summary>--max-annotated-chars: the longest text annotated per article (<see cref="Parley.Engine.EngineOptions.MaxAnnotatedChars"/>).</summary>
    public static Option<int> MaxAnnotatedChars()
    {
        int standard = new Parley.Engine.EngineOptions().MaxAnnotatedChars, unit = new Parley.Engine.EngineOptions().UnitChars;
        var option = new Option<int>("--max-annotated-chars")
        {
            Description = "Longest text annotated per article; of a longer one only the start gets layers and events (the whole text is stored), with a warning.",
            DefaultValueFactory = _ => standard,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < unit) result.AddError($"--max-annotated-chars must be at least {unit} (one processing unit)");
        });
        return option;
    }

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Worker threads (default: one per core).",
        DefaultValueFactory = _ => 0,
    };

    public static Option<bool> AllowPrivateAddresses() => new("--allow-private-addresses")
    {
        Description = "Let feed item links and redirects lead to loopback, link-local and private network addresses (off: public addresses only).",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress display." };

    public static Option<string?> Db() => new("--db") { Description = "SQLite store file (default parley.db)." };

    public static Option<string?> Store() => new("--store") { Description = "Store: a PostgreSQL URI (postgres://user@host:port/db) or connection string (Host=...;Database=...), or a SQLite file path (sqlite:PATH)." };

    public static Layers ParseLayers(string text)
    {
        TryParseLayers(text, out var layers, out _);
        return layers;
    }

    public static bool TryParseLayers(string text, out Layers layers, out string? bad)
    {
        layers = Layers.None;
        bad = null;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Layers l = raw.ToLowerInvariant() switch
            {
                "all" => Layers.All,
                "clean" => Layers.Clean,
                "language" => Layers.Language,
                "sentences" => Layers.Sentences,
                "tokens" => Layers.Tokens,
                "tags" => Layers.Tags,
                "lemmas" => Layers.Lemmas,
                "parse" => Layers.Parse,
                "entities" => Layers.Entities,
                "places" => Layers.Places,
                "dates" => Layers.Dates,
                "coreference" or "coref" => Layers.Coreference,
                "quotes" => Layers.Quotes,
                "events" => Layers.Events,
                "spans" => Layers.Spans,
                _ => Layers.None,
            };
            if (l == Layers.None) { bad = raw; return false; }
            layers |= l;
        }
        layers |= Layers.Clean | Layers.Language;
        return true;
    }

    /// <summary>
    /// False (after saying what is missing and where it was looked for) when the layers asked for need a model or
    /// knowledge file that is not installed: coding without them would give empty results that look like real ones.
    /// </summary>
    public static bool Installed(Parley.Engine.ParleyEngine engine, string command)
    {
        if (engine.MissingStages.Count == 0) return true;
        foreach (var note in engine.MissingStages) Console.Error.WriteLine($"parley {command}: {note}");
        Console.Error.WriteLine($"parley {command}: models were looked for in: {string.Join("; ", ModelLocator.SearchedPlaces("models"))}");
        Console.Error.WriteLine($"parley {command}: knowledge files in: {string.Join("; ", ModelLocator.SearchedPlaces("data"))}");
        Console.Error.WriteLine($"parley {command}: set PARLEY_MODELS and PARLEY_DATA, run from the repository, or publish with `dotnet publish src/Parley.Cli -c Release -o DIR` (models and data go beside the executable); --layers asks for less");
        return false;
    }

    /// <summary>Writes one line per bad input on standard error: "parley: INPUT: PROBLEM".</summary>
    public static void ReportProblem(InputProblem problem) =>
        Console.Error.WriteLine($"parley: {problem.Input}: {problem.Message}");
}
