namespace Parley.Core;

/// <summary>
/// One step of the pipeline. A component is immutable after construction and thread-safe:
/// one instance serves every thread. It reads some layers of a document and writes one (or a few).
/// </summary>
public interface IPipelineComponent
{
    /// <summary>Short stable name, e.g. "tokenizer", "tagger", "parser", "ner".</summary>
    string Name { get; }
    Layers Reads { get; }
    Layers Writes { get; }
    void Process(Document doc, CancellationToken cancellationToken = default);
}

/// <summary>A frozen, ordered list of components shared by all threads.</summary>
public sealed class Pipeline
{
    private readonly IPipelineComponent[] _components;

    internal Pipeline(IPipelineComponent[] components) => _components = components;

    public IReadOnlyList<IPipelineComponent> Components => _components;

    /// <summary>Runs every component whose output is wanted (or needed by a wanted one) in declared order.</summary>
    public void Process(Document doc, Layers wanted = Layers.All, CancellationToken cancellationToken = default)
    {
        Layers needed = Closure(wanted);
        foreach (var component in _components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((component.Writes & needed) == 0) continue;
            component.Process(doc, cancellationToken);
            doc.Done |= component.Writes;
        }
    }

    /// <summary>The layers wanted plus everything they are computed from.</summary>
    public Layers Closure(Layers wanted)
    {
        Layers needed = wanted;
        for (int i = _components.Length - 1; i >= 0; i--)
        {
            if ((_components[i].Writes & needed) != 0) needed |= _components[i].Reads;
        }
        return needed;
    }
}

/// <summary>Declares a pipeline: components in order, each checked to have its inputs written before it.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineComponent> _components = [];

    public PipelineBuilder Add(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    /// <summary>True when a component added so far writes <paramref name="layer"/>.</summary>
    public bool Writes(Layers layer)
    {
        foreach (var c in _components) if ((c.Writes & layer) != 0) return true;
        return false;
    }

    public Pipeline Build()
    {
        Layers written = Layers.Clean | Layers.Language;
        foreach (var c in _components)
        {
            var missing = c.Reads & ~written;
            if (missing != Layers.None)
                throw new InvalidOperationException($"Pipeline component '{c.Name}' reads {missing}, which no earlier component writes.");
            written |= c.Writes;
        }
        return new Pipeline([.. _components]);
    }
}
