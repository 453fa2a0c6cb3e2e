using Parley.Core;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Tests;

public class ModelSmokeTests
{
    [Fact]
    public void Tags_lemmas_and_features_of_a_plain_sentence()
    {
        var doc = TestModel.Process("The cats sat on the mat.");
        Assert.Equal(7, doc.TokenCount);
        var upos = new List<UPos>();
        foreach (ref readonly var t in doc.Tokens) upos.Add(t.Upos);
        Assert.Equal([UPos.DET, UPos.NOUN, UPos.VERB, UPos.ADP, UPos.DET, UPos.NOUN, UPos.PUNCT], upos);
        Assert.Equal("cat", doc.Token(1).Lemma);
        Assert.Equal("sit", doc.Token(2).Lemma);
        Assert.Equal("NNS", doc.Token(1).Xpos);
        Assert.Equal("Number=Plur", doc.Token(1).Feats);
        Assert.Equal("VBD", doc.Token(2).Xpos);
    }

    [Fact]
    public void Contractions_get_their_own_tags_and_lemmas()
    {
        var doc = TestModel.Process("She doesn't think Google's plan works.");
        Assert.Equal("does", doc.Token(1).Text);
        Assert.Equal("n't", doc.Token(2).Text);
        Assert.Equal("do", doc.Token(1).Lemma);
        Assert.Equal("not", doc.Token(2).Lemma);
        Assert.Equal(UPos.PART, doc.Token(2).Upos);
        Assert.Equal(UPos.PROPN, doc.Token(4).Upos);
        Assert.Equal("POS", doc.Token(5).Xpos);
    }

    [Fact]
    public void Writes_conllu_with_multiword_lines_and_the_exact_input_characters()
    {
        var text = "I don't know.\n\nIt's \u201Cfine\u201D.";
        var doc = TestModel.Process(text);
        var w = new StringWriter();
        DocumentConllu.Write(w, doc);
        var sentences = ConlluReader.Read(new StringReader(w.ToString())).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("# text = I don't know.", sentences[0].Comments[0]);
        Assert.Single(sentences[0].Multiwords);
        Assert.Equal("don't", sentences[0].Multiwords[0].Form);
        Assert.Equal(["I", "do", "n't", "know", "."], sentences[0].Words.Select(x => x.Form));
        Assert.Equal("\u201Cfine\u201D", string.Concat(sentences[1].Words.Skip(2).Take(3).Select(x => x.Form)));
    }

    [Fact]
    public void Gold_tokenization_is_kept_when_tagging_conllu()
    {
        var gold = ConlluReader.ReadFile(TestModel.Fixture("gold.conllu"));
        var doc = DocumentConllu.FromSentences("gold", gold);
        TestModel.Nlp.TaggerComponent().Process(doc);
        Assert.Equal(gold.Count, doc.SentenceCount);
        Assert.Equal(gold.Sum(s => s.Words.Count), doc.TokenCount);
        Assert.Equal("n't", doc.Token(7 + 2).Text);
    }
}
