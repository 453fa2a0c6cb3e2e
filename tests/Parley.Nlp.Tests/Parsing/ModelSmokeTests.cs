using Parley.Core;
using Parley.Nlp.Conllu;
using Parley.Nlp.Parsing;

namespace Parley.Nlp.Tests.Parsing;

/// <summary>Checks the committed model (models/nlp-en-ewt/parser/parser.bin.gz) on sentences whose analysis is unambiguous.</summary>
public class ModelSmokeTests
{
    private static readonly Lazy<DependencyParser> Model = new(() =>
    {
        string dir = ModelLocator.FindModel("nlp-en-ewt") ?? throw new InvalidOperationException("models/nlp-en-ewt not found");
        return DependencyParser.Load(Path.Combine(dir, DependencyParser.Subfolder));
    });

    private static (int Head, string Deprel) Arc(ConlluSentence s, int id) => (s.Words[id - 1].Head, s.Words[id - 1].Deprel);

    [Fact]
    public void Loaded_for_parsing_it_leaves_the_perceptrons_its_network_does_not_consult_on_disk_and_parses_the_same()
    {
        string dir = Path.Combine(ModelLocator.FindModel("nlp-en-ewt") ?? throw new InvalidOperationException("models/nlp-en-ewt not found"), DependencyParser.Subfolder);
        var lean = DependencyParser.LoadForParsing(dir, null);
        Assert.True(lean.IsNeural);
        Assert.Equal(Model.Value.PerceptronWeights is (0, 0), !lean.HasPerceptrons);
        Assert.True(Model.Value.HasPerceptrons);
        Assert.Throws<InvalidOperationException>(() => lean.WithoutNeural());
        ConlluSentence[] sentences =
        [
            TinyTreebank.Tagged(("He", "PRON", "PRP"), ("said", "VERB", "VBD"), ("that", "SCONJ", "IN"), ("the", "DET", "DT"),
                ("army", "NOUN", "NN"), ("would", "AUX", "MD"), ("withdraw", "VERB", "VB"), (".", "PUNCT", ".")),
            TinyTreebank.Tagged(("Two", "NUM", "CD"), ("soldiers", "NOUN", "NNS"), ("were", "AUX", "VBD"), ("killed", "VERB", "VBN"),
                ("by", "ADP", "IN"), ("rebels", "NOUN", "NNS"), ("in", "ADP", "IN"), ("Kabul", "PROPN", "NNP"), (".", "PUNCT", ".")),
        ];
        foreach (var s in sentences)
        {
            var again = TinyTreebank.Tagged([.. s.Words.Select(w => (w.Form, w.Upos, w.Xpos))]);
            Model.Value.Parse(s);
            lean.Parse(again);
            Assert.Equal(s.Words.Select(w => (w.Head, w.Deprel, w.Upos, w.Xpos)), again.Words.Select(w => (w.Head, w.Deprel, w.Upos, w.Xpos)));
        }
    }

    [Fact]
    public void PresidentMetAmbassador()
    {
        var s = TinyTreebank.Tagged(("The", "DET", "DT"), ("president", "NOUN", "NN"), ("met", "VERB", "VBD"), ("the", "DET", "DT"),
            ("ambassador", "NOUN", "NN"), ("in", "ADP", "IN"), ("Kabul", "PROPN", "NNP"), (".", "PUNCT", "."));
        Model.Value.Parse(s);
        Assert.Equal((2, "det"), Arc(s, 1));
        Assert.Equal((3, "nsubj"), Arc(s, 2));
        Assert.Equal((0, "root"), Arc(s, 3));
        Assert.Equal((5, "det"), Arc(s, 4));
        Assert.Equal((3, "obj"), Arc(s, 5));
        Assert.Equal((7, "case"), Arc(s, 6));
        Assert.Equal((3, "punct"), Arc(s, 8));
    }

