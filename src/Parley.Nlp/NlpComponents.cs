using Parley.Core;
using Parley.Nlp.Ner;
using Parley.Nlp.Parsing;
using Parley.Nlp.Tagging;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp;

/// <summary>
/// How the pipeline builder makes the NLP stages from a language's models (data/lang/CODE/models.tsv): the tokenizer,
/// tagger and parser share one NLP model (role "nlp"), NER has its own (role "ner"). A stage whose model is not
/// installed is left out with a note in <see cref="ComponentContext.Missing"/>.
/// </summary>
public static class NlpComponents
{
    /// <summary>The model role of the tokenizer, tagger and parser (e.g. models/nlp-en-ewt).</summary>
    public const string NlpRole = "nlp";
    /// <summary>The model role of named entities (e.g. models/ner-en).</summary>
    public const string NerRole = "ner";
    /// <summary>Setting: the <see cref="NerDomain"/> NER tags for (news by default).</summary>
    public const string NerDomainSetting = "ner.domain";

    private const string NlpModelKey = "model:" + NlpRole;
    private const string NlpMissingKey = NlpModelKey + ":missing";

    /// <summary>Registers tokenizer, tagger and parser.</summary>
    public static PipelineBuilder AddNlp(this PipelineBuilder builder) => builder
        .Add(TokenizerComponent.Descriptor, ctx => NlpModelOf(ctx)?.TokenizerComponent())
        .Add(TaggerComponent.Descriptor, ctx => NlpModelOf(ctx)?.TaggerComponent())
        .Add(ParserComponent.Descriptor, CreateParser);

    /// <summary>Registers named-entity recognition.</summary>
    public static PipelineBuilder AddNer(this PipelineBuilder builder) => builder.Add(NerComponent.Descriptor, CreateNer);

    /// <summary>The context's NLP model, loaded once for all three stages; null (noted once) when not installed.</summary>
    public static NlpModel? NlpModelOf(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TryGet<NlpModel>(NlpModelKey, out var model)) return model;
        if (context.TryGet<string>(NlpMissingKey, out _)) return null;
        var folder = context.ModelFolder(NlpRole);
        if (folder is null)
        {
            context.Missing.Add($"model {context.ModelName(NlpRole)} not installed: no sentences, tokens, tags or parses");
            context.Set(NlpMissingKey, NlpRole);
            return null;
        }
        return context.Get(NlpModelKey, () => NlpModel.Load(folder));
    }

    private static ParserComponent? CreateParser(ComponentContext context)
    {
        if (NlpModelOf(context) is not { Folder: { } folder } nlp || !Directory.Exists(Path.Combine(folder, DependencyParser.Subfolder)))
        {
            context.Missing.Add("dependency parser not installed: no parses, no events");
            return null;
        }
        // The tagger's cluster table is the parser's too (one file of the model folder, loaded once).
        var parser = DependencyParser.LoadForParsing(Path.Combine(folder, DependencyParser.Subfolder), nlp.Tagger.Clusters);
        return new ParserComponent(parser, nlp.TaggerComponent());
    }

    private static NerComponent? CreateNer(ComponentContext context)
    {
        var folder = context.ModelFolder(NerRole);
        if (folder is null || !Directory.Exists(folder))
        {
            context.Missing.Add($"model {context.ModelName(NerRole)} not installed: no entities");
            return null;
        }
        var model = context.Get("model:" + NerRole, () => NerModel.Load(folder));
        return new NerComponent(model, context.TryGet<NerDomain>(NerDomainSetting, out var domain) ? domain : NerDomain.News);
    }
}
