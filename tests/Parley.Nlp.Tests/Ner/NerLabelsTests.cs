using Parley.Nlp.Ner;

namespace Parley.Nlp.Tests.Ner;

public sealed class NerLabelsTests
{
    [Fact]
    public void Iob1_is_converted_to_iob2()
    {
        // CoNLL-2003: "I-" everywhere, "B-" only where two entities of one type touch.
        string[] iob1 = ["I-ORG", "O", "I-MISC", "O", "I-PER", "I-PER", "B-PER", "I-LOC", "I-ORG"];
        var labels = NerLabels.FromIob1(iob1);
        string[] expected = ["B-ORG", "O", "B-MISC", "O", "B-PER", "I-PER", "B-PER", "B-LOC", "B-ORG"];
        Assert.Equal(expected, labels.Select(l => NerLabels.Names[l]));
    }

    [Fact]
    public void Unknown_types_and_b_o_become_o()
    {
        Assert.Equal(NerLabels.O, NerLabels.Parse("B-OTH"));
        Assert.Equal(NerLabels.O, NerLabels.Parse("B-O"));
        Assert.Equal(NerLabels.O, NerLabels.Parse("O"));
        Assert.Equal(NerLabels.Begin(2), NerLabels.Parse("B-LOC"));
        Assert.Equal(NerLabels.Inside(3), NerLabels.Parse("I-MISC"));
    }

    [Fact]
    public void Spans_are_decoded_end_exclusive_and_stray_inside_opens_a_span()
    {
        int[] labels = [.. new[] { "B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG" }.Select(t => NerLabels.Parse(t))];
        var spans = NerLabels.Spans(labels);
        Assert.Equal([(0, 2, 0), (3, 5, 2), (5, 6, 2), (6, 7, 1)], spans);
    }

    [Fact]
    public void Conll2003_reader_splits_documents_and_converts_tags()
    {
        const string text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";
        var docs = NerCorpus.ReadConll2003(new StringReader(text));
        Assert.Equal(2, docs.Count);
        Assert.Equal(2, docs[0].Sentences.Count);
        Assert.Equal(["EU", "rejects", "German"], docs[0].Sentences[0].Tokens);
        Assert.Equal(["B-PER", "I-PER"], docs[0].Sentences[1].Labels.Select(l => NerLabels.Names[l]));
        Assert.Equal(NerDomain.News, docs[1].Domain);
    }

    [Fact]
    public void Iob2_reader_maps_oth_to_o_and_repairs_stray_inside()
    {
        const string text = "# newdoc id = a\n# sent_id = a-1\n# text = x\n1\tI\tO\n2\tlove\tB-O\n3\tTampa\tI-LOC\t-\tstephen\n4\tBay\tI-LOC\t-\tstephen\n5\tiPhone\tB-OTH\t-\tstephen\n\n";
        var docs = NerCorpus.ReadIob2(new StringReader(text));
        var labels = docs.Single().Sentences.Single().Labels.Select(l => NerLabels.Names[l]);
        Assert.Equal(["O", "O", "B-LOC", "I-LOC", "O"], labels);
        Assert.Equal(NerDomain.Web, docs[0].Domain);
    }
}

public sealed class NerBilouTests
{
    [Fact]
    public void Iob2_round_trips_through_bilou()
    {
        int[] iob2 = [.. new[] { "B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "B-MISC" }.Select(t => NerLabels.Parse(t))];
        var bilou = new int[iob2.Length];
        NerBilou.FromIob2(iob2, bilou);
        // B-PER I-PER L-PER O U-LOC B-LOC L-LOC U-MISC
        Assert.Equal([1, 2, 3, 0, 1 + 4 * 2 + 3, 1 + 4 * 2, 1 + 4 * 2 + 2, 1 + 4 * 3 + 3], bilou);
        var back = new int[iob2.Length];
        NerBilou.ToIob2(bilou, back);
        Assert.Equal(iob2, back);
    }

    [Fact]
    public void Transitions_keep_entities_well_formed()
    {
        Assert.True(NerBilou.Allowed(-1, 1));      // start -> B-PER
        Assert.False(NerBilou.Allowed(-1, 2));     // start -> I-PER
        Assert.True(NerBilou.Allowed(1, 3));       // B-PER -> L-PER
        Assert.False(NerBilou.Allowed(1, 0));      // B-PER -> O
        Assert.False(NerBilou.Allowed(1, 7));      // B-PER -> L-ORG
        Assert.True(NerBilou.Allowed(4, 5));       // U-PER -> B-ORG
        Assert.False(NerBilou.CanEnd(2));          // a sentence cannot end inside an entity
    }
}
