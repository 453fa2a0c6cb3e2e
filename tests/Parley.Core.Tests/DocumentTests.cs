using Parley.Core;

namespace Parley.Core.Tests;

public class DocumentTests
{
    [Fact]
    public void TokenAndSentenceLookupsFindTheSpanHoldingAnOffset()
    {
        var doc = new Document("d1", "Hello world. Bye.");
        doc.AddToken(new TokenData { Start = 0, End = 5 });
        doc.AddToken(new TokenData { Start = 6, End = 11 });
        doc.AddToken(new TokenData { Start = 11, End = 12 });
        doc.AddToken(new TokenData { Start = 13, End = 16, Sentence = 1 });
        doc.AddToken(new TokenData { Start = 16, End = 17, Sentence = 1 });
        doc.AddSentence(new SentenceData(0, 12, 0, 3));
        doc.AddSentence(new SentenceData(13, 17, 3, 5));

        Assert.Equal(1, doc.TokenAt(7));
        Assert.Equal(-1, doc.TokenAt(5));
        Assert.Equal(1, doc.SentenceAt(14));
        Assert.Equal("world", doc.Token(1).Text);
        Assert.Equal("Bye.", doc.Sentence(1).Text);
        Assert.Equal(2, doc.Sentence(1).TokenCount);
    }

    [Fact]
    public void StringStoreInternsOnceAndTreatsUnderscoreAsUnset()
    {
        int a = StringStore.Intern("nsubj");
        int b = StringStore.Intern("nsubj".AsSpan());
        Assert.Equal(a, b);
        Assert.Equal("nsubj", StringStore.Get(a));
        Assert.Equal(0, StringStore.Intern("_"));
    }

    [Fact]
    public void JsonHasTheContractFieldsAndEmptyLayersAsEmptyLists()
    {
        var doc = new Document("abc", "Text.") { Title = null, Published = new DateOnly(2019, 12, 4) };
        string json = DocumentJson.ToJson(doc);
        Assert.Equal("{\"id\":\"abc\",\"title\":null,\"published\":\"2019-12-04\",\"language\":\"en\",\"text\":\"Text.\",\"sentences\":[],\"entities\":[],\"places\":[],\"dates\":[],\"quotes\":[],\"events\":[]}", json);
    }
}
