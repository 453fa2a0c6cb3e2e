using Parley.Core;
using Parley.Events;
using Parley.Events.Cameo;
using Parley.Events.Quotes;
using Parley.Knowledge;
using Parley.Knowledge.Dates;
using Parley.Knowledge.Kb;
using Parley.Nlp;
using Parley.Nlp.Ner;
using Parley.Nlp.Parsing;

namespace Parley.Engine;

/// <summary>
/// The declared order of Parley's stages. Each component writes one layer and reads earlier ones;
/// <see cref="PipelineBuilder"/> checks that order. A stage whose model or data is not installed is left
/// out (with a note from <see cref="Missing"/>), and the layers it would write stay empty.
/// </summary>
public static class DefaultPipeline
{
    /// <summary>Builds the pipeline for the wanted layers, loading only the models those layers need.</summary>
    public static Pipeline Build(Layers wanted, ICollection<string>? missing = null) => Build(wanted, null, missing);

    /// <summary>Builds the pipeline with the installation's models and, where <paramref name="data"/> gives them, other
    /// dictionaries (a construction suite's actors and verbs) in place of data/kb and data/cameo.</summary>
    public static Pipeline Build(Layers wanted, PipelineData? data, ICollection<string>? missing = null)
    {
        missing ??= [];
        var builder = new PipelineBuilder();
        bool Want(Layers l) => (Closure(wanted) & l) != 0;
        // The knowledge base (a quarter of a million places) loads on the other core while the models load.
        var kbLoad = Want(Layers.Entities) && data?.Knowledge is null ? Task.Run(KnowledgeBase.LoadDefault) : null;

        NlpModel? nlp = null;
        if (Want(Layers.Tokens | Layers.Sentences))
        {
            var folder = ModelLocator.FindModel(NlpModel.DefaultName);
            if (folder is null) missing.Add($"model {NlpModel.DefaultName} not installed: no sentences, tokens, tags or parses");
            else nlp = NlpModel.Load(folder);
        }
        if (nlp is null) return builder.Build();

        builder.Add(nlp.TokenizerComponent());
        if (Want(Layers.Tags | Layers.Lemmas)) builder.Add(nlp.TaggerComponent());
        if (Want(Layers.Parse))
        {
            if (nlp.Folder is { } folder && Directory.Exists(Path.Combine(folder, DependencyParser.Subfolder)))
                builder.Add(ParserComponent.Load(folder, nlp.TaggerComponent()));
            else missing.Add("dependency parser not installed: no parses, no events");
        }
        bool haveEntities = false;
        if (Want(Layers.Entities))
        {
            var ner = NerModel.LoadDefault();
            if (ner is null) missing.Add($"model {NerModel.DefaultName} not installed: no entities");
            else { builder.Add(new NerComponent(ner)); haveEntities = true; }
        }
        if (haveEntities && Want(Layers.Entities))
        {
            KnowledgeBase? kb = null;
            try { kb = data?.Knowledge ?? kbLoad!.GetAwaiter().GetResult(); }
            catch (Exception e) when (e is IOException or InvalidDataException) { missing.Add($"knowledge base not installed ({e.Message}): entities are not linked, no places"); }
            if (kb is not null) builder.AddKnowledge(kb, places: Want(Layers.Places), coreference: Want(Layers.Coreference));
        }
        if (Want(Layers.Dates)) builder.Add(new DateResolver());
        if (haveEntities && Want(Layers.Quotes)) builder.Add(new QuoteExtractor());
        if (haveEntities && Want(Layers.Events) && Has(builder, Layers.Parse)) builder.Add(new EventCoder(data?.Cameo ?? CameoData.Shared, data?.Coder));
        var pipeline = builder.Build();
        // Closure decides which models to load before any component exists; the components then declare what
        // they read. If a component comes to read a layer Closure does not know of, fail here, at start-up,
        // rather than silently leaving that layer uncomputed.
        var declared = pipeline.Closure(wanted) & ~(Layers.Clean | Layers.Language);
        var undeclared = declared & ~Closure(wanted);
        if (undeclared != Layers.None)
            throw new InvalidOperationException($"DefaultPipeline.Closure misses {undeclared}, which the components read for {wanted}.");
        return pipeline;
    }

    /// <summary>The layers needed to compute <paramref name="wanted"/>, by the fixed dependencies of the stages.</summary>
    internal static Layers Closure(Layers wanted)
    {
        var l = wanted;
        if ((l & Layers.Events) != 0) l |= Layers.Parse | Layers.Entities | Layers.Places | Layers.Dates | Layers.Coreference | Layers.Quotes;
        if ((l & Layers.Quotes) != 0) l |= Layers.Entities | Layers.Coreference;
        if ((l & Layers.Coreference) != 0) l |= Layers.Entities | Layers.Parse;
        if ((l & Layers.Places) != 0) l |= Layers.Entities;
        if ((l & (Layers.Entities | Layers.Dates)) != 0) l |= Layers.Tags;
        if ((l & Layers.Parse) != 0) l |= Layers.Tags | Layers.Lemmas;
        if ((l & (Layers.Tags | Layers.Lemmas)) != 0) l |= Layers.Tokens;
        if ((l & Layers.Tokens) != 0) l |= Layers.Sentences;
        if ((l & Layers.Sentences) != 0) l |= Layers.Tokens;
        return l;
    }

    private static bool Has(PipelineBuilder builder, Layers layer) => builder.Writes(layer);
}

/// <summary>Dictionaries that replace the installation's own in a pipeline (null: the installed ones).</summary>
public sealed record PipelineData
{
    public KnowledgeBase? Knowledge { get; init; }
    public CameoData? Cameo { get; init; }
    public CoderOptions? Coder { get; init; }
}
