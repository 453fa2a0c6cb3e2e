using System.Globalization;
using Parley.Nlp.Conllu;
using Parley.Nlp.Neural;
using Parley.Nlp.Training;

namespace Parley.Nlp.Parsing;

/// <summary>
/// How the shipped parser is trained, in one place for `parley train nlp` and `parley train parser`: the averaged
/// perceptron on jackknifed tags (mixed with gold tags carrying simulated errors), then the BiLSTM scorer on the same
/// jackknifed tags, then the weights of the perceptron's scores added to the network's, chosen on dev with the
/// tagger's own dev tags.
/// </summary>
public sealed record ParserRecipe
{
    public int Seed { get; init; } = 1;
    public int Epochs { get; init; } = 15;
    public int Jackknife { get; init; } = 4;
    public int JackknifeEpochs { get; init; } = 3;
    public double PredictedShare { get; init; } = 0.3;
    public double TagNoise { get; init; } = 0.14;
    /// <summary>Train the BiLSTM scorer after the perceptron.</summary>
    public bool Neural { get; init; } = true;
    public int NeuralEpochs { get; init; } = 14;
    public double NeuralPredictedShare { get; init; } = 0.7;
    public int NeuralLayers { get; init; } = 2;
    /// <summary>Units of the network's hidden tag layer (0: linear).</summary>
    public int NeuralTagHidden { get; init; }
    /// <summary>
    /// Choose perceptron weights for the network's decisions on dev. Off by default: on EWT dev (gold tokenization) it
    /// adds about 1 LAS to the two-layer network (83.96 to 84.96) but parses at half the speed, below the 50,000 tokens
    /// per second the whole NLP must keep.
    /// </summary>
    public bool Mix { get; init; }

    /// <summary>The `parley train parser` arguments that reproduce this recipe.</summary>
    public string Arguments => string.Create(CultureInfo.InvariantCulture,
        $"--seed {Seed} --epochs {Epochs} --jackknife {Jackknife} --jackknife-epochs {JackknifeEpochs} --predicted-share {PredictedShare} --tag-noise {TagNoise}")
        + (Neural ? string.Create(CultureInfo.InvariantCulture, $"; then --neural --epochs {NeuralEpochs} --predicted-share {NeuralPredictedShare} --layers {NeuralLayers}{(NeuralTagHidden > 0 ? $" --tag-hidden {NeuralTagHidden}" : "")}{(Mix ? " --mix" : "")}") : "");

