using System.IO.Compression;
using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

/// <summary>A knowledge base built by <see cref="KbBuilder"/> from the tiny dictionaries in Fixtures/mini-shared.</summary>
public sealed class MiniKbFixture : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "parley-minikb-" + Guid.NewGuid().ToString("N"));
    public KbBuildSummary Summary { get; }
    public KnowledgeBase Kb { get; }

    public MiniKbFixture()
    {
        string fixture = FixturePath("mini-shared");
        string shared = Path.Combine(Dir, "shared");
        CopyDir(fixture, shared);
        // The builder reads the gazetteer tables gzip'd, as the shared data folder holds them.
        string gazetteer = Path.Combine(shared, "gazetteer_geonames");
        foreach (var file in Directory.GetFiles(gazetteer).Where(f => f.EndsWith(".tsv", StringComparison.Ordinal) || f.EndsWith("cities15000.txt", StringComparison.Ordinal)))
        {
            using var input = File.OpenRead(file);
            using var output = new GZipStream(File.Create(file + ".gz"), CompressionLevel.Fastest);
            input.CopyTo(output);
        }
        string outDir = Path.Combine(Dir, "kb");
        Summary = KbBuilder.Build(new KbSources(shared, Path.Combine(shared, "supplement")), outDir);
        Kb = KnowledgeBase.Load(outDir);
    }

    public Document Process(string text, DateOnly? published)
    {
        var doc = new Document("t", text) { Published = published };
        Tokenizer.Tokenize(doc);
        new EntityLinker(Kb).Process(doc);
        new Geocoder(Kb).Process(doc);
        new CoreferenceResolver().Process(doc);
        return doc;
    }

    internal static string FixturePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "tests", "Parley.Knowledge.Tests", "Fixtures", name);
            if (Directory.Exists(p) || File.Exists(p)) return p;
        }
        throw new FileNotFoundException("fixture not found: " + name);
    }

    private static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) CopyDir(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("minikb")]
public sealed class MiniKbCollection : ICollectionFixture<MiniKbFixture>;
