using Parley.Core;
using Parley.Engine;
using Parley.Events;

namespace Parley.Cli.Commands;

/// <summary>
/// Pipelines for the commands that run part of the NLP stages themselves (parse, ner, bench nlp): built by the same
/// builder from the same registrations as `code` and `ingest` (<see cref="StandardPipeline"/>), with a one-line error
/// when what the command needs is not installed.
/// </summary>
internal static class CommandPipelines
{
    /// <summary>
    /// The pipeline for <paramref name="wanted"/> from the standard registrations (or only <paramref name="only"/>), with
    /// <paramref name="configure"/> applied to the context (a model folder, a setting); null, after one line on
    /// <paramref name="stderr"/>, when a model cannot be loaded or a layer in <paramref name="required"/> cannot be computed.
    /// </summary>
    public static Pipeline? TryBuild(Layers wanted, Layers required, TextWriter stderr, Action<ComponentContext>? configure = null, params string[] only)
    {
        var missing = new List<string>();
        var context = StandardPipeline.Context(missing: missing);
        configure?.Invoke(context);
        var builder = only.Length == 0 ? StandardPipeline.Builder() : StandardPipeline.Builder().Only(only);
        Pipeline pipeline;
        try { pipeline = builder.Build(wanted, context); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"parley: model could not be loaded: {e.Message}");
            return null;
        }
        var lacking = required & ~pipeline.Assigns;
        if (lacking != Layers.None)
        {
            stderr.WriteLine($"parley: cannot compute {lacking}: {(missing.Count > 0 ? string.Join("; ", missing) : "no component assigns it")}");
            return null;
        }
        return pipeline;
    }

    /// <summary>
    /// The event coder as the pipeline makes it, for documents that bring every layer it reads (annotated CoNLL-U); null,
    /// after one line on <paramref name="stderr"/>, when this build has none.
    /// </summary>
    public static EventCoder? Coder(TextWriter stderr)
    {
        var coding = StandardPipeline.Builder().Only(EventComponents.CoderDescriptor.Name)
            .Build(Layers.Events, StandardPipeline.Context(), given: EventComponents.CoderDescriptor.Requires);
        var coder = coding.Find<EventCoder>();
        if (coder is null) stderr.WriteLine("parley: this build has no event coder");
        return coder;
    }
}
