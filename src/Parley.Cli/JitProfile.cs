using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime;

namespace Parley.Cli;

/// <summary>
/// Multicore JIT (<see cref="ProfileOptimization"/>): each command records the methods it compiled in a profile, and the
/// next run of that command compiles them on a background thread from start-up on, while the models load. With tiered
/// compilation off (Parley.Cli.csproj) every method otherwise compiles at full optimisation on its first call, inside the
/// first articles and on every worker at once: the first two articles of `bench pipeline` took 1.6-1.8 s each instead of
/// some 80 ms. The profiles live in $PARLEY_JIT_PROFILES, else $XDG_CACHE_HOME/parley/jit (~/.cache/parley/jit);
/// PARLEY_JIT_PROFILES=off turns this off. A folder that cannot be made leaves the run as it was.
/// </summary>
internal static class JitProfile
{
    /// <summary>Starts recording, and compiling what the last run of the parsed command compiled (one profile per command path, e.g. bench-pipeline).</summary>
    public static void Start(ParseResult parse)
    {
        try
        {
            string? folder = Folder();
            if (folder is null) return;
            var names = new List<string>();
            for (SymbolResult? r = parse.CommandResult; r is CommandResult c; r = c.Parent) names.Insert(0, c.Command.Name);
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(string.Join('-', names) + ".jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Only start-up speed is lost.
        }
    }

    private static string? Folder()
    {
        string? set = Environment.GetEnvironmentVariable("PARLEY_JIT_PROFILES");
        if (string.Equals(set, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrEmpty(set)) return set;
        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home)) return null;
            cache = Path.Combine(home, ".cache");
        }
        return Path.Combine(cache, "parley", "jit");
    }
}
