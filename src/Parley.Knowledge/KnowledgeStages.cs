using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;

namespace Parley.Knowledge;

/// <summary>
/// The knowledge stages in their order: entity linking (after NER), geocoding, coreference. One knowledge base
/// (<see cref="KnowledgeBase.LoadDefault"/>) serves all three; the components are immutable and thread-safe.
/// </summary>
public static class KnowledgeStages
{
    /// <summary>Adds linker, geocoder and (when wanted) coreference to a pipeline being declared, after NER.</summary>
    public static PipelineBuilder AddKnowledge(this PipelineBuilder builder, KnowledgeBase kb, bool places = true, bool coreference = true)
    {
        builder.Add(new EntityLinker(kb));
        if (places) builder.Add(new Geocoder(kb));
        if (coreference) builder.Add(new CoreferenceResolver());
        return builder;
    }
}
