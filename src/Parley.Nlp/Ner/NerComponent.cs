using System.Buffers;
using Parley.Core;

namespace Parley.Nlp.Ner;

/// <summary>
/// Pipeline component: tags the document's tokens (sentence by sentence, with document-level features) and adds
/// one <see cref="EntityMention"/> per entity to <see cref="Document.Entities"/> (character offsets, text, type;
/// Via = "ner"; name, knowledge-base id and actor are left for linking). Thread-safe: the model is immutable.
/// </summary>
public sealed class NerComponent : IPipelineComponent
{
    private readonly NerModel _model;
    private readonly NerDomain _domain;

    public NerComponent(NerModel model, NerDomain domain = NerDomain.News)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _domain = domain;
    }

    /// <summary>The component with the default model (models/ner-en); throws when the model is not installed.</summary>
    public static NerComponent CreateDefault() =>
        new(NerModel.LoadDefault() ?? throw new FileNotFoundException($"model '{NerModel.DefaultName}' not found (PARLEY_MODELS or models/)"));

    public static readonly ComponentDescriptor Descriptor = new("ner", Layers.Tokens | Layers.Sentences, Layers.Entities)
    {
        Summary = "named entities PER, ORG, LOC, MISC (structured perceptron)",
    };

    public string Name => Descriptor.Name;
    public NerModel Model => _model;

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        doc.Entities.RemoveAll(e => e.Via == "ner");
        int n = doc.TokenCount;
        if (n == 0) return;
        var tokens = doc.Tokens;
        var spans = ArrayPool<(int, int)>.Shared.Rent(n);
        var labels = ArrayPool<int>.Shared.Rent(n);
        var ends = ArrayPool<int>.Shared.Rent(Math.Max(1, doc.SentenceCount + 1));
        try
        {
            for (int i = 0; i < n; i++) spans[i] = (tokens[i].Start, tokens[i].End);
            int sentences = 0;
            foreach (ref readonly var s in doc.Sentences)
            {
                int end = Math.Min(s.EndToken, n);
                if (end > (sentences == 0 ? 0 : ends[sentences - 1])) ends[sentences++] = end;
            }
            if (sentences == 0 || ends[sentences - 1] < n) ends[sentences++] = n;
            cancellationToken.ThrowIfCancellationRequested();
            _model.PredictSpans(doc.Text, spans.AsSpan(0, n), ends.AsSpan(0, sentences), labels.AsSpan(0, n), _domain);
            foreach (var (first, last, type) in NerLabels.Spans(labels.AsSpan(0, n)))
            {
                int start = tokens[first].Start, stop = tokens[last - 1].End;
                doc.Entities.Add(new EntityMention
                {
                    Start = start,
                    End = stop,
                    Text = doc.Text[start..stop],
                    Type = NerLabels.Types[type],
                    Via = "ner",
                });
            }
        }
        finally
        {
            ArrayPool<(int, int)>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(labels);
            ArrayPool<int>.Shared.Return(ends);
        }
    }
}
