using Parley.Core;
using Parley.Events.Cameo;
using Parley.Events.Quotes;

namespace Parley.Events;

/// <summary>How the pipeline builder makes the event stages: quotations, then the event coder.</summary>
public static class EventComponents
{
    /// <summary>Context key of the <see cref="CameoData"/> the coder uses (default: the installation's data/cameo).</summary>
    public const string CameoKey = "cameo";
    /// <summary>Context key of the <see cref="CoderOptions"/> (default: Parley's conventions).</summary>
    public const string CoderOptionsKey = "coder-options";

    /// <summary>
    /// The event coder's contract: it reads every earlier layer (places and dates for an event's where and when,
    /// coreference and quotations for its actors) and writes the events.
    /// </summary>
    public static readonly ComponentDescriptor CoderDescriptor = new("events",
        Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Lemmas | Layers.Parse | Layers.Entities
        | Layers.Places | Layers.Dates | Layers.Coreference | Layers.Quotes, Layers.Events)
    {
        Summary = "political events in CAMEO and PLOVER, each with its sentence and rule",
    };

    /// <summary>Registers quotation and speaker finding.</summary>
    public static PipelineBuilder AddQuotes(this PipelineBuilder builder) =>
        builder.Add(QuoteExtractor.Descriptor, ctx => new QuoteExtractor(ctx.Language));

    /// <summary>Registers the event coder.</summary>
    public static PipelineBuilder AddEvents(this PipelineBuilder builder) => builder.Add(CoderDescriptor, CreateCoder);

    private static EventCoder CreateCoder(ComponentContext context)
    {
        var cameo = context.TryGet<CameoData>(CameoKey, out var data) ? data : CameoData.Shared;
        var coder = new EventCoder(cameo, context.TryGet<CoderOptions>(CoderOptionsKey, out var options) ? options : null);
        // The coder also states what it reads in its own Reads/Writes properties; they must say what the descriptor says.
        if (coder.Reads != CoderDescriptor.Requires || coder.Writes != CoderDescriptor.Assigns)
            throw new InvalidOperationException(
                $"EventCoder reads {coder.Reads} and writes {coder.Writes}, but its descriptor (EventComponents.CoderDescriptor) says {CoderDescriptor.Requires} and {CoderDescriptor.Assigns}: update the descriptor.");
        return coder;
    }
}
