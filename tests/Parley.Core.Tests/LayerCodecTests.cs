using Parley.Core;

using Parley.Storage.Tests;

namespace Parley.Core.Tests;

public class LayerCodecTests
{
    [Fact]
    public void OddHeadsLongStringsAndOverlappingSpansRoundTrip()
    {
        var doc = new Document("x", "gonna go");
        string longLemma = new('a', 1000);
        doc.AddSentence(new SentenceData(0, 8, 0, 3));
        doc.AddToken(new TokenData { Start = 0, End = 5, Head = -1, Lemma = StringStore.Intern(longLemma), Flags = TokenFlags.MultiwordPart });
        doc.AddToken(new TokenData { Start = 0, End = 5, Head = 0, Lemma = StringStore.Intern("na"), Upos = UPos.PART, Flags = TokenFlags.MultiwordPart | TokenFlags.SpaceAfter });
        doc.AddToken(new TokenData { Start = 6, End = 8, Head = -7, Deprel = StringStore.Intern("dep"), Upos = UPos.VERB });

        var codec = new LayerCodec();
        var blob = codec.EncodeLayers(doc);
        var back = new Document("x", doc.Text);
        LayerCodec.DecodeLayers(blob, back);

        Assert.True(doc.Tokens.SequenceEqual(back.Tokens));
        Assert.True(doc.Sentences.SequenceEqual(back.Sentences));
        Assert.Equal(longLemma, back.Token(0).Lemma);
    }

    [Fact]
    public void TokenLayerIsCompact()
    {
        var doc = TestDocuments.Annotated("x", seed: 3);
        var blob = new LayerCodec().EncodeLayers(doc);
        // ~600 tokens with random tags and heads (about 20 bits of entropy a token): under 6 bytes a token,
        // against 44 bytes a token in memory. Real text, being less random, compresses better.
        Assert.True(blob.Length < doc.TokenCount * 6, $"{blob.Length} bytes for {doc.TokenCount} tokens");
    }

    [Fact]
    public void CorruptBlobIsReportedAsInvalidData()
    {
        var doc = TestDocuments.Annotated("x", seed: 4);
        var blob = new LayerCodec().EncodeLayers(doc);
        var truncated = blob.AsSpan(0, blob.Length / 2).ToArray();
        Assert.ThrowsAny<InvalidDataException>(() => LayerCodec.DecodeLayers(truncated, new Document("x", doc.Text)));
    }

    [Fact]
    public void OffsetMapRoundTrips()
    {
        var map = new OffsetMap([0, 1, 2, 10, 11, 12, 5, 100]);
        var codec = new LayerCodec();
        var back = LayerCodec.DecodeOffsets(codec.EncodeOffsets(map));
        Assert.True(map.ToArray().SequenceEqual(back.ToArray()));
    }
}
