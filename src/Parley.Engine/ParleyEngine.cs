using Parley.Core;
using Parley.Ingest;
using Parley.Knowledge.Kb;

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

    /// <summary>Runs the pipeline over an already cleaned document, then codes its title (see <see cref="AnnotateTitle"/>).</summary>
    public void Annotate(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Done |= Layers.Clean | Layers.Language;
        if (doc.Language != "en") return;
        Pipeline.Process(doc, Options.Layers, cancellationToken);
        if ((Options.Layers & Layers.Events) != 0 && AnnotateTitle(doc, cancellationToken) is { } title)
        {
            // The headline's events come first, marked as the title's (their offsets point into the title).
            foreach (var e in title.Events) e.Section = EventSections.Title;
            doc.Events.InsertRange(0, title.Events);
        }
    }

    /// <summary>
    /// The headline as a document of its own, run through the whole pipeline (the title is the densest sentence of an
    /// article, and `text` is the body alone): null when the document has no title or the pipeline codes no events.
    /// </summary>
    public Document? AnnotateTitle(Document doc, CancellationToken cancellationToken = default) => AnnotateTitle(doc, Layers.Events, cancellationToken);

    /// <summary>The headline as a document of its own annotated with <paramref name="layers"/> (what they need included), or
    /// null when the document has no title or the pipeline has no event coder.</summary>
    public Document? AnnotateTitle(Document doc, Layers layers, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(doc.Title) || doc.Language != "en" || (layers & Layers.Events) != 0 && !CodesEvents) return null;
        // A headline in capitals is annotated in ordinary case (same length: offsets stay those of the title).
        string text = Parley.Ingest.Cleaning.HeadlineCase.Normalize(doc.Title, IsName);
        var title = new Document(doc.Id + "#title", text) { Published = doc.Published, Title = null, Language = doc.Language };
        title.Done |= Layers.Clean | Layers.Language;
        Pipeline.Process(title, layers, cancellationToken);
        return title;
    }

    /// <summary>Is the word a name the knowledge base knows (a country, place or actor)?</summary>
    private static bool IsName(string word)
    {
        try { return !KnowledgeBase.LoadDefault().LookupName(word).IsEmpty; }
        catch (Exception e) when (e is IOException or InvalidDataException) { return false; }
    }

    private bool CodesEvents
    {
        get
        {
            foreach (var c in Pipeline.Components) if ((c.Writes & Layers.Events) != 0) return true;
            return false;
        }
    }
}
