using System.CommandLine;
using Parley.Events.Cameo;

namespace Parley.Cli.Commands;

/// <summary>`parley build cameo [--shared DIR] [--out data/cameo]`: builds the CAMEO ontology, PLOVER map and verb patterns.</summary>
internal static class BuildCameoCommand
{
    /// <summary>Adds `cameo` under the root's `build` command, creating `build` when no other command has.</summary>
    public static void AddTo(RootCommand root)
    {
        var build = CommandGroups.Build(root);
        build.Add(Create());
    }

    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "Shared data folder holding cameo_gdelt_lookups, plover, cameo_petrarch2_dictionaries, iso3166_country_codes", DefaultValueFactory = _ => Parley.Core.SharedData.Default("") };
        var output = new Option<string?>("--out") { Description = "Output folder (default: the repository's data/cameo)" };
        var command = new Command("cameo", "Builds data/cameo: CAMEO event codes with Goldstein, QuadClass and PLOVER type; verb patterns converted from PETRARCH2.");
        command.Add(shared);
        command.Add(output);
        command.SetAction(parse =>
        {
            string sharedDir = parse.GetValue(shared)!;
            string? outDir = parse.GetValue(output);
            if (outDir is null)
            {
                var root = Parley.Core.ModelLocator.FindRoot("data");
                outDir = root is null ? Path.Combine("data", "cameo") : Path.Combine(root, "cameo");
            }
            if (!Directory.Exists(sharedDir))
            {
                Console.Error.WriteLine($"{sharedDir}: shared data folder not found");
                return 2;
            }
            try
            {
                var report = CameoBuilder.Build(sharedDir, outDir);
                Console.WriteLine($"wrote {outDir}");
                Console.WriteLine(report.ToString());
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{sharedDir}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
