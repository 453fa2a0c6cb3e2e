using System.Collections.Concurrent;
using Parley.Core;
using Parley.Ingest;
using Parley.Knowledge.Kb;

namespace Parley.Engine;

/// <summary>What the engine should compute and how it reads input.</summary>
public sealed record EngineOptions
{
    /// <summary>Layers wanted in the output; components not needed for them are skipped.</summary>
    public Layers Layers { get; init; } = Layers.All;

    /// <summary>
    /// Layers the pipeline is built for (the components loaded), when more than <see cref="Layers"/>: a caller that runs
    /// a component itself takes it from <see cref="ParleyEngine.Pipeline"/> (explain runs the coder with its trace).
    /// </summary>
    public Layers? PipelineLayers { get; init; }
    /// <summary>Publication date used when an input has none.</summary>
    public DateOnly? DefaultDate { get; init; }
    public long MaxInputBytes { get; init; } = 20_000_000;
    /// <summary>Worker threads for processing; 0 means one per core.</summary>
    public int Threads { get; init; }
    public HttpClient? Http { get; init; }
    /// <summary>Feed item links and redirects may lead to loopback, link-local and private addresses (off: only public ones).</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>
    /// Longest text annotated as one unit; a longer article is cut into units of at most this many characters
    /// (<see cref="DocumentParts"/>), annotated in parallel and merged, so its cost stays linear in its length.
    /// </summary>
    public int UnitChars { get; init; } = 50_000;

    /// <summary>
    /// Longest text annotated per article (default 2,000,000 characters: a long book, some twenty times the longest news
    /// article). Of a longer text only the units up to this many characters get layers (its flags say
    /// "annotated-to:END"); the whole text is still cleaned, stored and searchable. A 15 MB run-on "article" would
    /// otherwise take minutes of CPU and hold hundreds of megabytes of layers for one input (issue 16); the reader and
    /// ingest name such an article with a warning (<see cref="ParleyEngine.PartialAnnotationNote"/>).
    /// </summary>
    public int MaxAnnotatedChars { get; init; } = 2_000_000;

