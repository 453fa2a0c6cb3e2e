using Parley.Core;

namespace Parley.Engine.Tests;

/// <summary>
/// The toy component of docs/ARCHITECTURE.md ("add a component"): marks each word written in capitals ("NATO",
/// "UN") as a span labelled "caps". One class; its one registration is
/// <c>builder.Add(AllCapsMarker.Descriptor, _ => new AllCapsMarker())</c>.
/// </summary>
public sealed class AllCapsMarker : IPipelineComponent
{
    public const string Label = "caps";

    /// <summary>Reads the tokens, writes labelled spans.</summary>
    public static readonly ComponentDescriptor Descriptor = new("caps", requires: Layers.Tokens, assigns: Layers.Spans)
    {
        Summary = "marks words written in capitals",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Spans.RemoveAll(static m => m.Label == Label);
        foreach (ref readonly var t in doc.Tokens)
        {
            var word = doc.Text.AsSpan(t.Start, t.End - t.Start);
            int letters = 0;
            foreach (char c in word)
            {
                if (char.IsLower(c)) { letters = 0; break; }
                if (char.IsUpper(c)) letters++;
            }
            if (letters >= 2) doc.Spans.Add(new SpanMark { Start = t.Start, End = t.End, Text = word.ToString(), Label = Label });
        }
    }
}
