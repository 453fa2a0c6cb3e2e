using Parley.Core;
using Parley.Nlp.Parsing;

namespace Parley.Nlp.Tests.Parsing;

public class TrainingTests
{
    private static readonly ParserTrainOptions Small = new() { Seed = 3, Epochs = 15, MoveBits = 14, LabelBits = 10, SimulateTagErrors = false };

    [Fact]
    public void LearnsATinyTreebank()
    {
        var treebank = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(treebank, [], Small);
        var score = ParserEvaluation.Evaluate(parser, treebank);
        Assert.Equal(100.0, score.Uas);
        Assert.Equal(100.0, score.Las);
    }

    [Fact]
    public void TrainingIsDeterministicForASeed()
    {
        var treebank = TinyTreebank.Sentences();
        var options = new ParserTrainOptions { Seed = 5, Epochs = 3, MoveBits = 12, LabelBits = 8 };
        var a = DependencyParser.Train(treebank, [], options);
        var b = DependencyParser.Train(treebank, [], options);
        string dirA = Directory.CreateTempSubdirectory("parley-parser-").FullName;
        string dirB = Directory.CreateTempSubdirectory("parley-parser-").FullName;
        try
        {
            a.Save(dirA);
            b.Save(dirB);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dirA, DependencyParser.FileName)), File.ReadAllBytes(Path.Combine(dirB, DependencyParser.FileName)));
        }
        finally
        {
            Directory.Delete(dirA, true);
            Directory.Delete(dirB, true);
        }
    }

    [Fact]
    public void SavedModelParsesLikeTheOriginal()
    {
        var treebank = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(treebank, [], Small);
        string dir = Directory.CreateTempSubdirectory("parley-parser-").FullName;
        try
        {
            parser.Save(dir);
            var loaded = DependencyParser.Load(dir);
            TinyTreebank.AssertSameParses(parser, loaded, treebank);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void AnEnsembleSavesOneFilePerMemberAndReloadsAsTheSameEnsemble()
    {
        var treebank = TinyTreebank.Sentences();
        var members = new[] { 3, 4 }.Select(seed => DependencyParser.Train(treebank, [], new ParserTrainOptions { Seed = seed, Epochs = 6, MoveBits = 14, LabelBits = 10, SimulateTagErrors = false })).ToList();
        var ensemble = DependencyParser.Ensemble(members);
        Assert.Equal(2, ensemble.Members);
        Assert.Equal(100.0, ParserEvaluation.Evaluate(ensemble, treebank).Las);
        string dir = Directory.CreateTempSubdirectory("parley-parser-").FullName;
        try
        {
            ensemble.Save(dir);
            Assert.True(File.Exists(Path.Combine(dir, DependencyParser.MemberFileName(1))));
            var loaded = DependencyParser.Load(dir);
            Assert.Equal(2, loaded.Members);
            Assert.Equal(100.0, ParserEvaluation.Evaluate(loaded, treebank).Las);
            // saving a single parser over it removes the second member's file
            members[0].Save(dir);
            Assert.False(File.Exists(Path.Combine(dir, DependencyParser.MemberFileName(1))));
            Assert.Equal(1, DependencyParser.Load(dir).Members);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ParsesADocumentWithAbsoluteHeads()
    {
        var treebank = TinyTreebank.Sentences();
        var parser = DependencyParser.Train(treebank, [], Small);
        // Two sentences of the treebank in one document: heads must point inside their own sentence.
        var first = treebank[0];
        var second = treebank[2];
        string text = string.Join(' ', first.Words.ConvertAll(w => w.Form)) + " " + string.Join(' ', second.Words.ConvertAll(w => w.Form));
        var doc = new Document("d", text);
        int offset = 0, sentenceIndex = 0;
        foreach (var s in new[] { first, second })
        {
            int firstToken = doc.TokenCount;
            int start = offset;
            foreach (var w in s.Words)
            {
                int at = text.IndexOf(w.Form, offset, StringComparison.Ordinal);
                doc.AddToken(new TokenData
                {
                    Start = at, End = at + w.Form.Length, Sentence = sentenceIndex,
                    Upos = UPosNames.Parse(w.Upos), Xpos = StringStore.Intern(w.Xpos), Lemma = StringStore.Intern(w.Lemma), Head = -1,
                });
                offset = at + w.Form.Length;
            }
            doc.AddSentence(new SentenceData(start, offset, firstToken, doc.TokenCount));
            sentenceIndex++;
        }
        new ParserComponent(parser).Process(doc);

        int k = 0;
        foreach (var s in new[] { first, second })
        {
            int firstToken = k;
            foreach (var w in s.Words)
            {
                var t = doc.Token(k++);
                Assert.Equal(w.Head == 0 ? -1 : firstToken + w.Head - 1, t.HeadIndex);
                Assert.Equal(w.Deprel, t.Deprel);
            }
        }
    }
}
