using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Parley.Core;

/// <summary>
/// The data of one language, from its folder data/lang/CODE/: word lists (one file per component, one list a line;
/// see <see cref="WordLists"/>) and the names of its models (models.tsv: one line per role, "nlp", "ner"). Components
/// receive it when a pipeline is built (<see cref="ComponentContext.Language"/>), so that an algorithm holds no words
/// of a language, and adding a language is a data folder plus its models. Immutable; each file is read once, on first use.
/// </summary>
public sealed class LanguageData
{
    /// <summary>The file naming the language's models: "role TAB model folder name".</summary>
    public const string ModelsFile = "models.tsv";

    /// <summary>The language whose data and models Parley ships.</summary>
    public const string DefaultCode = "en";

    private readonly ConcurrentDictionary<string, Lazy<WordLists>> _files = new(StringComparer.Ordinal);

    private LanguageData(string code, string? folder)
    {
        Code = code;
        Folder = folder;
    }

    /// <summary>ISO 639-1 code, as <see cref="Document.Language"/>.</summary>
    public string Code { get; }

    /// <summary>The data/lang/CODE folder, or null when the installation has none for this language.</summary>
    public string? Folder { get; }

    /// <summary>True when the language has a data folder with a <see cref="ModelsFile"/>: a pipeline can be built for it.</summary>
    public bool IsInstalled => Folder is not null && File.Exists(Path.Combine(Folder, ModelsFile));

    /// <summary>The word lists of <paramref name="fileName"/> in the language's folder (read once); throws naming the file when it is missing.</summary>
    public WordLists Lists(string fileName) => _files.GetOrAdd(fileName, f => new Lazy<WordLists>(() => Load(f))).Value;

    /// <summary>The model folder name of <paramref name="role"/> ("nlp" -> "nlp-en-ewt"), or null when the language has none.</summary>
    public string? ModelName(string role)
    {
        if (!IsInstalled) return null;
        var models = Lists(ModelsFile);
        return models.Has(role) && models.Words(role) is [var name, ..] ? name : null;
    }

    private WordLists Load(string fileName)
    {
        if (Folder is null)
            throw new FileNotFoundException($"no data for language '{Code}' (expected a folder data/lang/{Code}; set PARLEY_DATA or run from the repository)");
        string path = Path.Combine(Folder, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: language data file not found", path);
        using var reader = File.OpenText(path);
        return WordLists.Read(reader, Path.Combine("data", "lang", Code, fileName));
    }

    private static readonly ConcurrentDictionary<string, LanguageData> Installed = new(StringComparer.Ordinal);

    /// <summary>The installation's data of language <paramref name="code"/> (data/lang/CODE, found as models are), one object per process.</summary>
    public static LanguageData Get(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return Installed.GetOrAdd(code, c =>
        {
            var root = ModelLocator.FindRoot("data");
            var folder = root is null ? null : Path.Combine(root, "lang", c);
            return new LanguageData(c, folder is not null && Directory.Exists(folder) ? folder : null);
        });
    }

    /// <summary>The installation's English data.</summary>
    public static LanguageData Default => Get(DefaultCode);

    /// <summary>Data read from another folder (tests, a language being prepared).</summary>
    public static LanguageData FromFolder(string code, string folder) => new(code, folder);

    /// <summary>The codes of the languages with a data folder holding a <see cref="ModelsFile"/>, sorted.</summary>
    public static IReadOnlyList<string> InstalledCodes()
    {
        var root = ModelLocator.FindRoot("data");
        var lang = root is null ? null : Path.Combine(root, "lang");
        if (lang is null || !Directory.Exists(lang)) return [];
        return [.. Directory.GetDirectories(lang)
            .Where(d => File.Exists(Path.Combine(d, ModelsFile)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
    }
}

/// <summary>
/// The named word lists of one file, in the format of data/lang/en/coder-words.tsv: one list a line,
/// <c>name TAB words</c>, words separated by spaces, '_' joining the words of a phrase, '#' starting a comment line.
/// A word may carry a value after '=' ("jan=1"). Asking for a list the file lacks is an error naming the file and the
/// list, never an empty list, so a misspelt name fails at start-up.
/// </summary>
public sealed class WordLists
{
    private readonly Dictionary<string, string[]> _lists;

    private WordLists(string source, Dictionary<string, string[]> lists)
    {
        Source = source;
        _lists = lists;
    }

    /// <summary>The file the lists came from, for messages.</summary>
    public string Source { get; }

    public IEnumerable<string> Names => _lists.Keys;

    public bool Has(string name) => _lists.ContainsKey(name);

    /// <summary>The entries of list <paramref name="name"/> in file order ('_' read as a space; values kept after '=').</summary>
    public IReadOnlyList<string> Entries(string name) =>
        _lists.TryGetValue(name, out var words) ? words : throw new InvalidDataException($"{Source}: no list '{name}'");

    /// <summary>The words of list <paramref name="name"/> in file order, without values.</summary>
    public IReadOnlyList<string> Words(string name) => [.. Entries(name).Select(e => Split(e).Word)];

    /// <summary>The (word, value) pairs of list <paramref name="name"/>; a word without '=' has the value null.</summary>
    public IReadOnlyList<(string Word, string? Value)> Pairs(string name) => [.. Entries(name).Select(Split)];

    /// <summary>The (word, integer value) pairs of list <paramref name="name"/>; every word must carry one.</summary>
    public IReadOnlyList<(string Word, int Value)> Numbers(string name) =>
        [.. Pairs(name).Select(p => (p.Word, int.TryParse(p.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v)
            ? v : throw new InvalidDataException($"{Source}: list '{name}': '{p.Word}' needs an integer value (word=N)")))];

    /// <summary>The words of list <paramref name="name"/> as a set, case-insensitive unless <paramref name="comparer"/> says otherwise.</summary>
    public FrozenSet<string> Set(string name, StringComparer? comparer = null) =>
        Words(name).ToFrozenSet(comparer ?? StringComparer.OrdinalIgnoreCase);

    /// <summary>The union of several lists as one set (case-insensitive unless <paramref name="comparer"/> says otherwise).</summary>
    public FrozenSet<string> Union(StringComparer? comparer, params string[] names) =>
        names.SelectMany(Words).ToFrozenSet(comparer ?? StringComparer.OrdinalIgnoreCase);

    /// <summary>The only word of list <paramref name="name"/>.</summary>
    public string One(string name) =>
        Words(name) is [var word] ? word : throw new InvalidDataException($"{Source}: list '{name}' must hold exactly one word");

    private static (string Word, string? Value) Split(string entry)
    {
        int eq = entry.IndexOf('=');
        return eq <= 0 ? (entry, null) : (entry[..eq], entry[(eq + 1)..]);
    }

    /// <summary>Reads the lists of a file in the format above; <paramref name="source"/> names it in messages.</summary>
    public static WordLists Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"{source} line {lineNo}: expected 'name<TAB>words'");
            string name = line[..tab];
            if (!lists.TryAdd(name, [.. line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Replace('_', ' '))]))
                throw new InvalidDataException($"{source} line {lineNo}: list '{name}' appears twice");
        }
        return new WordLists(source, lists);
    }
}
