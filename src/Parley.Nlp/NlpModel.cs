using Parley.Core;
using Parley.Core.Text;
using Parley.Nlp.Lemmatization;
using Parley.Nlp.Learning;
using Parley.Nlp.Tagging;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp;

/// <summary>
/// The trained English NLP core (tokenizer lexicon, sentence splitter, tagger with FEATS, lemmatizer), loaded from
/// a model folder such as models/nlp-en-ewt/. Immutable and thread-safe once loaded.
/// </summary>
public sealed class NlpModel
{
    public const string DefaultName = "nlp-en-ewt";
    internal const string TokenizerFile = "tokenizer.bin.gz";
    internal const string SplitterFile = "splitter.bin.gz";
    internal const string TaggerFile = "tagger.bin.gz";
    internal const string MorphFile = "feats.bin.gz";
    internal const string LemmatizerFile = "lemmatizer.bin.gz";

    public NlpModel(Tokenizer tokenizer, SentenceSplitter splitter, Tagger tagger, MorphFeatures morph, Lemmatizer lemmatizer)
    {
        Tokenizer = tokenizer; Splitter = splitter; Tagger = tagger; Morph = morph; Lemmatizer = lemmatizer;
    }

    public Tokenizer Tokenizer { get; }
    public SentenceSplitter Splitter { get; }
    public Tagger Tagger { get; }
    public MorphFeatures Morph { get; }
    public Lemmatizer Lemmatizer { get; }
    /// <summary>The folder the model was loaded from, when it was.</summary>
    public string? Folder { get; private init; }

    public static NlpModel Load(string folder)
    {
        if (!File.Exists(Path.Combine(folder, TaggerFile)))
            throw new FileNotFoundException($"no NLP model in {folder} (expected {TaggerFile})");
        var tokenizer = new Tokenizer(TokenizerLexicon.Load(Path.Combine(folder, TokenizerFile)));
        var splitter = SentenceSplitter.Load(Path.Combine(folder, SplitterFile));
        var clustersPath = Path.Combine(folder, WordClusterTable.FileName);
        var clusters = File.Exists(clustersPath) ? WordClusterTable.Load(clustersPath) : null;
        var tagger = Tagger.Load(Path.Combine(folder, TaggerFile), clusters);
        var morph = PerceptronModel.ReadFile(Path.Combine(folder, MorphFile), MorphFeatures.Read);
        var lemmatizer = Lemmatizer.Load(Path.Combine(folder, LemmatizerFile));
        return new NlpModel(tokenizer, splitter, tagger, morph, lemmatizer) { Folder = folder };
    }

    /// <summary>Loads models/nlp-en-ewt found by <see cref="ModelLocator"/>; throws when it is not installed.</summary>
    public static NlpModel LoadDefault()
    {
        var folder = ModelLocator.FindModel(DefaultName)
            ?? throw new FileNotFoundException($"model '{DefaultName}' not found (set PARLEY_MODELS or run `parley train nlp`)");
        return Load(folder);
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        Tokenizer.Lexicon.Save(Path.Combine(folder, TokenizerFile));
        Splitter.Save(Path.Combine(folder, SplitterFile));
        Tagger.Save(Path.Combine(folder, TaggerFile));
        Tagger.Clusters?.Save(Path.Combine(folder, WordClusterTable.FileName));
        PerceptronModel.WriteFile(Path.Combine(folder, MorphFile), Morph.Write);
        Lemmatizer.Save(Path.Combine(folder, LemmatizerFile));
    }

    /// <summary>Components for a pipeline: tokenizer+splitter, then tagger+FEATS+lemmas.</summary>
    public TokenizerComponent TokenizerComponent() => new(Tokenizer, Splitter);
    public TaggerComponent TaggerComponent() => new(Tagger, Morph, Lemmatizer);
}
