using Parley.Core;

namespace Parley.Nlp.Parsing;

/// <summary>Pipeline step that fills heads and relations of every sentence with a <see cref="DependencyParser"/>.</summary>
public sealed class ParserComponent : IPipelineComponent
{
    private readonly DependencyParser _parser;

    public ParserComponent(DependencyParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _parser = parser;
    }

    /// <summary>Loads the parser of an NLP model folder (e.g. models/nlp-en-ewt, whose parser/ subfolder holds parser.bin.gz).</summary>
    public static ParserComponent Load(string nlpModelDir) => new(DependencyParser.Load(Path.Combine(nlpModelDir, DependencyParser.Subfolder)));

    public DependencyParser Parser => _parser;
    public string Name => "parser";
    public Layers Reads => Layers.Tokens | Layers.Sentences | Layers.Tags | Layers.Lemmas;
    /// <summary>The parse, and the tags when the parser's network rewrites them (it reads the tagger's and corrects them).</summary>
    public Layers Writes => _parser.OutputsTags ? Layers.Parse | Layers.Tags : Layers.Parse;

    public void Process(Document doc, CancellationToken cancellationToken = default) => _parser.Parse(doc, cancellationToken);
}
