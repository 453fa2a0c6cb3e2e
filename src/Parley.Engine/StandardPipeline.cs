using Parley.Core;
using Parley.Events;
using Parley.Events.Cameo;
using Parley.Knowledge;
using Parley.Knowledge.Kb;
using Parley.Nlp;

namespace Parley.Engine;

/// <summary>
/// Parley's stages in run order, one registration each: the list every command that runs NLP builds its pipeline from
/// (code, ingest, serve, worker, parse, ner, explain, eval, bench). What each reads and writes is its descriptor; the
/// builder loads only the stages the wanted layers need. A stage whose model or data is not installed is left out with
/// a note, and the layers it would write stay empty. To add a component, write its class (with a
/// <see cref="ComponentDescriptor"/>) and register it here where it runs (docs/ARCHITECTURE.md).
/// </summary>
public static class StandardPipeline
{
    /// <summary>The registrations of every stage, in run order.</summary>
    public static PipelineBuilder Builder() => new PipelineBuilder()
        .AddNlp()        // tokenizer, tagger, parser
        .AddNer()        // ner
        .AddKnowledge()  // linker, geocoder, coref
        .AddDates()      // dates
        .AddQuotes()     // quotes
        .AddEvents();    // events

    /// <summary>A context for building a pipeline of <paramref name="language"/>, with <paramref name="data"/>'s dictionaries in place of the installed ones.</summary>
    public static ComponentContext Context(string language = LanguageData.DefaultCode, PipelineData? data = null, ICollection<string>? missing = null)
    {
        var context = new ComponentContext(LanguageData.Get(language), missing);
        if (data?.Knowledge is { } kb) context.Set(KnowledgeStages.KnowledgeBaseKey, kb);
        if (data?.Cameo is { } cameo) context.Set(EventComponents.CameoKey, cameo);
        if (data?.Coder is { } coder) context.Set(EventComponents.CoderOptionsKey, coder);
        return context;
    }

    /// <summary>The English pipeline for the wanted layers, loading only the models those layers need.</summary>
    public static Pipeline Build(Layers wanted, ICollection<string>? missing = null) => Builder().Build(wanted, Context(missing: missing));

    /// <summary>The pipeline of <paramref name="language"/> for the wanted layers, with <paramref name="data"/>'s dictionaries
    /// (a construction suite's actors and verbs) in place of data/kb and data/cameo.</summary>
    public static Pipeline Build(Layers wanted, string language, PipelineData? data, ICollection<string>? missing = null) =>
        Builder().Build(wanted, Context(language, data, missing));
}

/// <summary>Dictionaries that replace the installation's own in a pipeline (null: the installed ones).</summary>
public sealed record PipelineData
{
    public KnowledgeBase? Knowledge { get; init; }
    public CameoData? Cameo { get; init; }
    public CoderOptions? Coder { get; init; }
}
