namespace Parley.Nlp.Parsing;

/// <summary>Settings of <see cref="DependencyParser.Train"/>. Defaults are the ones the shipped model was trained with.</summary>
public sealed class ParserTrainOptions
{
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 15;
    /// <summary>Receives one line per epoch (progress and dev scores).</summary>
    public Action<string>? Progress { get; init; }
    /// <summary>
    /// Replace some gold tags by plausible wrong analyses while training, as a tagger would at run time,
    /// so that the parser learns not to trust tags blindly. Ignored when <see cref="PredictedTags"/> is given.
    /// </summary>
    public bool SimulateTagErrors { get; init; } = true;
    /// <summary>Chance that a word seen with several tags in training gets one of its other tags.</summary>
    public double SimulatedAmbiguousErrorRate { get; init; } = 0.14;
    /// <summary>Chance that any other word gets a random open-class tag.</summary>
    public double SimulatedOtherErrorRate { get; init; } = 0.028;
    /// <summary>
    /// Optional: a function giving predicted (jackknifed) analyses for each training sentence, used instead of
    /// simulated tag errors. It returns a sentence with the same words whose Upos/Xpos/Lemma/Feats are predicted.
    /// </summary>
    public Func<IReadOnlyList<Conllu.ConlluSentence>, IReadOnlyList<Conllu.ConlluSentence>>? PredictedTags { get; init; }
    /// <summary>
    /// With <see cref="PredictedTags"/>: chance that a sentence is shown with its predicted tags in an epoch; otherwise it
    /// gets its gold tags with simulated errors. 1 = always predicted.
    /// </summary>
    public double PredictedTagShare { get; init; } = 1;
    /// <summary>From this epoch (0-based) on, training follows the model's own moves with probability <see cref="ExploreProbability"/>.</summary>
    public int ExploreFromEpoch { get; init; } = 1;
    public double ExploreProbability { get; init; } = 0.9;
    /// <summary>log2 of the number of weight rows of the move and label models.</summary>
    public int MoveBits { get; init; } = 22;
    public int LabelBits { get; init; } = 18;
    /// <summary>Word clusters for the features (the NLP model folder's clusters.bin.gz); null: none.</summary>
    public Learning.WordClusterTable? Clusters { get; init; }
}
