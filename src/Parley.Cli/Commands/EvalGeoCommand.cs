using System.CommandLine;
using Parley.Core;
using Parley.Engine;
using Parley.Knowledge.Eval;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley eval geo [FILE] [--mode both|end-to-end|gold-spans] [--errors]</c>: geocoding on the GeoWebNews development
/// set (JSONL, the default) or on a hand-checked TSV of toponyms (<c>data/eval/geo-dev.tsv</c> with <c>--corpus</c>).
/// </summary>
internal static class EvalGeoCommand
{
    private const string DefaultGwn = "../shared/data/geo_dev_geowebnews/gwn.jsonl.gz";

    public static void AddTo(RootCommand root)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "GeoWebNews JSONL(.gz) (default " + DefaultGwn + "), or hand-checked toponyms (TSV: doc_id start end text geonameid lat lon iso3 note)",
            DefaultValueFactory = _ => DefaultGwn,
        };
        var corpus = new Option<string>("--corpus") { Description = "For a TSV: the articles (JSONL or JSONL.gz with url and text)", DefaultValueFactory = _ => Parley.Core.SharedData.Default("news_wikinews/wikinews_2019_2020.jsonl.gz") };
        var mode = new Option<string>("--mode") { Description = "GeoWebNews: end-to-end (Parley finds the places), gold-spans (the gold spans are given), or both", DefaultValueFactory = _ => "both" };
        mode.AcceptOnlyFromAmong("both", "end-to-end", "gold-spans");
        var byType = new Option<bool>("--by-type") { Description = "GeoWebNews: also score each annotation type (Literal, Metonymic, Demonym-like modifiers, ...)" };
        var draft = new Option<int>("--draft") { Description = "TSV: instead of scoring, print a draft of the first N articles' places (for hand-checking) to FILE" };
        var verbose = new Option<bool>("--errors") { Description = "List the wrong and missed toponyms on stderr" };
        var weights = new Option<string?>("--weights") { Description = "GeoWebNews, for development: other rule weights, e.g. Population=1.5,InAdmin1=1 (see Parley.Knowledge.Geo.GeoWeights)" };
        var trace = new Option<string?>("--trace") { Description = "GeoWebNews: resolve only this article (doc_id) with gold spans and print every mention's best candidates and scores" };
        var geo = new Command("geo", "Evaluate the geocoder: places found, within 161 km of the gold point, right country, mean and median error")
            { file, corpus, mode, byType, draft, verbose, weights, trace };
        geo.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            try
            {
                var kb = KnowledgeBase.LoadDefault();
                if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
                {
                    var w = parse.GetValue(weights) is { } text ? GeoWeights.Parse(text) : GeoWeights.Default;
                    return GeoWebNews(kb, path, parse.GetValue(mode)!, parse.GetValue(byType), parse.GetValue(verbose), w, parse.GetValue(trace));
                }
                string corpusPath = parse.GetValue(corpus)!;
                if (parse.GetValue(draft) is > 0 and var n)
                {
                    using var w = new StreamWriter(path);
                    GeoEvaluation.Draft(kb, corpusPath, n, w);
                    return 0;
                }
                var scores = GeoEvaluation.Evaluate(kb, GeoEvaluation.ReadGold(path), GeoEvaluation.ReadCorpus(corpusPath), parse.GetValue(verbose) ? Console.Error : null);
                Console.WriteLine(scores);
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: {e.Message}");
                return 2;
            }
        });
        var speedCorpus = new Option<string>("--corpus") { Description = "JSONL(.gz) articles to time", DefaultValueFactory = _ => Parley.Core.SharedData.Default("news_wikinews/wikinews_2019_2020.jsonl.gz") };
        var speed = new Command("kb-speed", "Time loading the knowledge base and linking + geocoding + coreference on one thread") { speedCorpus };
        speed.SetAction(parse =>
        {
            string corpusFile = parse.GetValue(speedCorpus)!;
            try
            {
                Console.WriteLine(KnowledgeSpeed.Run(corpusFile));
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"{corpusFile}: {e.Message}");
                return 2;
            }
        });
        var group = CommandGroups.Eval(root);
        group.Subcommands.Add(geo);
        group.Subcommands.Add(speed);
    }

    private static int GeoWebNews(KnowledgeBase kb, string path, string mode, bool byType, bool errors, GeoWeights weights, string? trace)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: not found (the GeoWebNews development set lives in ../shared/data/geo_dev_geowebnews)");
            return 2;
        }
        var articles = GeoWebNewsEvaluation.Read(path);
        var missing = new List<string>();
        var pipeline = StandardPipeline.Build(Layers.Places, missing);
        if ((pipeline.Assigns & Layers.Places) == 0)
        {
            Console.Error.WriteLine($"{path}: the pipeline of this build cannot geocode ({string.Join("; ", missing)})");
            return 2;
        }
        if (trace is not null)
        {
            GeoWebNewsEvaluation.GoldSpans(kb, articles.Where(a => a.Id == trace), doc => pipeline.Process(doc, Layers.Entities), new Geocoder(kb, weights) { Trace = Console.Out, GivenLocations = true });
            return 0;
        }
        Console.WriteLine($"GeoWebNews: {articles.Count} articles, {articles.Sum(a => a.Toponyms.Count)} gold toponyms with coordinates; shares of all gold toponyms, right country of those found");
        Console.WriteLine(GwnScores.Header);
        var geocoder = new Geocoder(kb, weights);
        var runs = new List<(string Label, List<GwnOutcome> Outcomes)>();
        GwnRun? endToEnd = null;
        if (mode is "both" or "end-to-end")
        {
            endToEnd = GeoWebNewsEvaluation.EndToEnd(kb, articles, doc => pipeline.Process(doc, Layers.Entities), geocoder);
            runs.Add(("end to end", endToEnd.Outcomes));
        }
        if (mode is "both" or "gold-spans")
            runs.Add(("gold spans", GeoWebNewsEvaluation.GoldSpans(kb, articles, doc => pipeline.Process(doc, Layers.Entities), new Geocoder(kb, weights) { GivenLocations = true })));
        foreach (var (label, outcomes) in runs)
        {
            Console.WriteLine(GeoWebNewsEvaluation.Score(outcomes).Row(label));
            // The authors' geocoding gold: the toponyms with a GeoNames id (the others are streets and buildings with hand-set points).
            Console.WriteLine(GeoWebNewsEvaluation.Score(outcomes.Where(o => o.Gold.GeonameId is not null)).Row("  with GeoNames id"));
            if (byType)
                foreach (var group in outcomes.GroupBy(o => o.Gold.Type).OrderByDescending(g => g.Count()))
                    Console.WriteLine(GeoWebNewsEvaluation.Score(group).Row("  " + group.Key));
            if (errors) GeoWebNewsEvaluation.WriteErrors(Console.Error, label, outcomes);
        }
        if (endToEnd is not null)
        {
            int annotated = endToEnd.Places - endToEnd.Unannotated.Count;
            Console.WriteLine(FormattableString.Invariant(
                $"end to end: {endToEnd.Places} places output, {annotated / (double)Math.Max(1, endToEnd.Places):P1} on an annotated span (GeoWebNews marks every toponym, literal or not; the rest are likely not places)"));
            if (errors) GeoWebNewsEvaluation.WriteUnannotated(Console.Error, endToEnd);
        }
        return 0;
    }
}
