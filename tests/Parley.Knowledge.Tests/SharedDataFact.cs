namespace Parley.Knowledge.Tests;

/// <summary>
/// A fact that needs a file of the shared data folder (<c>../shared/data</c> from the repository root, not part of the
/// repository): skipped, with the reason shown by the test runner, when the file is absent.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null) Skip = $"needs ../shared/data/{relativePath}, which is absent on this machine";
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
