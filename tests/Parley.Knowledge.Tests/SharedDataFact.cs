namespace Parley.Knowledge.Tests;

/// <summary>
/// A fact that needs a file of the shared data folder (<c>../shared/data</c> from the repository root, not part of the
/// repository): skipped when the file is absent, with the reason in the test's name (the runner's default output shows no skip reason).
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (SharedData.Find(relativePath) is not null) return;
        Skip = $"needs ../shared/data/{relativePath}, which is absent on this machine";
        // the runner's one line for a skipped test at its default verbosity shows the name only: the reason goes into it
        DisplayName = $"{test} (skipped: {Skip})";
    }
}

public static class SharedData
{
    /// <summary>The full path of a file under the shared data folder beside the repository, or null when it is not there.</summary>
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) continue;
            string path = Path.Combine(dir.FullName, "..", "shared", "data", relativePath);
            return File.Exists(path) ? Path.GetFullPath(path) : null;
        }
        return null;
    }
}
