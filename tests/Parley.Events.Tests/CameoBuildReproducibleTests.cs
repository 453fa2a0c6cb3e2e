using System.IO.Compression;
using Parley.Events.Cameo;

namespace Parley.Events.Tests;

/// <summary>Runs only where the published CAMEO sources are (../shared/data or $PARLEY_SHARED_DATA); says why otherwise.</summary>
public sealed class CameoSourcesFactAttribute : FactAttribute
{
    public CameoSourcesFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (Parley.Core.SharedData.PathOf("cameo_petrarch2_dictionaries", "CAMEO.2.0.txt") is { } p && File.Exists(p)) return;
        Skip = "needs the CAMEO sources in the shared data folder (" + Parley.Core.SharedData.Where + "), absent on this machine";
        // the runner's one line for a skipped test at its default verbosity shows the name only: the reason goes into it
        DisplayName = $"{test} (skipped: {Skip})";
    }
}

/// <summary>
/// The committed data/cameo is exactly what `parley build cameo` makes from the published sources and the supplement:
/// a supplement line edited without rebuilding (or a file rebuilt from an edit later undone) fails here.
/// </summary>
public sealed class CameoBuildReproducibleTests
{
    [CameoSourcesFact]
    public void CommittedFilesEqualTheBuild()
    {
        string committed = CameoData.FindFolder() ?? throw new InvalidOperationException("data/cameo not found");
        string built = Path.Combine(Path.GetTempPath(), "parley-cameo-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            CameoBuilder.Build(Parley.Core.SharedData.Find()!, built);
            var names = Directory.GetFiles(built).Select(Path.GetFileName).Order().ToList();
            Assert.NotEmpty(names);
            foreach (var name in names)
                Assert.True(Content(Path.Combine(built, name!)) == Content(Path.Combine(committed, name!)),
                    $"data/cameo/{name} differs from what `parley build cameo` makes: rebuild it and commit");
        }
        finally { Directory.Delete(built, recursive: true); }
    }

    /// <summary>A file's text, decompressed when gzipped (the archive's header holds a time stamp).</summary>
    private static string Content(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return new StreamReader(s).ReadToEnd();
    }
}
