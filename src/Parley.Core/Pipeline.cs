namespace Parley.Core;

/// <summary>
/// What a pipeline component reads and writes, known before its model loads (as spaCy's factories declare
/// <c>requires</c> and <c>assigns</c>). The one declaration of a component's contract: <see cref="PipelineBuilder"/>
/// derives from descriptors alone which components a set of wanted layers needs, checks that each reads only what an
/// earlier one writes, and loads only those; a test runs every component on a real document and checks that it
/// touches only the layers its descriptor names.
/// </summary>
public sealed record ComponentDescriptor
{
    public ComponentDescriptor(string name, Layers requires, Layers assigns, Layers amends = Layers.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (assigns == Layers.None) throw new ArgumentException($"component '{name}' assigns no layer", nameof(assigns));
        if ((amends & assigns) != 0) throw new ArgumentException($"component '{name}' both assigns and amends {amends & assigns}", nameof(amends));
        Name = name;
        Requires = requires;
        Assigns = assigns;
        Amends = amends;
    }

    /// <summary>Short stable name, e.g. "tokenizer", "tagger", "parser", "ner".</summary>
    public string Name { get; }

    /// <summary>The layers the component reads; earlier components must assign them.</summary>
    public Layers Requires { get; }

    /// <summary>The layers the component computes: it runs whenever one of them is wanted or needed by a later component.</summary>
    public Layers Assigns { get; }

    /// <summary>
    /// Layers an earlier component assigns that this one may rewrite in part (the parser's network corrects the tagger's
    /// tags; the geocoder links place entities). Wanting only these does not run the component.
    /// </summary>
    public Layers Amends { get; }

    /// <summary>Every layer the component may change.</summary>
    public Layers Writes => Assigns | Amends;

    /// <summary>What the component does, in a few words (for `parley` messages and docs).</summary>
    public string? Summary { get; init; }
}

/// <summary>
/// One step of the pipeline. A component is immutable after construction and thread-safe: one instance serves every
/// thread. What it reads and writes is declared once, in its <see cref="ComponentDescriptor"/>.
/// </summary>
public interface IPipelineComponent
{
    /// <summary>The name of its descriptor.</summary>
    string Name { get; }
    void Process(Document doc, CancellationToken cancellationToken = default);
}

/// <summary>A component of a built pipeline with the descriptor it was registered under.</summary>
public readonly record struct PipelineStep(ComponentDescriptor Descriptor, IPipelineComponent Component);

/// <summary>A frozen, ordered list of components shared by all threads.</summary>
public sealed class Pipeline
{
    private readonly PipelineStep[] _steps;

    internal Pipeline(PipelineStep[] steps, string language)
    {
        _steps = steps;
        Language = language;
        foreach (var s in steps) Assigns |= s.Descriptor.Assigns;
    }

    /// <summary>The language the pipeline's models and word data are for.</summary>
    public string Language { get; }

    public IReadOnlyList<PipelineStep> Steps => _steps;

    public IEnumerable<IPipelineComponent> Components => _steps.Select(s => s.Component);

    /// <summary>Every layer some component of the pipeline computes.</summary>
    public Layers Assigns { get; }

    /// <summary>The first component of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>() where T : class, IPipelineComponent
    {
        foreach (var s in _steps) if (s.Component is T t) return t;
        return null;
    }

    /// <summary>
    /// Runs, in declared order, every component that assigns a wanted layer or one a later needed component requires.
    /// Components that assign only layers in <paramref name="given"/> (layers the document brings, such as the gold
    /// tokens of a treebank) are skipped. With a <paramref name="profile"/>, each component's time is added to it.
    /// </summary>
    public void Process(Document doc, Layers wanted = Layers.All, CancellationToken cancellationToken = default, Layers given = Layers.None,
        PipelineProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        Layers needed = Closure(wanted);
        foreach (var step in _steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var assigns = step.Descriptor.Assigns;
            if ((assigns & needed) == 0 || (assigns & ~given) == 0) continue;
            if (profile is null) step.Component.Process(doc, cancellationToken);
            else
            {
                var start = PipelineProfile.Start();
                step.Component.Process(doc, cancellationToken);
                profile.Add(step.Descriptor.Name, start);
            }
            doc.Done |= assigns;
        }
    }

