using Parley.Nlp.Conllu;

namespace Parley.Nlp.Tests.Parsing;

/// <summary>A small hand-written treebank (projective, UD style) for fast tests.</summary>
internal static class TinyTreebank
{
    /// <summary>Both parsers give every sentence of <paramref name="treebank"/> the same heads and relations.</summary>
    public static void AssertSameParses(Parley.Nlp.Parsing.DependencyParser a, Parley.Nlp.Parsing.DependencyParser b, IEnumerable<ConlluSentence> treebank)
    {
        foreach (var gold in treebank)
        {
            var x = Unparsed(gold);
            var y = Unparsed(gold);
            a.Parse(x);
            b.Parse(y);
            for (int i = 0; i < x.Words.Count; i++)
            {
                Assert.Equal(x.Words[i].Head, y.Words[i].Head);
                Assert.Equal(x.Words[i].Deprel, y.Words[i].Deprel);
            }
        }
    }

    private const string Text = """
        1	The	the	DET	DT	_	2	det	_	_
        2	president	president	NOUN	NN	_	3	nsubj	_	_
        3	met	meet	VERB	VBD	_	0	root	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	ambassador	ambassador	NOUN	NN	_	3	obj	_	_
        6	in	in	ADP	IN	_	7	case	_	_
        7	Kabul	Kabul	PROPN	NNP	_	3	obl	_	_
        8	.	.	PUNCT	.	_	3	punct	_	_

        1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
        2	attacked	attack	VERB	VBD	_	0	root	_	_
        3	a	a	DET	DT	_	5	det	_	_
        4	military	military	ADJ	JJ	_	5	amod	_	_
        5	convoy	convoy	NOUN	NN	_	2	obj	_	_
        6	near	near	ADP	IN	_	8	case	_	_
        7	the	the	DET	DT	_	8	det	_	_
        8	border	border	NOUN	NN	_	2	obl	_	_
        9	.	.	PUNCT	.	_	2	punct	_	_

        1	The	the	DET	DT	_	2	det	_	_
        2	minister	minister	NOUN	NN	_	3	nsubj	_	_
        3	said	say	VERB	VBD	_	0	root	_	_
        4	that	that	SCONJ	IN	_	7	mark	_	_
        5	the	the	DET	DT	_	6	det	_	_
        6	talks	talk	NOUN	NNS	_	7	nsubj	_	_
        7	failed	fail	VERB	VBD	_	3	ccomp	_	_
        8	.	.	PUNCT	.	_	3	punct	_	_

        1	Police	police	NOUN	NNS	_	2	nsubj	_	_
        2	arrested	arrest	VERB	VBD	_	0	root	_	_
        3	two	two	NUM	CD	_	4	nummod	_	_
        4	men	man	NOUN	NNS	_	2	obj	_	_
        5	and	and	CCONJ	CC	_	6	cc	_	_
        6	seized	seize	VERB	VBD	_	2	conj	_	_
        7	weapons	weapon	NOUN	NNS	_	6	obj	_	_
        8	.	.	PUNCT	.	_	2	punct	_	_

        1	The	the	DET	DT	_	2	det	_	_
        2	government	government	NOUN	NN	_	4	nsubj	_	_
        3	will	will	AUX	MD	_	4	aux	_	_
        4	send	send	VERB	VB	_	0	root	_	_
        5	troops	troop	NOUN	NNS	_	4	obj	_	_
        6	to	to	ADP	IN	_	8	case	_	_
        7	the	the	DET	DT	_	8	det	_	_
        8	region	region	NOUN	NN	_	4	obl	_	_
        9	.	.	PUNCT	.	_	4	punct	_	_

        1	Protesters	protester	NOUN	NNS	_	2	nsubj	_	_
        2	gathered	gather	VERB	VBD	_	0	root	_	_
        3	in	in	ADP	IN	_	5	case	_	_
        4	the	the	DET	DT	_	5	det	_	_
        5	capital	capital	NOUN	NN	_	2	obl	_	_
        6	on	on	ADP	IN	_	7	case	_	_
        7	Monday	Monday	PROPN	NNP	_	2	obl	_	_
        8	.	.	PUNCT	.	_	2	punct	_	_

        1	Israel	Israel	PROPN	NNP	_	2	nsubj	_	_
        2	accused	accuse	VERB	VBD	_	0	root	_	_
        3	Iran	Iran	PROPN	NNP	_	2	obj	_	_
        4	of	of	SCONJ	IN	_	5	mark	_	_
        5	supporting	support	VERB	VBG	_	2	advcl	_	_
        6	militants	militant	NOUN	NNS	_	5	obj	_	_
        7	.	.	PUNCT	.	_	2	punct	_	_

        1	The	the	DET	DT	_	3	det	_	_
        2	new	new	ADJ	JJ	_	3	amod	_	_
        3	agreement	agreement	NOUN	NN	_	5	nsubj	_	_
        4	was	be	AUX	VBD	_	5	cop	_	_
        5	good	good	ADJ	JJ	_	0	root	_	_
        6	for	for	ADP	IN	_	8	case	_	_
        7	both	both	DET	DT	_	8	det	_	_
        8	sides	side	NOUN	NNS	_	5	obl	_	_
        9	.	.	PUNCT	.	_	5	punct	_	_

        """;

    public static List<ConlluSentence> Sentences()
    {
        using var reader = new StringReader(Text.Replace("\r", "", StringComparison.Ordinal));
        return [.. ConlluReader.Read(reader)];
    }

    /// <summary>A copy with only the words' forms and tags: heads and relations blank.</summary>
    public static ConlluSentence Unparsed(ConlluSentence gold)
    {
        var copy = new ConlluSentence();
        foreach (var w in gold.Words)
            copy.Words.Add(new ConlluWord { Id = w.Id, Form = w.Form, Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos, Feats = w.Feats });
        return copy;
    }

    /// <summary>A sentence from (form, upos, xpos) triples with the lemma = lowercased form.</summary>
    public static ConlluSentence Tagged(params (string Form, string Upos, string Xpos)[] words)
    {
        var s = new ConlluSentence();
        for (int i = 0; i < words.Length; i++)
            s.Words.Add(new ConlluWord { Id = i + 1, Form = words[i].Form, Lemma = words[i].Form.ToLowerInvariant(), Upos = words[i].Upos, Xpos = words[i].Xpos });
        return s;
    }
}
