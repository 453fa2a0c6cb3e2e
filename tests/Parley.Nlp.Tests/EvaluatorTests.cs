using Parley.Nlp.Evaluation;

namespace Parley.Nlp.Tests;

public class EvaluatorTests
{
    [Fact]
    public void Scores_a_hand_made_system_file()
    {
        // system.conllu: "mat" mistagged, one wrong head, one wrong lemma, "don't" left as one word
        var s = ConlluEvaluator.ScoreFiles(TestModel.Fixture("gold.conllu"), TestModel.Fixture("system.conllu"));
        Assert.Equal(100.0, s.Tokens, 2);
        Assert.Equal(100.0, s.Sentences, 2);
        Assert.Equal(100.0 * 2 * 19 / 39, s.Words, 2);   // 19 of 20 gold words aligned, 19 system words
        Assert.Equal(100.0 * 2 * 18 / 39, s.Upos, 2);
        Assert.Equal(100.0 * 2 * 18 / 39, s.Uas, 2);
        Assert.Equal(100.0 * 2 * 18 / 39, s.Las, 2);
        Assert.Equal(100.0 * 2 * 18 / 39, s.Lemmas, 2);   // "cats" for "cat"
    }

    [Fact]
    public void Identical_files_score_100()
    {
        var s = ConlluEvaluator.ScoreFiles(TestModel.Fixture("gold.conllu"), TestModel.Fixture("gold.conllu"));
        Assert.Equal(100.0, s.Upos, 6);
        Assert.Equal(100.0, s.Las, 6);
        Assert.Equal(100.0, s.UFeats, 6);
    }
}
