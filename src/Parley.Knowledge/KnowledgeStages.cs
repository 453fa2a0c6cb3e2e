using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Dates;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;

namespace Parley.Knowledge;

/// <summary>
/// How the pipeline builder makes the knowledge stages: entity linking (after NER), geocoding and coreference, which
/// share one knowledge base (<see cref="KnowledgeBase.LoadDefault"/>, or one set under <see cref="KnowledgeBaseKey"/>),
/// and date resolution. The components are immutable and thread-safe.
/// </summary>
public static class KnowledgeStages
{
    /// <summary>Context key of the knowledge base (set it to use another, as the construction suites do).</summary>
    public const string KnowledgeBaseKey = "knowledge-base";
    private const string MissingKey = KnowledgeBaseKey + ":missing";

    /// <summary>Registers linker, geocoder and coreference (after NER). The knowledge base starts loading on another core
    /// as soon as a pipeline needs it, while the models load.</summary>
    public static PipelineBuilder AddKnowledge(this PipelineBuilder builder) => builder
        .Add(EntityLinker.Descriptor, ctx => KnowledgeBaseOf(ctx) is { } kb ? new EntityLinker(kb, ctx.Language) : null, Preload)
        .Add(Geocoder.Descriptor, ctx => KnowledgeBaseOf(ctx) is { } kb ? new Geocoder(kb, ctx.Language) : null, Preload)
        .Add(CoreferenceResolver.Descriptor, ctx => KnowledgeBaseOf(ctx) is not null ? new CoreferenceResolver(ctx.Language) : null);

    /// <summary>Registers date resolution.</summary>
    public static PipelineBuilder AddDates(this PipelineBuilder builder) =>
        builder.Add(DateResolver.Descriptor, ctx => new DateResolver(ctx.Language));

    private static void Preload(ComponentContext context) => context.Preload(KnowledgeBaseKey, KnowledgeBase.LoadDefault);

    /// <summary>The context's knowledge base; null (noted once) when it is not installed.</summary>
    private static KnowledgeBase? KnowledgeBaseOf(ComponentContext context)
    {
        if (context.TryGet<string>(MissingKey, out _)) return null;
        try { return context.Get(KnowledgeBaseKey, KnowledgeBase.LoadDefault); }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            context.Missing.Add($"knowledge base not installed ({e.Message}): entities are not linked, no places");
            context.Set(MissingKey, e.Message);
            return null;
        }
    }
}
