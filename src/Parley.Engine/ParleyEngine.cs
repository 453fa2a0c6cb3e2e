using Parley.Core;
using Parley.Ingest;

namespace Parley.Engine;

/// <summary>What the engine should compute and how it reads input.</summary>
public sealed record EngineOptions
{
    /// <summary>Layers wanted in the output; components not needed for them are skipped.</summary>
    public Layers Layers { get; init; } = Layers.All;
    /// <summary>Publication date used when an input has none.</summary>
    public DateOnly? DefaultDate { get; init; }
    public long MaxInputBytes { get; init; } = 20_000_000;
    /// <summary>Worker threads for processing; 0 means one per core.</summary>
    public int Threads { get; init; }
    public HttpClient? Http { get; init; }
    /// <summary>Dictionaries in place of the installed ones (a construction suite's), or null.</summary>
    public PipelineData? Data { get; init; }
}

/// <summary>
/// The composition root: the reader, the cleaner and the frozen pipeline of every stage,
/// loaded once and shared by all threads.
/// </summary>
public sealed class ParleyEngine
{
    private ParleyEngine(EngineOptions options, Pipeline pipeline, IReadOnlyList<string> missing)
    {
        MissingStages = missing;
        Options = options;
        Pipeline = pipeline;
        Reader = new ArticleReader(new ReaderOptions { MaxBytes = options.MaxInputBytes, Http = options.Http });
        Cleaner = new ArticleCleaner();
    }

    public EngineOptions Options { get; }
    public Pipeline Pipeline { get; }
    public ArticleReader Reader { get; }
    public ArticleCleaner Cleaner { get; }
    /// <summary>Stages left out because their model or data is not installed, one line each.</summary>
    public IReadOnlyList<string> MissingStages { get; }

    public static ParleyEngine Create(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        var missing = new List<string>();
        var pipeline = DefaultPipeline.Build(options.Layers, options.Data, missing);
        return new ParleyEngine(options, pipeline, missing);
    }

    /// <summary>Cleans one article and runs the pipeline over it (only English text goes through the English models).</summary>
    public Document Process(RawArticle article, CancellationToken cancellationToken = default)
    {
        var doc = Cleaner.ToDocument(article, Options.DefaultDate);
        Annotate(doc, cancellationToken);
        return doc;
    }

    /// <summary>Runs the pipeline over an already cleaned document.</summary>
    public void Annotate(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Done |= Layers.Clean | Layers.Language;
        if (doc.Language != "en") return;
        Pipeline.Process(doc, Options.Layers, cancellationToken);
    }
}
