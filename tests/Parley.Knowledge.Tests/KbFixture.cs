using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

/// <summary>The committed knowledge base, loaded once for all tests that need it.</summary>
public sealed class KbFixture
{
    public KnowledgeBase Kb { get; } = KnowledgeBase.LoadDefault();

    public Document Process(string text, DateOnly? published, bool withCoref = true)
    {
        var doc = new Document("t", text) { Published = published };
        Tokenizer.Tokenize(doc);
        new EntityLinker(Kb).Process(doc);
        new Geocoder(Kb).Process(doc);
        if (withCoref) new CoreferenceResolver().Process(doc);
        return doc;
    }
}

[CollectionDefinition("kb")]
public sealed class KbCollection : ICollectionFixture<KbFixture>;
