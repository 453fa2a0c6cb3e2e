using System.CommandLine;
using Parley.Knowledge.Eval;
using Parley.Knowledge.Kb;

namespace Parley.Cli.Commands;

/// <summary><c>parley eval geo FILE [--corpus JSONL]</c>: toponym resolution on a hand-checked dev file.</summary>
internal static class EvalGeoCommand
{
    public static void AddTo(RootCommand root)
    {
        var file = new Argument<string>("FILE") { Description = "Hand-checked toponyms (TSV: doc_id start end text geonameid lat lon iso3 note)" };
        var corpus = new Option<string>("--corpus") { Description = "The articles (JSONL or JSONL.gz with url and text)", DefaultValueFactory = _ => Parley.Core.SharedData.Default("news_wikinews/wikinews_2019_2020.jsonl.gz") };
        var draft = new Option<int>("--draft") { Description = "Instead of scoring, print a draft of the first N articles' places (for hand-checking) to FILE" };
        var verbose = new Option<bool>("--errors") { Description = "List the wrong and unresolved toponyms on stderr" };
        var geo = new Command("geo", "Evaluate the geocoder: share within 161 km and with the right country") { file, corpus, draft, verbose };
        geo.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            string corpusPath = parse.GetValue(corpus)!;
            try
            {
                var kb = KnowledgeBase.LoadDefault();
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
}
