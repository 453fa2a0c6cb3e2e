using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Core;

/// <summary>
/// Finds model and knowledge folders. Models are versioned folders (e.g. models/nlp-en-ewt/) holding
/// compressed data files and a meta.json with their scores. Search order: $PARLEY_MODELS, the folder
/// beside the executable, then the repository's models/ folder found by walking up from the current directory.
/// </summary>
public static class ModelLocator
{
    public static string? FindRoot(string folderName = "models")
    {
        var env = Environment.GetEnvironmentVariable(folderName == "models" ? "PARLEY_MODELS" : "PARLEY_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        var beside = Path.Combine(AppContext.BaseDirectory, folderName);
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return candidate;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return candidate;
        }
        return null;
    }

    /// <summary>
    /// Where <see cref="FindRoot"/> looks for a folder, in order, for a message when it is not found: the environment
    /// variable, beside the executable, and the repository above the current directory and above the executable.
    /// </summary>
    public static IReadOnlyList<string> SearchedPlaces(string folderName = "models")
    {
        string variable = folderName == "models" ? "PARLEY_MODELS" : "PARLEY_DATA";
        var env = Environment.GetEnvironmentVariable(variable);
        return
        [
            string.IsNullOrEmpty(env) ? $"${variable} (not set)" : $"${variable} = {env}",
            Path.Combine(AppContext.BaseDirectory, folderName),
            $"{folderName}/ of a repository (a folder with Directory.Build.props) above {Directory.GetCurrentDirectory()}",
            $"{folderName}/ of a repository above {AppContext.BaseDirectory}",
        ];
    }

    /// <summary>Path of a model folder by name (e.g. "nlp-en-ewt"), or null when it is not installed.</summary>
    public static string? FindModel(string name)
    {
        var root = FindRoot();
        if (root is null) return null;
        var path = Path.Combine(root, name);
        return Directory.Exists(path) ? path : null;
    }
}

/// <summary>meta.json of a model folder: what it is, what it was trained on, how well it does.</summary>
public sealed class ModelMeta
{
    [JsonPropertyName("name")] public required string Name { get; set; }
    [JsonPropertyName("version")] public required string Version { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("trained")] public string? Trained { get; set; }
    [JsonPropertyName("command")] public string? Command { get; set; }
    [JsonPropertyName("data")] public List<string> Data { get; set; } = [];
    [JsonPropertyName("seed")] public int Seed { get; set; }
    [JsonPropertyName("labels")] public Dictionary<string, List<string>> Labels { get; set; } = [];
    [JsonPropertyName("scores")] public Dictionary<string, double> Scores { get; set; } = [];
    [JsonPropertyName("speed")] public Dictionary<string, double> Speed { get; set; } = [];
    [JsonPropertyName("files")] public Dictionary<string, string> Files { get; set; } = [];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static ModelMeta Load(string folder) =>
        JsonSerializer.Deserialize<ModelMeta>(File.ReadAllText(Path.Combine(folder, "meta.json")), Options)
        ?? throw new InvalidDataException($"{folder}/meta.json is empty");

    public void Save(string folder) =>
        File.WriteAllText(Path.Combine(folder, "meta.json"), JsonSerializer.Serialize(this, Options) + "\n");
}

/// <summary>
/// The folder of shared training and evaluation data (corpora, gazetteers, dictionaries) that building, training,
/// evaluating and benchmarking read: $PARLEY_SHARED_DATA, else <c>../shared/data</c> beside the repository (found
/// by walking up from the current directory, then from the executable). Never an absolute path of one machine.
/// </summary>
public static class SharedData
{
    public const string Variable = "PARLEY_SHARED_DATA";

    /// <summary>How the folder is found, for help texts.</summary>
    public const string Where = "$" + Variable + ", else ../shared/data beside the repository";

    /// <summary>The shared data folder, or null when there is none.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) continue;
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>A path inside the shared data folder, or null when the folder is not found.</summary>
    public static string? PathOf(params string[] parts) => Find() is { } root ? Path.Combine([root, .. parts]) : null;

    /// <summary>
    /// A default for a command-line option naming shared data: the path inside the shared folder when it is found,
    /// else the same path under ../shared/data (relative, so the message names what was looked for).
    /// </summary>
    public static string Default(string relative) =>
        Find() is { } root ? Path.Combine(root, relative) : Path.Combine("..", "shared", "data", relative);

    /// <summary>The folder given on the command line, else <see cref="Find"/>; throws a one-line error when neither exists.</summary>
    public static string Resolve(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return given;
        return Find() ?? throw new DirectoryNotFoundException($"no shared data folder: give it on the command line or set {Variable} (looked for {Where})");
    }
}