    /// <summary>
    /// Trains the parser by this recipe. <paramref name="devTagged"/>: dev with the shipped tagger's tags (same words),
    /// used to report scores and to choose the mix; null: no mix.
    /// </summary>
    public DependencyParser Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, IReadOnlyList<ConlluSentence>? devTagged,
        Learning.WordClusterTable? clusters, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        var trainTagged = TagJackknife.Tag(train, Jackknife, JackknifeEpochs, Seed, refine: true, log, clusters);
        var parser = DependencyParser.Train(train, dev, new ParserTrainOptions
        {
            Seed = Seed, Epochs = Epochs, Progress = log,
            SimulatedAmbiguousErrorRate = TagNoise, SimulatedOtherErrorRate = TagNoise / 5,
            PredictedTags = _ => trainTagged, PredictedTagShare = PredictedShare,
        });
        if (!Neural) return parser;
        return TrainNeural(parser, train, dev, trainTagged, devTagged, clusters, new NeuralTrainOptions
        {
            Seed = Seed, Epochs = NeuralEpochs, Shape = new() { Layers = NeuralLayers, TagHidden = NeuralTagHidden }, PredictedTagShare = NeuralPredictedShare, Clusters = clusters, Mix = Mix,
        }, log);
    }

    /// <summary>Adds a BiLSTM scorer trained with <paramref name="options"/> (tags and clusters as given) to a perceptron parser.</summary>
    public static DependencyParser TrainNeural(DependencyParser perceptron, IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev,
        IReadOnlyList<ConlluSentence>? trainTagged, IReadOnlyList<ConlluSentence>? devTagged, Learning.WordClusterTable? clusters, NeuralTrainOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(perceptron);
        ArgumentNullException.ThrowIfNull(options);
        var parser = NeuralParserTrainer.Train(perceptron.WithoutNeural(), train, options with
        {
            PredictedTags = trainTagged, Clusters = clusters ?? options.Clusters, Progress = log,
            AfterEpoch = devTagged is null ? null : (_, p) =>
            {
                var score = ParserEvaluation.Evaluate(p, dev, devTagged);
                var (network, tagger) = TagAccuracy(p, dev, devTagged);
                return string.Create(CultureInfo.InvariantCulture, $"dev (predicted tags) UAS {score.Uas:F2} LAS {score.Las:F2} LAS (universal) {score.UniversalLas:F2}; UPOS network {network:F2}, tagger {tagger:F2}");
            },
        });
        if (options.Mix && devTagged is not null) ChooseMix(parser, dev, devTagged, log);
        if (devTagged is not null)
        {
            // the network's tags replace the tagger's only when they are better on dev
            var (network, tagger) = TagAccuracy(parser, dev, devTagged);
            bool output = network > tagger;
            log(string.Create(CultureInfo.InvariantCulture, $"tags: dev UPOS network {network:F2}, tagger {tagger:F2}: the parser {(output ? "outputs the network's tags" : "keeps the tagger's tags")}"));
            parser = parser.WithTagOutput(output);
        }
        return parser;
    }

    /// <summary>
    /// Chooses the weights of the perceptron's move and relation scores added to the network's, on dev with predicted
    /// tags (the one place dev steers the model, like choosing the number of epochs; the figures reported are dev figures).
    /// </summary>
    public static void ChooseMix(DependencyParser parser, IReadOnlyList<ConlluSentence> dev, IReadOnlyList<ConlluSentence> devTagged, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(log);
        float[] grid = [0.005f, 0.01f, 0.02f, 0.04f, 0.08f, 0.15f, 0.3f];
        parser.SetPerceptronWeights(0, 0);
        (float Move, float Label, double Las) best = (0, 0, ParserEvaluation.Evaluate(parser, dev, devTagged).Las);
        log(string.Create(CultureInfo.InvariantCulture, $"mix: network alone LAS {best.Las:F2}"));
        foreach (float w in grid)
        {
            parser.SetPerceptronWeights(w, 0);
            double las = ParserEvaluation.Evaluate(parser, dev, devTagged).Las;
            log(string.Create(CultureInfo.InvariantCulture, $"mix: perceptron move weight {w}: LAS {las:F2}"));
            if (las > best.Las) best = (w, 0, las);
        }
        foreach (float w in grid)
        {
            parser.SetPerceptronWeights(best.Move, w);
            double las = ParserEvaluation.Evaluate(parser, dev, devTagged).Las;
            log(string.Create(CultureInfo.InvariantCulture, $"mix: perceptron relation weight {w}: LAS {las:F2}"));
            if (las > best.Las) best = (best.Move, w, las);
        }
        parser.SetPerceptronWeights(best.Move, best.Label);
        log(string.Create(CultureInfo.InvariantCulture, $"mix: kept move weight {best.Move}, relation weight {best.Label} (LAS {best.Las:F2})"));
    }

    /// <summary>UPOS accuracy on dev of the network's tag layer and of the tagger's tags it reads (<paramref name="devTagged"/>).</summary>
    public static (double Network, double Tagger) TagAccuracy(DependencyParser parser, IReadOnlyList<ConlluSentence> dev, IReadOnlyList<ConlluSentence> devTagged)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var net = parser.Neural ?? throw new ArgumentException("not a neural parser", nameof(parser));
        var scratch = DependencyParser.Scratch;
        long words = 0, network = 0, tagger = 0;
        for (int si = 0; si < dev.Count; si++)
        {
            int n = dev[si].Words.Count;
            if (n == 0) continue;
            parser.Fill(scratch, devTagged[si]);
            net.Encode(scratch.Neural);
            net.PredictTags(scratch.Neural);
            for (int i = 0; i < n; i++)
            {
                string gold = dev[si].Words[i].Upos;
                words++;
                if (net.TagUpos[scratch.Neural.PredictedTag[i]] == gold) network++;
                if (devTagged[si].Words[i].Upos == gold) tagger++;
            }
        }
        return words == 0 ? (0, 0) : (100.0 * network / words, 100.0 * tagger / words);
    }

    /// <summary>Writes the parser (parser.bin.gz, and neural.bin.gz when it has a network) into <paramref name="folder"/>.</summary>
    public static void Save(DependencyParser parser, string folder)
    {
        ArgumentNullException.ThrowIfNull(parser);
        parser.Save(folder);
        string neural = Path.Combine(folder, DependencyParser.NeuralFileName);
        if (parser.IsNeural) parser.SaveNeural(neural);
        else if (File.Exists(neural)) File.Delete(neural);
    }
}
