using Parley.Core;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Labelled dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron over hashed
/// Zhang-Nivre style features, trained with a dynamic oracle; each arc's label is chosen by a second perceptron
/// when the arc is made. Linear time in sentence length, no allocation per move. Immutable after training or
/// loading and safe to share between threads (scratch space is per thread).
/// </summary>
public sealed class DependencyParser
{
    public const string FileName = "parser.bin.gz";
    /// <summary>The parser's folder inside an NLP model folder: models/nlp-en-ewt/parser/parser.bin.gz.</summary>
    public const string Subfolder = "parser";

    /// <summary>The parser of an NLP model folder (its parser/ subfolder), or null when the folder has none.</summary>
    public static DependencyParser? TryLoadFromNlpModel(string nlpModelFolder)
    {
        string dir = Path.Combine(nlpModelFolder, Subfolder);
        if (!File.Exists(Path.Combine(dir, FileName))) return null;
        try { return Load(dir); }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new InvalidDataException($"parser model in {dir} could not be loaded: {e.Message}", e);
        }
    }
    private const string Magic = "PARLEY-DEP";
    private const int FormatVersion = 3;

    private readonly HashedPerceptron? _moves;
    private readonly HashedPerceptron? _labels;
    /// <summary>
    /// Every member of an ensemble (the first is _moves/_labels); scores are summed. One entry for a single parser; none
    /// when the parser was loaded for parsing with a network that does not consult them (<see cref="LoadForParsing"/>).
    /// </summary>
    private readonly HashedPerceptron[] _moveModels;
    private readonly HashedPerceptron[] _labelModels;
    private readonly string[] _labelNames;
    private readonly int[] _labelIds;
    private readonly int _rootLabel;
    private readonly Learning.WordClusterTable? _clusters;
    /// <summary>The BiLSTM scorer, when the parser folder has one (neural.bin.gz): it then makes the decisions.</summary>
    private readonly Neural.NeuralParserModel? _neural;
    /// <summary>UPOS and interned XPOS of the network's tag ids, when it outputs tags.</summary>
    private readonly UPos[]? _tagUpos;
    private readonly int[]? _tagXpos;

    [ThreadStatic] private static ParserScratch? t_scratch;

    internal DependencyParser(HashedPerceptron moves, HashedPerceptron labels, string[] labelNames, Learning.WordClusterTable? clusters)
        : this([moves], [labels], labelNames, clusters)
    {
    }

    private DependencyParser(HashedPerceptron[] moves, HashedPerceptron[] labels, string[] labelNames, Learning.WordClusterTable? clusters, Neural.NeuralParserModel? neural = null)
    {
        _neural = neural;
        if (neural is { OutputsTags: true })
        {
            _tagUpos = new UPos[neural.TagCount];
            _tagXpos = new int[neural.TagCount];
            for (int t = 0; t < neural.TagCount; t++)
            {
                _tagUpos[t] = UPosNames.Parse(neural.TagUpos[t]);
                _tagXpos[t] = StringStore.Intern(neural.TagXpos[t]);
            }
        }
        _moveModels = moves;
        _labelModels = labels;
        _clusters = clusters;
        _moves = moves.Length > 0 ? moves[0] : null;
        _labels = labels.Length > 0 ? labels[0] : null;
        _labelNames = labelNames;
        _rootLabel = Array.IndexOf(labelNames, "root");
        _labelIds = new int[labelNames.Length];
        for (int i = 0; i < labelNames.Length; i++) _labelIds[i] = StringStore.Intern(labelNames[i]);
    }

    /// <summary>The dependency relations the parser can output.</summary>
    public IReadOnlyList<string> Labels => _labelNames;

    internal HashedPerceptron Moves => _moves ?? throw WithoutPerceptrons("training");
    internal HashedPerceptron LabelModel => _labels ?? throw WithoutPerceptrons("training");

    /// <summary>Whether the averaged perceptrons' weights are loaded (see <see cref="LoadForParsing"/>).</summary>
    public bool HasPerceptrons => _moveModels.Length > 0;

    private static InvalidOperationException WithoutPerceptrons(string what) =>
        new($"{what} needs the parser's averaged perceptrons (parser.bin.gz), which were not loaded because its network does not consult them; load it with DependencyParser.Load");
    internal int RootLabel => _rootLabel;
    /// <summary>The word clusters the features use (the NLP model folder's clusters.bin.gz), when trained with them.</summary>
    public Learning.WordClusterTable? Clusters => _clusters;

    public static DependencyParser Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, ParserTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentNullException.ThrowIfNull(options);
        return new ParserTrainer(train, dev, options).Run();
    }

    /// <summary>The same parser deciding with <paramref name="neural"/> (trained on the same relations) instead of its perceptrons.</summary>
    internal DependencyParser WithNeural(Neural.NeuralParserModel? neural)
    {
        if (neural is not null && neural.LabelCount != _labelNames.Length) throw new ArgumentException("the neural scorer has other relations", nameof(neural));
        if (!HasPerceptrons && (neural is null || neural.PerceptronWeight > 0 || neural.PerceptronLabelWeight > 0)) throw WithoutPerceptrons("parsing with the perceptrons");
        return new DependencyParser(_moveModels, _labelModels, _labelNames, _clusters, neural);
    }

    internal Neural.NeuralParserModel? Neural => _neural;

    /// <summary>File of the BiLSTM scorer in the parser folder; when present, it makes the parser's decisions.</summary>
    public const string NeuralFileName = Parley.Nlp.Neural.NeuralParserModel.FileName;

    /// <summary>Sets the weights of the perceptrons' move and relation scores added to the BiLSTM scorer's (0, 0: the network alone).</summary>
    public void SetPerceptronWeights(float moves, float labels)
    {
        var neural = _neural ?? throw new InvalidOperationException("the parser has no neural scorer");
        if (!HasPerceptrons && (moves > 0 || labels > 0)) throw WithoutPerceptrons("weighting the perceptrons");
        neural.PerceptronWeight = moves;
        neural.PerceptronLabelWeight = labels;
    }

    /// <summary>The weights of the perceptrons' move and relation scores added to the BiLSTM scorer's.</summary>
    public (float Moves, float Relations) PerceptronWeights => _neural is null ? (1, 1) : (_neural.PerceptronWeight, _neural.PerceptronLabelWeight);

    /// <summary>Whether parsing also rewrites each word's UPOS and XPOS with the network's tag layer.</summary>
    public bool OutputsTags => _tagUpos is not null;

    /// <summary>The same parser with the network's tag layer writing tags (or not). Neural parsers only.</summary>
    public DependencyParser WithTagOutput(bool outputTags)
    {
        var neural = _neural ?? throw new InvalidOperationException("the parser has no neural scorer");
        neural.OutputsTags = outputTags;
        return new DependencyParser(_moveModels, _labelModels, _labelNames, _clusters, neural);
    }

    /// <summary>Whether the decisions are made by the BiLSTM scorer.</summary>
    public bool IsNeural => _neural is not null;

    /// <summary>The same parser deciding with its averaged perceptrons alone.</summary>
    public DependencyParser WithoutNeural() => WithNeural(null);

    /// <summary>Writes the BiLSTM scorer to <paramref name="path"/> (through a .partial file, so a killed run leaves no torn file).</summary>
    public void SaveNeural(string path)
    {
        var neural = _neural ?? throw new InvalidOperationException("the parser has no neural scorer");
        string partial = path + ".partial";
        neural.Save(partial);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Members of an ensemble: parsers trained alike with other seeds, whose scores are summed at every decision.</summary>
    public int Members => _moveModels.Length;

    /// <summary>
    /// One parser that sums the scores of <paramref name="members"/> (same labels and clusters, e.g. trained with other
    /// seeds) at every transition and label: a greedy ensemble, more accurate than each member, each member's cost.
    /// </summary>
    public static DependencyParser Ensemble(IReadOnlyList<DependencyParser> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0) throw new ArgumentException("no parsers", nameof(members));
        var first = members[0];
        var moves = new List<HashedPerceptron>();
        var labels = new List<HashedPerceptron>();
        foreach (var m in members)
        {
            if (!m.HasPerceptrons) throw WithoutPerceptrons("an ensemble");
            if (!m._labelNames.AsSpan().SequenceEqual(first._labelNames)) throw new ArgumentException("ensemble members must have the same relations", nameof(members));
            if ((m.Clusters?.Fingerprint ?? 0) != (first.Clusters?.Fingerprint ?? 0)) throw new ArgumentException("ensemble members must use the same clusters", nameof(members));
            moves.AddRange(m._moveModels);
            labels.AddRange(m._labelModels);
        }
        return new DependencyParser([.. moves], [.. labels], first._labelNames, first.Clusters);
    }

    private void ScoreMoves(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        _moves!.Score(features, scores);
        if (_moveModels.Length > 1) AddMembers(_moveModels, features, scores, 3, stackalloc float[4]);
    }

    private void ScoreLabels(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        _labels!.Score(features, scores);
        if (_labelModels.Length > 1) AddMembers(_labelModels, features, scores, _labelNames.Length, stackalloc float[256]);
    }

    /// <summary>Adds the scores of an ensemble's other members (all but the first) for the first <paramref name="count"/> classes.</summary>
    private static void AddMembers(HashedPerceptron[] models, ReadOnlySpan<ulong> features, Span<float> scores, int count, Span<float> more)
    {
        for (int m = 1; m < models.Length; m++)
        {
            models[m].Score(features, more);
            for (int k = 0; k < count; k++) scores[k] += more[k];
        }
    }

    // ---------------------------------------------------------------- parsing

    internal static ParserScratch Scratch => t_scratch ??= new ParserScratch();

    /// <summary>Parses the words in <paramref name="scratch"/>.Input; heads and labels end up in scratch.State.</summary>
    internal void ParseInput(ParserScratch scratch)
    {
        if (_neural is not null) { ParseNeural(scratch); return; }
        var st = scratch.State;
        var input = scratch.Input;
        int n = input.Count;
        st.Reset(n);
        Span<ulong> feats = scratch.Features;
        Span<float> scores = scratch.Scores;
        while (!st.IsTerminal)
        {
            int count = ParserFeatures.Transition(st, input, feats);
            ScoreMoves(feats[..count], scores);
            var move = BestLegal(st, scores);
            int label = -1;
            if (move != Move.Shift)
            {
                var (head, dep) = st.ArcOf(move);
                label = head == n ? _rootLabel : PredictLabel(st, input, head, dep, feats, scores);
            }
            st.Apply(move, label);
        }
    }

    /// <summary>
    /// Greedy arc-hybrid parsing with the neural scorer; the words' ids are in scratch.Neural. With a perceptron weight
    /// above 0 the perceptrons' scores, times that weight, are added to the network's (an ensemble of two unlike models;
    /// scratch.Input must then hold the perceptron attributes).
    /// </summary>
    private void ParseNeural(ParserScratch scratch)
    {
        _neural!.Encode(scratch.Neural);
        DecideNeural(scratch, scratch.Neural);
    }

    /// <summary>The tags (when the network outputs them) and the transitions of an encoded sentence, into scratch.State.</summary>
    private void DecideNeural(ParserScratch scratch, Neural.NeuralSentence ns)
    {
        var net = _neural!;
        var st = scratch.State;
        var input = scratch.Input;
        int n = ns.Count;
        float moveWeight = net.PerceptronWeight, labelWeight = net.PerceptronLabelWeight;
        if (net.OutputsTags) net.PredictTags(ns);
        st.Reset(n);
        Span<float> scores = scratch.Scores;
        Span<float> other = stackalloc float[256];
        Span<ulong> feats = scratch.Features;
        Span<float> hidden = stackalloc float[Math.Max(net.Shape.MoveHidden, net.Shape.LabelHidden)];
        while (!st.IsTerminal)
        {
            net.ScoreMoves(ns, st.S(0), st.S(1), st.S(2), st.B(0), scores, hidden);
            if (moveWeight > 0)
            {
                int count = ParserFeatures.Transition(st, input, feats);
                ScoreMoves(feats[..count], other);
                for (int m = 0; m < 3; m++) scores[m] += moveWeight * other[m];
            }
            var move = BestLegal(st, scores);
            int label = -1;
            if (move != Move.Shift)
            {
                var (head, dep) = st.ArcOf(move);
                if (head == n) label = _rootLabel;
                else
                {
                    net.ScoreLabels(ns, head, dep, scores, hidden);
                    if (labelWeight > 0)
                    {
                        int count = ParserFeatures.Label(st, input, head, dep, feats);
                        ScoreLabels(feats[..count], other);
                        for (int l = 0; l < _labelNames.Length; l++) scores[l] += labelWeight * other[l];
                    }
                    label = BestLabel(scores);
                }
            }
            st.Apply(move, label);
        }
    }

    /// <summary>Whether parsing needs the perceptron attributes of the words (scratch.Input).</summary>
    private bool NeedsPerceptronInput => _neural is null || _neural.PerceptronWeight > 0 || _neural.PerceptronLabelWeight > 0;

    /// <summary>Prepares scratch for <see cref="ParseInput"/> from a sentence's forms, lemmas and tags.</summary>
    internal void Fill(ParserScratch scratch, ConlluSentence sentence)
    {
        if (NeedsPerceptronInput) FillInput(scratch.Input, sentence, _clusters);
        if (_neural is null) return;
        var words = sentence.Words;
        scratch.Neural.Reset(words.Count, _neural.Shape, training: false);
        for (int i = 0; i < words.Count; i++) _neural.SetWord(scratch.Neural, i, words[i].Form, words[i].Upos, words[i].Xpos);
    }

    /// <summary>Sets the neural scorer's ids of word i (after scratch.Neural was reset), when there is a neural scorer.</summary>
    internal void SetNeuralWord(ParserScratch scratch, int i, ReadOnlySpan<char> form, ReadOnlySpan<char> upos, ReadOnlySpan<char> xpos) =>
        _neural?.SetWord(scratch.Neural, i, form, upos, xpos);

    internal void ResetNeural(ParserScratch scratch, int count)
    {
        if (_neural is not null) scratch.Neural.Reset(count, _neural.Shape, training: false);
    }

    internal static Move BestLegal(ArcHybridState st, ReadOnlySpan<float> scores)
    {
        Move best = Move.Shift;
        float bestScore = float.NegativeInfinity;
        for (int m = 0; m < 3; m++)
        {
            if (!st.IsLegal((Move)m)) continue;
            if (scores[m] > bestScore) { bestScore = scores[m]; best = (Move)m; }
        }
        return best;
    }

    /// <summary>
    /// The move a dynamic-oracle trainer learns (both parsers' trainers): the best-scoring among the moves of least
    /// <paramref name="costs"/>, first best on ties; <paramref name="fallback"/> when none scores above minus infinity.
    /// </summary>
    internal static Move BestOfLeastCost(ReadOnlySpan<int> costs, int minCost, ReadOnlySpan<float> scores, Move fallback)
    {
        Move gold = fallback;
        float goldScore = float.NegativeInfinity;
        for (int m = 0; m < 3; m++)
            if (costs[m] == minCost && scores[m] > goldScore) { goldScore = scores[m]; gold = (Move)m; }
        return gold;
    }

    internal int PredictLabel(ArcHybridState st, SentenceInput input, int head, int dep, Span<ulong> feats, Span<float> scores)
    {
        int count = ParserFeatures.Label(st, input, head, dep, feats);
        ScoreLabels(feats[..count], scores);
        return BestLabel(scores);
    }

    internal int BestLabel(ReadOnlySpan<float> scores)
    {
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int l = 0; l < _labelNames.Length; l++)
        {
            if (l == _rootLabel) continue;
            if (scores[l] > bestScore) { bestScore = scores[l]; best = l; }
        }
        return best;
    }

    /// <summary>Fills Head (1-based, 0 = root) and Deprel of every word from Form, Lemma, Upos and Xpos (Feats are not used).</summary>
    public void Parse(ConlluSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = sentence.Words;
        if (words.Count == 0) return;
        var scratch = Scratch;
        Fill(scratch, sentence);
        ParseInput(scratch);
        var st = scratch.State;
        for (int i = 0; i < words.Count; i++)
        {
            int h = st.Heads[i];
            words[i].Head = h == words.Count ? 0 : h + 1;
            words[i].Deprel = _labelNames[st.Labels[i]];
        }
        if (OutputsTags)
        {
            var net = _neural!;
            for (int i = 0; i < words.Count; i++)
            {
                int tag = scratch.Neural.PredictedTag[i];
                words[i].Upos = net.TagUpos[tag];
                words[i].Xpos = net.TagXpos[tag];
            }
        }
    }

    /// <summary>Fills TokenData.Head (absolute token index, -1 for the root) and Deprel (StringStore id) sentence by sentence.</summary>
    public void Parse(Document doc, CancellationToken cancellationToken = default) => Parse(doc, cancellationToken, null);

    /// <summary>
    /// As <see cref="Parse(Document, CancellationToken)"/>; when the network rewrites a token's tags,
    /// <paramref name="tagsChanged"/> is called with its index afterwards (to recompute what depends on the tags: features, lemma).
    /// </summary>
    public void Parse(Document doc, CancellationToken cancellationToken, Action<Document, int>? tagsChanged)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var scratch = Scratch;
        bool perceptronInput = NeedsPerceptronInput;
        // the network alone decides: sentences are encoded two at a time (their recurrences share the weights' reads)
        bool pairs = _neural is not null && !perceptronInput;
        Neural.NeuralSentence? pending = null;
        int pendingFirst = 0;
        var tokens = doc.TokensMutable;
        string text = doc.Text;
        foreach (ref readonly var sentence in doc.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int first = sentence.FirstToken, n = sentence.EndToken - first;
            if (n <= 0) continue;
            var input = scratch.Input;
            var ns = pending is null ? scratch.Neural : scratch.Neural2;
            if (!pairs) input.Reset(n);
            if (_neural is not null) ns.Reset(n, _neural.Shape, training: false);
            for (int i = 0; i < n; i++)
            {
                ref readonly var t = ref tokens[first + i];
                ReadOnlySpan<char> form = t.Norm != 0 ? StringStore.Get(t.Norm) : text.AsSpan(t.Start, t.End - t.Start);
                ReadOnlySpan<char> upos = UPosNames.Name(t.Upos), xpos = StringStore.Get(t.Xpos);
                if (perceptronInput) input.Words[i] = TokenAttributes.From(form, StringStore.Get(t.Lemma), upos, xpos, _clusters);
                _neural?.SetWord(ns, i, form, upos, xpos);
            }
            if (!pairs)
            {
                if (perceptronInput) input.Finish();
                ParseInput(scratch);
                WriteBack(doc, scratch, scratch.Neural, first, n, tagsChanged);
                continue;
            }
            if (pending is null)
            {
                pending = ns;
                pendingFirst = first;
                continue;
            }
            _neural!.EncodePair(pending, ns);
            DecideNeural(scratch, pending);
            WriteBack(doc, scratch, pending, pendingFirst, pending.Count, tagsChanged);
            DecideNeural(scratch, ns);
            WriteBack(doc, scratch, ns, first, n, tagsChanged);
            pending = null;
        }
        if (pending is not null)
        {
            _neural!.Encode(pending);
            DecideNeural(scratch, pending);
            WriteBack(doc, scratch, pending, pendingFirst, pending.Count, tagsChanged);
        }
        doc.Done |= Layers.Parse;
    }

    /// <summary>Heads, relations and (when the network outputs them) tags of a parsed sentence (in scratch.State and <paramref name="ns"/>) into its tokens.</summary>
    private void WriteBack(Document doc, ParserScratch scratch, Neural.NeuralSentence ns, int first, int n, Action<Document, int>? tagsChanged)
    {
        var tokens = doc.TokensMutable;
        var st = scratch.State;
        for (int i = 0; i < n; i++)
        {
            ref var t = ref tokens[first + i];
            int h = st.Heads[i];
            t.Head = h == n ? -1 : first + h;
            t.Deprel = _labelIds[st.Labels[i]];
            if (_tagUpos is not null)
            {
                int tag = ns.PredictedTag[i];
                if (t.Upos == _tagUpos[tag] && t.Xpos == _tagXpos![tag]) continue;
                t.Upos = _tagUpos[tag];
                t.Xpos = _tagXpos![tag];
                tagsChanged?.Invoke(doc, first + i);
            }
        }
    }

    /// <summary>Same as <see cref="Parse(Document, CancellationToken)"/>; matches the public API shape.</summary>
    public void Parse(Document doc) => Parse(doc, CancellationToken.None);

    internal static void FillInput(SentenceInput input, ConlluSentence sentence, Learning.WordClusterTable? clusters)
    {
        var words = sentence.Words;
        input.Reset(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            input.Words[i] = TokenAttributes.From(w.Form, w.Lemma, w.Upos, w.Xpos, clusters);
        }
        input.Finish();
    }

    // ---------------------------------------------------------------- files

    /// <summary>File of ensemble member <paramref name="member"/> (0-based): parser.bin.gz, parser-2.bin.gz, ...</summary>
    public static string MemberFileName(int member) => member == 0 ? FileName : $"parser-{member + 1}.bin.gz";

    /// <summary>
    /// Writes parser.bin.gz into <paramref name="dir"/> (created when missing), e.g. models/nlp-en-ewt/parser; the other
    /// members of an ensemble go to parser-2.bin.gz and so on (one file each, so that no file gets too large).
    /// </summary>
    public void Save(string dir)
    {
        if (!HasPerceptrons) throw WithoutPerceptrons("saving");
        Directory.CreateDirectory(dir);
        for (int m = 0; m < _moveModels.Length; m++) SaveMember(Path.Combine(dir, MemberFileName(m)), m);
        // a smaller ensemble saved over a larger one
        for (int m = _moveModels.Length; File.Exists(Path.Combine(dir, MemberFileName(m))); m++) File.Delete(Path.Combine(dir, MemberFileName(m)));
    }

    private void SaveMember(string path, int member)
    {
        using var w = Learning.ModelFile.Create(path, Magic, FormatVersion);
        w.Write(_labelNames.Length);
        foreach (var l in _labelNames) w.Write(l);
        // the cluster table lives in the NLP model folder (clusters.bin.gz, beside this folder); 0 = none
        w.Write(_clusters?.Fingerprint ?? 0UL);
        _moveModels[member].Write(w);
        _labelModels[member].Write(w);
    }

    /// <summary>
    /// Loads a parser saved by <see cref="Save"/> from the folder holding parser.bin.gz (e.g. models/nlp-en-ewt/parser),
    /// with the other ensemble members found there (parser-2.bin.gz, ...).
    /// A parser trained with word clusters takes them from clusters.bin.gz in the parent folder.
    /// </summary>
    public static DependencyParser Load(string dir) => Load(dir, null);

    /// <summary>As <see cref="Load(string)"/>, sharing a cluster table already loaded (it must be the one the parser was trained with).</summary>
    public static DependencyParser Load(string dir, Learning.WordClusterTable? clusters) => Load(dir, clusters, perceptronsAlways: true);

    /// <summary>
    /// The parser of <paramref name="dir"/> as parsing needs it: when its network (neural.bin.gz) makes the decisions
    /// without the perceptrons' scores (both weights 0), parser.bin.gz is read for its relations and clusters only and
    /// its weights stay on disk (memory and start time that nothing would consult). Parses as <see cref="Load(string, Learning.WordClusterTable?)"/> does.
    /// </summary>
    public static DependencyParser LoadForParsing(string dir, Learning.WordClusterTable? clusters) => Load(dir, clusters, perceptronsAlways: false);

    private static DependencyParser Load(string dir, Learning.WordClusterTable? clusters, bool perceptronsAlways)
    {
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: parser model not found", path);
        // the relations and the cluster table, before any weights
        var header = LoadMember(dir, path, clusters, weights: false);
        Neural.NeuralParserModel? neural = null;
        string neuralPath = Path.Combine(dir, Parley.Nlp.Neural.NeuralParserModel.FileName);
        if (File.Exists(neuralPath))
        {
            // the neural scorer uses the word clusters even when the perceptron does not
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir))!, Learning.WordClusterTable.FileName);
            var neuralClusters = clusters ?? header.Clusters ?? (File.Exists(beside) ? Learning.WordClusterTable.Load(beside) : null);
            neural = Parley.Nlp.Neural.NeuralParserModel.Load(neuralPath, neuralClusters);
        }
        bool consulted = neural is null || neural.PerceptronWeight > 0 || neural.PerceptronLabelWeight > 0;
        var parser = header;
        if (consulted || perceptronsAlways)
        {
            var members = new List<DependencyParser> { LoadMember(dir, path, header.Clusters, weights: true) };
            for (int m = 1; File.Exists(Path.Combine(dir, MemberFileName(m))); m++)
                members.Add(LoadMember(dir, Path.Combine(dir, MemberFileName(m)), header.Clusters, weights: true));
            parser = members.Count == 1 ? members[0] : Ensemble(members);
        }
        return neural is null ? parser : parser.WithNeural(neural);
    }

    /// <summary>One member's file; with <paramref name="weights"/> false, its relations and clusters and no perceptrons.</summary>
    private static DependencyParser LoadMember(string dir, string path, Learning.WordClusterTable? clusters, bool weights)
    {
        using var r = Learning.ModelFile.Open(path, Magic, "parser model", FormatVersion, static v => v is 2 or FormatVersion, out int version);
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        ulong fingerprint = version >= 3 ? r.ReadUInt64() : 0;
        if (fingerprint == 0) clusters = null;
        else
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dir))!, Learning.WordClusterTable.FileName);
            if (clusters is null && File.Exists(beside)) clusters = Learning.WordClusterTable.Load(beside);
            if (clusters is null) throw new InvalidDataException($"{path}: the parser was trained with word clusters, but {beside} is missing");
            if (clusters.Fingerprint != fingerprint) throw new InvalidDataException($"{path}: the parser was trained with other word clusters than {beside}");
        }
        if (!weights) return new DependencyParser([], [], labels, clusters);
        var moves = HashedPerceptron.Read(r);
        var labelModel = HashedPerceptron.Read(r);
        return new DependencyParser(moves, labelModel, labels, clusters);
    }
}

/// <summary>Per-thread buffers for parsing: configuration, word attributes, features, scores.</summary>
internal sealed class ParserScratch
{
    public readonly ArcHybridState State = new();
    public readonly SentenceInput Input = new();
    public readonly ulong[] Features = new ulong[Math.Max(ParserFeatures.MaxTransitionFeatures, ParserFeatures.MaxLabelFeatures)];
    public readonly float[] Scores = new float[256];
    public readonly Neural.NeuralSentence Neural = new();
    /// <summary>The second sentence when two are encoded side by side.</summary>
    public readonly Neural.NeuralSentence Neural2 = new();
}
