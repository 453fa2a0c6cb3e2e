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