    /// <summary>Time any article may take to annotate, whatever its size (model start-up, a loaded machine).</summary>
    public TimeSpan BudgetBase { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed per million characters on top of <see cref="BudgetBase"/>: about ten times what the whole pipeline
    /// takes on one core. An article that runs past its budget is reported as a problem and skipped.
    /// </summary>
    public TimeSpan BudgetPerMillionChars { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>Dictionaries in place of the installed ones (a construction suite's), or null.</summary>
    public PipelineData? Data { get; init; }
    /// <summary>Collects the time of the cleaner and of each pipeline component (`parley bench pipeline --profile`); null: not measured.</summary>
    public PipelineProfile? Profile { get; init; }

    /// <summary>Components run after the standard ones (<see cref="StandardPipeline"/>), each with its descriptor and factory.</summary>
    public IReadOnlyList<ComponentRegistration> Components { get; init; } = [];
}

/// <summary>
/// The composition root: the reader, the cleaner and a frozen pipeline per language, loaded once and shared by all
/// threads. A document goes through the pipeline of its language: the default language's is built at creation, any
/// other installed language's (a data/lang/CODE folder with its models) on its first document; a language without one
/// keeps its cleaned text only.
/// </summary>
public sealed class ParleyEngine
{
    private readonly ConcurrentDictionary<string, Lazy<Pipeline?>> _pipelines = new(StringComparer.Ordinal);

    private ParleyEngine(EngineOptions options, Pipeline pipeline, IReadOnlyList<string> missing)
    {
        MissingStages = missing;
        Options = options;
        Pipeline = pipeline;
        _pipelines[pipeline.Language] = new Lazy<Pipeline?>(pipeline);
        Reader = new ArticleReader(new ReaderOptions
        {
            MaxBytes = options.MaxInputBytes, Http = options.Http, AllowPrivateAddresses = options.AllowPrivateAddresses,
        });
        Cleaner = new ArticleCleaner();
    }

    public EngineOptions Options { get; }
    /// <summary>The pipeline of the default language (English).</summary>
    public Pipeline Pipeline { get; }
    public ArticleReader Reader { get; }
    public ArticleCleaner Cleaner { get; }
    /// <summary>Stages left out because their model or data is not installed, one line each.</summary>
    public IReadOnlyList<string> MissingStages { get; }

    public static ParleyEngine Create(EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        if (options.DefaultDate is { } date && !SaneDates.Contains(date))
            throw new ArgumentOutOfRangeException(nameof(options), SaneDates.OutOfRange(date));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.UnitChars, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAnnotatedChars, options.UnitChars);
        var missing = new List<string>();
        var pipeline = BuildPipeline(options, LanguageData.DefaultCode, missing);
        return new ParleyEngine(options, pipeline, missing);
    }

    private static Pipeline BuildPipeline(EngineOptions options, string language, ICollection<string> missing)
    {
        var builder = StandardPipeline.Builder();
        foreach (var c in options.Components) builder.Add(c.Descriptor, c.Create, c.Prepare);
        return builder.Build(options.PipelineLayers ?? options.Layers, StandardPipeline.Context(language, options.Data, missing));
    }

    /// <summary>
    /// The pipeline for documents in <paramref name="language"/>, built on first use; null when the installation has no
    /// data folder for the language (data/lang/CODE/models.tsv).
    /// </summary>
    public Pipeline? PipelineFor(string language) =>
        _pipelines.GetOrAdd(language, code => new Lazy<Pipeline?>(() =>
            LanguageData.Get(code).IsInstalled ? BuildPipeline(Options, code, new List<string>()) : null)).Value;

    /// <summary>Cleans one article and runs its language's pipeline over it.</summary>
    public Document Process(RawArticle article, CancellationToken cancellationToken = default)
    {
        var doc = Cleaner.ToDocument(article, Options.DefaultDate);
        Annotate(doc, cancellationToken);
        return doc;
    }

    /// <summary>The time <paramref name="chars"/> characters may take to annotate before the article is given up.</summary>
    public TimeSpan BudgetFor(int chars) => Options.BudgetBase + Options.BudgetPerMillionChars * (chars / 1e6);

    /// <summary>
    /// Why only part of <paramref name="doc"/> gets layers (its text is longer than <see cref="EngineOptions.MaxAnnotatedChars"/>),
    /// as a problem line's message; null when the whole text is annotated (or there is no pipeline for its language).
    /// </summary>
    public string? PartialAnnotationNote(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Text.Length <= Options.MaxAnnotatedChars || PipelineFor(doc.Language) is null) return null;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"text of {doc.Text.Length:N0} characters is longer than the {Options.MaxAnnotatedChars:N0} annotated per article: layers and events cover its first {AnnotatedRanges(doc.Text)[^1].End:N0} characters; the whole text is stored and searchable");
    }

    /// <summary>The units of <paramref name="text"/> that get layers: all of them, or those within <see cref="EngineOptions.MaxAnnotatedChars"/> (at least one).</summary>
    private List<(int Start, int End)> AnnotatedRanges(string text)
    {
        var ranges = DocumentParts.Split(text, Options.UnitChars);
        int keep = 1;
        while (keep < ranges.Count && ranges[keep].End <= Options.MaxAnnotatedChars) keep++;
        if (keep < ranges.Count) ranges.RemoveRange(keep, ranges.Count - keep);
        return ranges;
    }

