using System.CommandLine;
using System.Diagnostics;
using Parley.Knowledge.Kb;

namespace Parley.Cli.Commands;

/// <summary><c>parley build kb [--shared DIR] [--out data/kb]</c>: builds the knowledge files from the open dictionaries.</summary>
internal static class BuildKbCommand
{
    public static void AddTo(RootCommand root)
    {
        var shared = new Option<string>("--shared") { Description = "Folder of the open data sets (GeoNames, ISO, CountryInfo, Phoenix dictionaries)", DefaultValueFactory = _ => Parley.Core.SharedData.Default("") };
        var output = new Option<string>("--out") { Description = "Output folder; its supplement/ subfolder holds the hand-curated additions", DefaultValueFactory = _ => "data/kb" };
        var kb = new Command("kb", "Build the actor knowledge base and gazetteer (data/kb) from the open dictionaries") { shared, output };
        kb.SetAction(parse =>
        {
            string sharedDir = parse.GetValue(shared)!;
            string outDir = parse.GetValue(output)!;
            if (!Directory.Exists(sharedDir))
            {
                Console.Error.WriteLine($"{sharedDir}: shared data folder not found");
                return 2;
            }
            try
            {
                var watch = Stopwatch.StartNew();
                var summary = KbBuilder.Build(new KbSources(sharedDir, Path.Combine(outDir, "supplement")), outDir, Console.Out);
                Console.WriteLine($"wrote {outDir}: {summary.Countries} countries, {summary.Places} places, {summary.Actors} actors, {summary.Agents} agent phrases, {summary.Discards} discards; {summary.Bytes / 1024} KiB in {watch.Elapsed.TotalSeconds:0.0} s");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{sharedDir}: {e.Message}");
                return 2;
            }
        });
        CommandGroups.Build(root).Subcommands.Add(kb);
    }
}
