using Parley.Core;
using Parley.Knowledge.Linking;

namespace Parley.Engine.Tests;

/// <summary>
/// Each standard component keeps to its <see cref="ComponentDescriptor"/>: run one by one over the bundled samples, a
/// component changes no layer outside its assigns and amends, it changes (on some sample) every layer it assigns, and
/// what it writes is the same when the earlier layers it does not declare are wiped (it reads only what it requires).
/// The pipeline builder derives which components run from the descriptors alone, so a descriptor that says less than
/// the code does would silently leave a layer stale or empty.
/// </summary>
public sealed class ComponentContractTests
{
    private static readonly Lazy<(ParleyEngine Engine, List<Document> Documents)> Data = new(() =>
    {
        var engine = ParleyEngine.Create(new EngineOptions { Layers = Layers.All });
        return (engine, Samples.CleanDocuments(engine).ToList());
    });

    private static Pipeline Standard()
    {
        var (engine, _) = Data.Value;
        Assert.True(engine.MissingStages.Count == 0, "a standard stage is not installed: " + string.Join("; ", engine.MissingStages));
        var pipeline = engine.Pipeline;
        Assert.Equal(StandardPipeline.Builder().Descriptors.Select(d => d.Name), pipeline.Steps.Select(s => s.Descriptor.Name));
        return pipeline;
    }

    /// <summary>Clean copies of the samples (the runs below write into them).</summary>
    private static List<Document> Documents() => [.. Data.Value.Documents.Select(Copy)];

    [Fact]
    public void Each_component_changes_only_the_layers_its_descriptor_declares_and_every_layer_it_assigns()
    {
        var pipeline = Standard();
        var documents = Documents();
        Assert.True(documents.Count >= 10, $"only {documents.Count} sample documents");
        var seen = pipeline.Steps.ToDictionary(s => s.Descriptor.Name, _ => Layers.None);
        var problems = new List<string>();
        foreach (var doc in documents)
        {
            doc.Done |= Layers.Clean | Layers.Language;
            foreach (var (descriptor, component) in pipeline.Steps)
            {
                var before = LayerSnapshot.Of(doc);
                component.Process(doc);
                doc.Done |= descriptor.Assigns;
                var changed = LayerSnapshot.Changed(before, LayerSnapshot.Of(doc));
                seen[descriptor.Name] |= changed;
                if ((changed & ~descriptor.Writes) != 0)
                    problems.Add($"{descriptor.Name} changed {changed & ~descriptor.Writes} of {doc.Id}, which its descriptor does not declare (writes {descriptor.Writes})");
            }
        }
        foreach (var (descriptor, _) in pipeline.Steps)
            if ((descriptor.Assigns & ~seen[descriptor.Name]) is var never and not Layers.None)
                problems.Add($"{descriptor.Name} assigns {never} but changed it on none of the {documents.Count} samples");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Each_component_writes_the_same_when_the_earlier_layers_it_does_not_require_are_wiped()
    {
        var pipeline = Standard();
        var problems = new List<string>();
        foreach (var doc in Documents())
        {
            doc.Done |= Layers.Clean | Layers.Language;
            foreach (var (descriptor, component) in pipeline.Steps)
            {
                var unread = doc.Done & ~(descriptor.Requires | descriptor.Writes | Layers.Clean | Layers.Language);
                if (unread != Layers.None)
                {
                    var wiped = Copy(doc);
                    Wipe(wiped, unread);
                    component.Process(wiped);
                    var full = Copy(doc);
                    component.Process(full);
                    var a = LayerSnapshot.Of(full);
                    var b = LayerSnapshot.Of(wiped);
                    foreach (var layer in LayerSnapshot.Each)
                        if ((layer & descriptor.Writes) != 0 && a[layer] != b[layer])
                            problems.Add($"{descriptor.Name} writes another {layer} on {doc.Id} without {unread}, which it does not declare it reads");
                }
                component.Process(doc);
                doc.Done |= descriptor.Assigns;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>A deep copy, through the document serializer.</summary>
    private static Document Copy(Document doc) => DocumentCodec.Decode(new DocumentCodec().Encode(doc));

    /// <summary>Empties <paramref name="layers"/> as they were before any component wrote them.</summary>
    private static void Wipe(Document doc, Layers layers)
    {
        foreach (ref var t in doc.TokensMutable)
        {
            if ((layers & Layers.Tags) != 0) { t.Upos = UPos.None; t.Xpos = 0; t.Feats = 0; }
            if ((layers & Layers.Lemmas) != 0) t.Lemma = 0;
            if ((layers & Layers.Parse) != 0) { t.Head = -1; t.Deprel = 0; }
        }
        if ((layers & Layers.Coreference) != 0)
        {
            doc.Entities.RemoveAll(MentionKinds.IsCoreferent);
            foreach (var e in doc.Entities) e.Cluster = -1;
        }
        if ((layers & Layers.Entities) != 0) doc.Entities.Clear();
        if ((layers & Layers.Places) != 0) doc.Places.Clear();
        if ((layers & Layers.Dates) != 0) doc.Dates.Clear();
        if ((layers & Layers.Quotes) != 0) doc.Quotes.Clear();
        if ((layers & Layers.Events) != 0) doc.Events.Clear();
        if ((layers & Layers.Spans) != 0) doc.Spans.Clear();
        doc.Done &= ~layers;
    }
}
