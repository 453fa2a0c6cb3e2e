using Parley.Core;

namespace Parley.Nlp.Parsing;

/// <summary>Pipeline step that fills heads and relations of every sentence with a <see cref="DependencyParser"/>.</summary>
public sealed class ParserComponent : IPipelineComponent
{
    private readonly DependencyParser _parser;
    private readonly Action<Document, int>? _reanalyse;

    /// <param name="parser">The parser.</param>
    /// <param name="analyses">The tagger step whose features and lemmas are recomputed for the tokens whose tags the parser's network corrects.</param>
    public ParserComponent(DependencyParser parser, Tagging.TaggerComponent? analyses = null)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
        _reanalyse = analyses is null ? null : analyses.Reanalyse;
    }

    /// <summary>Loads the parser of an NLP model folder (e.g. models/nlp-en-ewt, whose parser/ subfolder holds parser.bin.gz).</summary>
    public static ParserComponent Load(string nlpModelDir, Tagging.TaggerComponent? analyses = null) =>
        new(DependencyParser.LoadForParsing(Path.Combine(nlpModelDir, DependencyParser.Subfolder), null), analyses);

    public DependencyParser Parser => _parser;
    /// <summary>The parse; the tags too when the parser's network rewrites them (it reads the tagger's and corrects them), and
    /// then the features and lemmas of the corrected words.</summary>
    public static readonly ComponentDescriptor Descriptor = new("parser", Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Lemmas, Layers.Parse, amends: Layers.Tags | Layers.Lemmas)
    {
        Summary = "dependency heads and relations (BiLSTM arc-hybrid parser), correcting tags",
    };

    public string Name => Descriptor.Name;

    public void Process(Document doc, CancellationToken cancellationToken = default) => _parser.Parse(doc, cancellationToken, _reanalyse);
}