    /// <summary>
    /// Runs the pipeline over an already cleaned document, within its time budget (<see cref="BudgetFor"/>): past it,
    /// a <see cref="BadInputException"/> names the budget. A text longer than <see cref="EngineOptions.UnitChars"/> is
    /// annotated in units (<see cref="DocumentParts"/>) on all cores, up to <see cref="EngineOptions.MaxAnnotatedChars"/>
    /// (see <see cref="PartialAnnotationNote"/>). Then its title is coded (see <see cref="AnnotateTitle"/>).
    /// </summary>
    public void Annotate(Document doc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doc);
        doc.Done |= Layers.Clean | Layers.Language;
        // No pipeline for the language: the cleaned text is kept (the cleaner flagged its language).
        if (PipelineFor(doc.Language) is not { } pipeline) return;
        var budget = BudgetFor(Math.Min(doc.Text.Length, Options.MaxAnnotatedChars));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget > TimeSpan.Zero) deadline.CancelAfter(budget);
        else deadline.Cancel();
        try
        {
            if (doc.Text.Length <= Options.UnitChars) pipeline.Process(doc, Options.Layers, deadline.Token, profile: Options.Profile);
            else AnnotateInUnits(pipeline, doc, deadline.Token);
            if ((Options.Layers & Layers.Events) != 0 && AnnotateTitle(doc, deadline.Token) is { } title)
            {
                // The headline's events come first, marked as the title's (their offsets point into the title).
                foreach (var e in title.Events) e.Section = EventSections.Title;
                doc.Events.InsertRange(0, title.Events);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BadInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"processing ran past its time budget ({budget.TotalSeconds:N0} s for {doc.Text.Length:N0} characters); not processed"));
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
        if (string.IsNullOrWhiteSpace(doc.Title) || PipelineFor(doc.Language) is not { } pipeline
            || (layers & Layers.Events) != 0 && (pipeline.Assigns & Layers.Events) == 0) return null;
        // A headline in capitals is annotated in ordinary case (same length: offsets stay those of the title).
        string text = Parley.Ingest.Cleaning.HeadlineCase.Normalize(doc.Title, IsName);
        var title = new Document(doc.Id + "#title", text) { Published = doc.Published, Title = null, Language = doc.Language };
        title.Done |= Layers.Clean | Layers.Language;
        pipeline.Process(title, layers, cancellationToken, profile: Options.Profile);
        return title;
    }

    /// <summary>Is the word a name the knowledge base knows (a country, place or actor)?</summary>
    private static bool IsName(string word)
    {
        try { return !KnowledgeBase.LoadDefault().LookupName(word).IsEmpty; }
        catch (Exception e) when (e is IOException or InvalidDataException) { return false; }
    }

    private void AnnotateInUnits(Pipeline pipeline, Document doc, CancellationToken cancellationToken)
    {
        var ranges = AnnotatedRanges(doc.Text);
        int degree = Options.Threads > 0 ? Options.Threads : Environment.ProcessorCount;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = degree };
        // A few units at a time, appended as soon as they are done: only a few units' layers exist twice at once.
        var parts = new Document[degree];
        for (int first = 0; first < ranges.Count; first += degree)
        {
            int count = Math.Min(degree, ranges.Count - first);
            try
            {
                Parallel.For(0, count, parallel, i =>
                {
                    var (start, end) = ranges[first + i];
                    var part = DocumentParts.Part(doc, start, end);
                    pipeline.Process(part, Options.Layers, cancellationToken, profile: Options.Profile);
                    parts[i] = part;
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                var failure = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
            if (first == 0)
            {
                // Size the token and sentence arrays once, from the first units' density, instead of doubling them.
                double share = (double)ranges[^1].End / ranges[count - 1].End;
                doc.EnsureCapacity((int)(parts.Take(count).Sum(p => p.TokenCount) * share * 1.05) + 16,
                    (int)(parts.Take(count).Sum(p => p.SentenceCount) * share * 1.05) + 16);
            }
            for (int i = 0; i < count; i++)
            {
                DocumentParts.Append(doc, parts[i], ranges[first + i].Start);
                parts[i] = null!; // its layers now live in the whole
            }
        }
        doc.Flags.Add($"units:{ranges.Count}");
        if (ranges[^1].End < doc.Text.Length) doc.Flags.Add($"annotated-to:{ranges[^1].End}");
    }
}
