using Parley.Knowledge.Eval;
using Parley.Knowledge.Geo;
using Parley.Knowledge.Linking;
using Xunit.Abstractions;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

/// <summary>
/// Resolution on the GeoWebNews development set with its gold spans, on the committed knowledge base. Without the NLP
/// models (this project has none), the article's other names come from the dictionary alone, so the figures are a
/// little below <c>parley eval geo</c>'s; the thresholds guard against a regression of the gazetteer or the rules.
/// </summary>
[Collection("kb")]
public class GeoWebNewsTests(KbFixture fx, ITestOutputHelper output)
{
    private const string Path = "geo_dev_geowebnews/gwn.jsonl.gz";

    [SharedDataFact(Path)]
    public void GoldSpansAreResolvedToTheirPlaces()
    {
        var articles = GeoWebNewsEvaluation.Read(SharedData.Find(Path)!);
        var linker = new EntityLinker(fx.Kb);
        var outcomes = GeoWebNewsEvaluation.GoldSpans(fx.Kb, articles, doc => { Tokenizer.Tokenize(doc); linker.Process(doc); }, new Geocoder(fx.Kb));
        var all = GeoWebNewsEvaluation.Score(outcomes);
        var withId = GeoWebNewsEvaluation.Score(outcomes.Where(o => o.Gold.GeonameId is not null));
        output.WriteLine(GwnScores.Header);
        output.WriteLine(all.Row("gold spans"));
        output.WriteLine(withId.Row("  with GeoNames id"));
        Assert.Equal(2599, all.Gold);
        Assert.True(all.Within161Share >= 0.78, all.Row("gold spans"));
        Assert.True(withId.Within161Share >= 0.85, withId.Row("with GeoNames id"));
        Assert.True(all.RightCountryShare >= 0.95, all.Row("gold spans"));
    }
}
