using Parley.Nlp.Conllu;
using Parley.Nlp.Training;

namespace Parley.Nlp.Tests.Parsing;

public class TagJackknifeTests
{
    private static ConlluSentence Sentence(bool newDocument, string form)
    {
        var s = new ConlluSentence();
        if (newDocument) s.Comments.Add("# newdoc id = d" + form);
        s.Words.Add(new ConlluWord { Id = 1, Form = form, Upos = "NOUN", Head = 0, Deprel = "root" });
        return s;
    }

    [Fact]
    public void Folds_keep_documents_whole_and_deal_them_out_in_turn()
    {
        // documents: [0,1,2] [3] [4,5] [6] [7,8]
        bool[] starts = [true, false, false, true, true, false, true, true, false];
        var sentences = new List<ConlluSentence>();
        for (int i = 0; i < starts.Length; i++) sentences.Add(Sentence(starts[i], i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var folds = TagJackknife.FoldsByDocument(sentences, 2);

        Assert.Equal([0, 0, 0, 1, 0, 0, 1, 0, 0], folds);
        Assert.Equal([0, 0, 0, 1, 2, 2, 0, 1, 1], TagJackknife.FoldsByDocument(sentences, 3));
    }

    [Fact]
    public void A_first_sentence_without_newdoc_starts_a_document()
    {
        var folds = TagJackknife.FoldsByDocument([Sentence(false, "a"), Sentence(true, "b")], 2);
        Assert.Equal([0, 1], folds);
    }

    [Fact]
    public void Jackknifed_tags_keep_words_and_trees_and_are_reproducible()
    {
        var train = ConlluReader.ReadFile(Path.Combine(TestModel.Fixture("tiny-ud"), "tiny-ud-train.conllu"));
        var tagged = TagJackknife.Tag(train, 2, 2, 1, refine: false, _ => { });
        var again = TagJackknife.Tag(train, 2, 2, 1, refine: false, _ => { });

        Assert.Equal(train.Count, tagged.Count);
        for (int i = 0; i < train.Count; i++)
        {
            Assert.Equal(train[i].Words.Count, tagged[i].Words.Count);
            for (int k = 0; k < train[i].Words.Count; k++)
            {
                Assert.Equal(train[i].Words[k].Form, tagged[i].Words[k].Form);
                Assert.Equal(train[i].Words[k].Head, tagged[i].Words[k].Head);
                Assert.Equal(train[i].Words[k].Deprel, tagged[i].Words[k].Deprel);
                Assert.NotEqual("_", tagged[i].Words[k].Upos);
                Assert.Equal(again[i].Words[k].Upos, tagged[i].Words[k].Upos);
            }
        }
    }
}