    /// <summary>The layers wanted plus everything they are computed from, by the descriptors of this pipeline's components.</summary>
    public Layers Closure(Layers wanted) => PipelineBuilder.Closure(_steps.Select(s => s.Descriptor), wanted);
}

/// <summary>A component the builder can make: its descriptor, the factory that loads it, and what it may start loading early.</summary>
public sealed record ComponentRegistration(
    ComponentDescriptor Descriptor,
    Func<ComponentContext, IPipelineComponent?> Create,
    Action<ComponentContext>? Prepare = null);

/// <summary>
/// Declares a pipeline: components in run order, each with its descriptor and a factory. <see cref="Build"/> takes the
/// layers wanted, derives from the descriptors which components they need (before any model loads), checks the order
/// and makes only those components. A factory that returns null leaves its component out (its model is not installed:
/// it says why in <see cref="ComponentContext.Missing"/>), and so are the components that need a layer only it assigns.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<ComponentRegistration> _registrations = [];

    public IReadOnlyList<ComponentRegistration> Registrations => _registrations;

    public IEnumerable<ComponentDescriptor> Descriptors => _registrations.Select(r => r.Descriptor);

    /// <summary>Registers a component made by <paramref name="create"/> when a pipeline needs it (null: not installed).</summary>
    public PipelineBuilder Add(ComponentDescriptor descriptor, Func<ComponentContext, IPipelineComponent?> create, Action<ComponentContext>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(create);
        if (_registrations.Exists(r => r.Descriptor.Name == descriptor.Name))
            throw new InvalidOperationException($"Pipeline component '{descriptor.Name}' is registered twice.");
        _registrations.Add(new ComponentRegistration(descriptor, create, prepare));
        return this;
    }

    /// <summary>Registers a component already made.</summary>
    public PipelineBuilder Add(ComponentDescriptor descriptor, IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Add(descriptor, _ => component);
    }

    /// <summary>A builder with only the named components of this one (in this one's order), e.g. "tokenizer" and "ner" for `parley ner`.</summary>
    public PipelineBuilder Only(params string[] names)
    {
        var only = new PipelineBuilder();
        foreach (var name in names)
            if (!_registrations.Exists(r => r.Descriptor.Name == name)) throw new ArgumentException($"no pipeline component '{name}'", nameof(names));
        foreach (var r in _registrations)
            if (Array.IndexOf(names, r.Descriptor.Name) >= 0) only._registrations.Add(r);
        return only;
    }

    /// <summary>The layers needed to compute <paramref name="wanted"/> with these components, from their descriptors alone.</summary>
    public Layers Closure(Layers wanted) => Closure(Descriptors, wanted);

    /// <summary>
    /// Checks the declared order: each component requires and amends only layers that an earlier component assigns, the
    /// cleaner wrote (<see cref="Layers.Clean"/>, <see cref="Layers.Language"/>) or the documents bring
    /// (<paramref name="given"/>). Throws naming the component otherwise.
    /// </summary>
    public void Check(Layers given = Layers.None)
    {
        Layers written = Layers.Clean | Layers.Language | given;
        foreach (var r in _registrations)
        {
            var d = r.Descriptor;
            var missing = (d.Requires | d.Amends) & ~written;
            if (missing != Layers.None)
                throw new InvalidOperationException($"Pipeline component '{d.Name}' reads {missing}, which no earlier component writes.");
            written |= d.Assigns;
        }
    }

    /// <summary>
    /// Makes the components <paramref name="wanted"/> needs, in order (see the class summary). Components whose factory
    /// returns null are left out, and so are those needing a layer that no component made assigns. A pipeline for
    /// documents that bring some layers (a treebank's tokens, an annotated CoNLL-U file) names them in
    /// <paramref name="given"/>; they must then be given to <see cref="Pipeline.Process"/> too.
    /// </summary>
    public Pipeline Build(Layers wanted = Layers.All, ComponentContext? context = null, Layers given = Layers.None)
    {
        Check(given);
        context ??= new ComponentContext(LanguageData.Default);
        Layers needed = Closure(wanted);
        var chosen = _registrations.Where(r => (r.Descriptor.Assigns & needed) != 0 && (r.Descriptor.Assigns & ~given) != 0).ToList();
        // Slow loads (the knowledge base) start on another core while the earlier components load.
        foreach (var r in chosen) r.Prepare?.Invoke(context);
        var steps = new List<PipelineStep>();
        Layers available = Layers.Clean | Layers.Language | given;
        foreach (var r in chosen)
        {
            var d = r.Descriptor;
            if ((d.Requires & ~available) != 0) continue;
            var component = r.Create(context);
            if (component is null) continue;
            if (component.Name != d.Name)
                throw new InvalidOperationException($"Pipeline component '{component.Name}' was registered as '{d.Name}'.");
            steps.Add(new PipelineStep(d, component));
            available |= d.Assigns;
        }
        return new Pipeline([.. steps], context.Language.Code);
    }

    internal static Layers Closure(IEnumerable<ComponentDescriptor> descriptors, Layers wanted)
    {
        // In run order every requirement is assigned earlier, so one pass from the end reaches the fixed point.
        var list = descriptors as IList<ComponentDescriptor> ?? [.. descriptors];
        Layers needed = wanted;
        for (int i = list.Count - 1; i >= 0; i--)
            if ((list[i].Assigns & needed) != 0) needed |= list[i].Requires;
        return needed;
    }
}

