using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>
/// Statements in words of a more specific act, from raw text through the whole pipeline (issue 11): criticism, praise,
/// denial, threat and sympathy get their CAMEO code and the actor the words are about; negated or targetless words do
/// not. Sentences written for this test.
/// </summary>
public class SpeechActTests
{
    private static readonly string[] Sentences =
    [
        "Jacques Chirac said Tony Blair had done an excellent job.",
        "Gordon Brown said the Liberal Democrats were behaving like squabbling schoolboys.",
        "Jack Straw said North Korea had a terrible human rights record.",
        "Gordon Brown said there was nothing wrong with the Liberal Democrats' plans.",
        "The Iranian foreign ministry denied that Iran had supplied weapons to the rebels.",
        "Vladimir Putin said Russia would retaliate against Georgia if attacked.",
        "Angela Merkel said her sympathies were with the people of France.",
        "Prime Minister Tony Blair said the plans were a ludicrous improbability.",
        "Jacques Chirac sent his condolences to Tony Blair.",
        "Vladimir Putin offered an apology to Georgia.",
    ];

    [Fact]
    public void Statements_take_the_code_of_the_act_their_words_carry()
    {
        using var tmp = new TempDir();
        string input = JsonSerializer.Serialize(new { id = "acts", title = "Leaders trade words", date = "2005-06-30", text = string.Join(" ", Sentences) }) + "\n";
        var r = CliRunner.Run(tmp.Path, input, "code", "-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout.Trim());
        var doc = json.RootElement;
        string text = doc.GetProperty("text").GetString()!;
        var sentences = doc.GetProperty("sentences").EnumerateArray().Select(s => text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]).ToList();
        var events = doc.GetProperty("events").EnumerateArray().Select(e =>
        {
            var target = e.GetProperty("target");
            return (Sentence: sentences[e.GetProperty("sentence").GetInt32()], Source: e.GetProperty("source").GetProperty("actor").GetString(),
                Target: target.ValueKind == JsonValueKind.Null ? null : target.GetProperty("actor").GetString(), Cameo: e.GetProperty("cameo").GetString());
        }).ToList();
        string all = string.Join("; ", events.Select(e => $"{e.Source}>{e.Target} {e.Cameo}"));
        (string? Target, string? Cameo) Of(int i) => events.Where(e => e.Sentence == Sentences[i]).Select(e => (e.Target, e.Cameo)).SingleOrDefault();

        Assert.True(Of(0) == ("GBRGOV", "051"), "praise: " + all);
        Assert.True(Of(1) == ("GBRPTY", "111"), "criticism: " + all);
        Assert.True(Of(2) == ("PRK", "111"), "criticism of a country: " + all);
        Assert.True(Of(3).Cameo is null or "010", "negated criticism: " + all);
        Assert.True(Of(4) == (null, "016"), "denial: " + all);
        Assert.True(Of(5) == ("GEO", "130"), "threat: " + all);
        Assert.True(Of(6).Cameo == "018", "sympathy: " + all);
        Assert.True(Of(7) == (null, "010"), "criticism about no actor stays a statement: " + all);
        // A verb carrying an act noun is that act, aimed at its "to" phrase.
        Assert.True(Of(8) == ("GBRGOV", "018"), "sympathy carried by 'sent': " + all);
        Assert.True(Of(9) == ("GEO", "055"), "apology carried by 'offered': " + all);
    }
}