    [Fact]
    public void PassiveWithAgent()
    {
        var s = TinyTreebank.Tagged(("Two", "NUM", "CD"), ("soldiers", "NOUN", "NNS"), ("were", "AUX", "VBD"), ("killed", "VERB", "VBN"),
            ("by", "ADP", "IN"), ("rebels", "NOUN", "NNS"), ("yesterday", "NOUN", "NN"), (".", "PUNCT", "."));
        Model.Value.Parse(s);
        Assert.Equal((2, "nummod"), Arc(s, 1));
        Assert.Equal((4, "nsubj:pass"), Arc(s, 2));
        Assert.Equal((4, "aux:pass"), Arc(s, 3));
        Assert.Equal((0, "root"), Arc(s, 4));
        Assert.Equal((6, "case"), Arc(s, 5));
        Assert.Equal(4, Arc(s, 6).Head);
    }

    [Fact]
    public void EveryParseIsATreeWithOneRoot()
    {
        var s = TinyTreebank.Tagged(("He", "PRON", "PRP"), ("said", "VERB", "VBD"), ("that", "SCONJ", "IN"), ("the", "DET", "DT"),
            ("army", "NOUN", "NN"), ("would", "AUX", "MD"), ("withdraw", "VERB", "VB"), ("and", "CCONJ", "CC"), ("talks", "NOUN", "NNS"),
            ("would", "AUX", "MD"), ("resume", "VERB", "VB"), (".", "PUNCT", "."));
        Model.Value.Parse(s);
        AssertTree(s);
        Assert.Equal((0, "root"), Arc(s, 2));
        Assert.Equal((2, "nsubj"), Arc(s, 1));
    }

    [Fact]
    public void ReportedClauseIsAComplement()
    {
        var s = TinyTreebank.Tagged(("He", "PRON", "PRP"), ("said", "VERB", "VBD"), ("that", "SCONJ", "IN"), ("the", "DET", "DT"),
            ("army", "NOUN", "NN"), ("would", "AUX", "MD"), ("withdraw", "VERB", "VB"), (".", "PUNCT", "."));
        Model.Value.Parse(s);
        AssertTree(s);
        Assert.Equal((2, "ccomp"), Arc(s, 7));
        Assert.Equal((7, "mark"), Arc(s, 3));
        Assert.Equal((7, "nsubj"), Arc(s, 5));
    }

    [Fact]
    public void AVeryLongSentenceWithoutPunctuationParsesInLinearTime()
    {
        (string, string, string)[] pattern =
        [
            ("the", "DET", "DT"), ("soldiers", "NOUN", "NNS"), ("said", "VERB", "VBD"), ("that", "SCONJ", "IN"), ("rebels", "NOUN", "NNS"),
            ("attacked", "VERB", "VBD"), ("a", "DET", "DT"), ("convoy", "NOUN", "NN"), ("near", "ADP", "IN"), ("Kabul", "PROPN", "NNP"),
        ];
        var words = new (string, string, string)[5000];
        for (int i = 0; i < words.Length; i++) words[i] = pattern[i % pattern.Length];
        var s = TinyTreebank.Tagged(words);
        Model.Value.Parse(s);
        AssertTree(s);
    }

    internal static void AssertTree(ConlluSentence s)
    {
        int n = s.Words.Count, roots = 0;
        foreach (var w in s.Words)
        {
            Assert.InRange(w.Head, 0, n);
            Assert.NotEqual(w.Id, w.Head);
            if (w.Head == 0) { roots++; Assert.Equal("root", w.Deprel); }
            else Assert.NotEqual("root", w.Deprel);
        }
        Assert.Equal(1, roots);
        // No cycles: from every word, following heads reaches the root within n steps.
        foreach (var w in s.Words)
        {
            int at = w.Id, steps = 0;
            while (at != 0 && steps++ <= n) at = s.Words[at - 1].Head;
            Assert.Equal(0, at);
        }
    }
}