/// <summary>
/// What component factories receive when a pipeline is built: the language's data, model folders, resources shared by
/// several components (one NLP model serves tokenizer, tagger and parser; one knowledge base the linker and the
/// geocoder), settings for components, and the list of stages left out because something is not installed.
/// One context builds one pipeline, on one thread (resources it preloads load on another).
/// </summary>
public sealed class ComponentContext
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<object>> _loading = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _modelFolders = new(StringComparer.Ordinal);

    public ComponentContext(LanguageData language, ICollection<string>? missing = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        Language = language;
        Missing = missing ?? [];
    }

    /// <summary>The language's word data (data/lang/CODE).</summary>
    public LanguageData Language { get; }

    /// <summary>One line per stage left out because its model or data is not installed.</summary>
    public ICollection<string> Missing { get; }

    /// <summary>Sets a value (a resource made elsewhere, or a component setting) under <paramref name="key"/>.</summary>
    public ComponentContext Set<T>(string key, T value) where T : notnull
    {
        _values[key] = value;
        return this;
    }

    /// <summary>The value set or loaded under <paramref name="key"/>, if any.</summary>
    public bool TryGet<T>(string key, out T value)
    {
        if (!_values.TryGetValue(key, out var v) && _loading.Remove(key, out var task))
        {
            // A failed preload throws here, where the component that needs it is made, as a load on this thread would.
            v = task.GetAwaiter().GetResult();
            _values[key] = v;
        }
        value = v is null ? default! : (T)v;
        return v is not null;
    }

    /// <summary>The resource under <paramref name="key"/>: set, preloaded, or loaded now by <paramref name="load"/> and kept for the other components.</summary>
    public T Get<T>(string key, Func<T> load) where T : class
    {
        if (TryGet<T>(key, out var value)) return value;
        var loaded = load();
        _values[key] = loaded;
        return loaded;
    }

    /// <summary>Starts loading a resource on the thread pool, unless it is set or loading already; <see cref="Get"/> waits for it.</summary>
    public void Preload<T>(string key, Func<T> load) where T : class
    {
        if (_values.ContainsKey(key) || _loading.ContainsKey(key)) return;
        _loading[key] = Task.Run(() => (object)load());
    }

    /// <summary>Uses <paramref name="folder"/> as the model of <paramref name="role"/> ("nlp", "ner") instead of the language's.</summary>
    public ComponentContext UseModel(string role, string folder)
    {
        _modelFolders[role] = folder;
        return this;
    }

    /// <summary>
    /// The model folder of <paramref name="role"/>: one given by <see cref="UseModel"/>, else the language's model of that
    /// role (data/lang/CODE/models.tsv) found by <see cref="ModelLocator"/>; null when not installed.
    /// </summary>
    public string? ModelFolder(string role)
    {
        if (_modelFolders.TryGetValue(role, out var folder)) return folder;
        return Language.ModelName(role) is { } name ? ModelLocator.FindModel(name) : null;
    }

    /// <summary>The model name of <paramref name="role"/> for messages ("nlp-en-ewt"), or the role itself.</summary>
    public string ModelName(string role) =>
        _modelFolders.TryGetValue(role, out var folder) ? folder : Language.ModelName(role) ?? role;
}
