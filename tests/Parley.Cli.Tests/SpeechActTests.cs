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
        "Gerhard Schroeder said his sympathies were with the people of France.", // Merkel, chancellor from 2005-11, was of no known role in June 2005
        "Prime Minister Tony Blair said the plans were a ludicrous improbability.",
        "Jacques Chirac sent his condolences to Tony Blair.",
        "Vladimir Putin offered an apology to Georgia.",
        "Jacques Chirac said Tony Blair had been an exceptional leader.",
    ];

    /// <summary>The events of <paramref name="sentences"/> coded as one article of <paramref name="date"/>: each with its sentence.</summary>
    private static List<(string Sentence, string? Source, string? Target, string? Cameo)> CodeEvents(string date, string[] sentences)
    {
        using var tmp = new TempDir();
        string input = JsonSerializer.Serialize(new { id = "acts", title = "Leaders trade words", date, text = string.Join(" ", sentences) }) + "\n";
        var r = CliRunner.Run(tmp.Path, input, "code", "-");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout.Trim());
        var doc = json.RootElement;
        string text = doc.GetProperty("text").GetString()!;
        var spans = doc.GetProperty("sentences").EnumerateArray().Select(s => text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]).ToList();
        return doc.GetProperty("events").EnumerateArray().Select(e =>
        {
            var target = e.GetProperty("target");
            return (Sentence: spans[e.GetProperty("sentence").GetInt32()], Source: e.GetProperty("source").GetProperty("actor").GetString(),
                Target: target.ValueKind == JsonValueKind.Null ? null : target.GetProperty("actor").GetString(), Cameo: e.GetProperty("cameo").GetString());
        }).ToList();
    }

    /// <summary>The target and code of sentence i's single event (default if none), and every event for messages.</summary>
    private static (Func<int, (string? Target, string? Cameo)> Of, string All) Coded(string date, string[] sentences)
    {
        var events = CodeEvents(date, sentences);
        return (i => events.Where(e => e.Sentence == sentences[i]).Select(e => (e.Target, e.Cameo)).SingleOrDefault(),
            string.Join("; ", events.Select(e => $"{e.Source}>{e.Target} {e.Cameo}")));
    }

    [Fact]
    public void Statements_take_the_code_of_the_act_their_words_carry()
    {
        var (Of, all) = Coded("2005-06-30", Sentences);

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
        Assert.True(Of(10) == ("GBRGOV", "051"), "praise ('exceptional', round 21): " + all);
    }

    private static readonly string[] Allegations =
    [
        "The Conservatives say the Liberal Democrats would raise taxes for working families.",
        "Shadow home secretary David Davis said ministers were delaying the vote until the last possible date.",
        "The Conservatives say the Liberal Democrats will hold their spring conference in Harrogate.",
        "The Conservatives say the Liberal Democrats would win more seats if turnout fell.",
        "Labour candidate Ed Balls said Gordon Brown would meet his golden rule.",
        "The Liberal Democrats say the Conservatives have quietly dropped their pledge on pensions.",
    ];

    [Fact]
    public void What_a_political_speaker_says_a_rival_would_do_or_is_doing_is_criticism_of_it()
    {
        // Issue 11: no word of criticism in the clause, but a party's or the opposition's allegation about a rival's conduct.
        var (Of, all) = Coded("2005-03-01", Allegations);

        Assert.True(Of(0) == ("GBRPTY", "111"), "what another party would do: " + all);
        Assert.True(Of(1) == ("GBRGOV", "111"), "what the opposition says ministers are doing: " + all);
        Assert.True(Of(2).Cameo is null or "010", "a plan reported, no allegation: " + all);
        Assert.True(Of(3).Cameo is null or "010", "a condition, no allegation: " + all);
        Assert.True(Of(4).Cameo is null or "010", "a party's word about a named member of the government: no side told: " + all);
        Assert.True(Of(5) == ("GBRPTY", "111"), "what another party has done: " + all);
    }
    private static readonly string[] GovernmentAllegations =
    [
        "Home Secretary Charles Clarke said the Conservatives would cut police numbers.",
        "Home Secretary Charles Clarke said Labour would publish its manifesto next month.",
        "Home Secretary Charles Clarke said Labour MPs would back the bill.",
    ];

    [Fact]
    public void What_a_minister_says_a_party_out_of_office_would_do_is_criticism_of_it()
    {
        // Issue 11 ("Blair claimed the Tories would cut £35bn"): in 2005 Labour governs, so the Conservatives are another party;
        // Labour itself (the party in office) and its members are the minister's own side.
        var (Of, all) = Coded("2005-03-01", GovernmentAllegations);

        Assert.True(Of(0) == ("GBRPTY", "111"), "what a party out of office would do: " + all);
        Assert.True(Of(1).Cameo is null or "010", "the party in office is the minister's own: " + all);
        Assert.True(Of(2).Cameo is null or "010", "members of the party in office: " + all);
    }

    private static readonly string[] Dismissals =
    [
        "Prime Minister Tony Blair dismissed the talk of splits in the cabinet.",
        "Michael Howard rejected the idea that the Conservatives would cut schools spending.",
        "Prime Minister Tony Blair rejected the idea of quotas on asylum seekers.",
        "Michael Howard said the Conservative plans to cut immigration were not racist.",
    ];

    [Fact]
    public void Dismissing_or_rejecting_what_others_say_or_saying_one_is_not_what_they_say_is_a_denial()
    {
        // Issue 11 ("Mr Blair dismissed the talk of splits", "he rejected the idea that the Tories and BNP appealed to the same
        // voting instincts"): a denial (016), which stands without a target; an idea "of" something is a proposal rejected.
        var (Of, all) = Coded("2005-03-01", Dismissals);

        Assert.True(Of(0).Cameo == "016", "dismissing talk: " + all);
        Assert.True(Of(1).Cameo == "016", "rejecting an idea that ...: " + all);
        Assert.True(Of(2).Cameo != "016", "rejecting an idea of quotas is no denial: " + all);
        Assert.True(Of(3).Cameo == "016", "saying one's plans are not racist: " + all);
    }

    private static readonly string[] WordsOfConduct =
    [
        "Michael Howard said Labour had broken promises on tuition fees.",
        "Michael Howard said the posters were a sign of sinister tactics by Labour.",
        "Michael Howard said Labour had broken windows in the office.",
    ];

    [Fact]
    public void Broken_promises_and_sinister_tactics_are_criticism_of_the_party_they_name()
    {
        // Issue 11 (BBC rounds 19-20): "had broken promises" (the parser's participle an adjective of its noun) and a word of
        // conduct from AFINN-165 ("sinister") judge the party named; broken windows are no conduct of a party.
        var (Of, all) = Coded("2005-03-01", WordsOfConduct);

        Assert.True(Of(0) == ("GBRGOV", "111"), "broken promises: " + all);
        Assert.True(Of(1) == ("GBRGOV", "111"), "sinister tactics by Labour: " + all);
        Assert.True(Of(2).Cameo is null or "010", "broken windows: " + all);
    }

    private static readonly string[] Repeats =
    [
        "The German government announced the tests found Novichok in his blood, and said there was proof he had been poisoned.",
        "Speaking at the London conference, Tony Blair said the plans were fair.",
    ];

    [Fact]
    public void Two_verbs_of_one_sentence_that_give_the_same_event_code_it_once()
    {
        // Issue 11 (BBC round 22: "Speaking at the London conference he said ..." coded twice, 010 by 'speak' and by 'say'):
        // the same actors, act and date from two verbs of one sentence are one event, as PETRARCH keeps one of each triple.
        var events = CodeEvents("2005-03-01", Repeats);
        string all = string.Join("; ", events.Select(e => $"{e.Source}>{e.Target} {e.Cameo}"));

        Assert.True(events.Count(e => e.Sentence == Repeats[0]) == 1, "announced ... and said: " + all);
        Assert.True(events.Count(e => e.Sentence == Repeats[1]) == 1, "speaking ... said: " + all);
    }

    private static readonly string[] Colleagues =
    [
        "Tony Blair spoke in Brighton on Tuesday.",
        "He praised Gordon Brown as a great chancellor.",
    ];

    [Fact]
    public void Praise_by_a_pronoun_of_one_minister_of_another_has_its_target()
    {
        // Issue 11 (BBC "he heaped praise on Mr Brown"): the pronoun is Blair's, Brown another person of the same code
        // (GBRGOV): the praise has its target, not dropped as aimed at the speaker himself.
        var events = CodeEvents("2005-03-01", Colleagues);
        string all = string.Join("; ", events.Select(e => $"{e.Source}>{e.Target} {e.Cameo}"));

        Assert.True(events.Exists(e => e.Sentence == Colleagues[1] && e is { Source: "GBRGOV", Target: "GBRGOV", Cameo: "051" }), all);
    }

    private static readonly string[] Charges =
    [
        "Gordon Brown said the document offered a return to failed Tory ideas.",
        "Jack Straw said Robert Mugabe had broken the law.",
        "Jack Straw said Robert Mugabe had not broken the law.",
    ];

    [Fact]
    public void Failed_ideas_of_a_party_and_breaking_the_law_are_criticism_and_accusation()
    {
        // Issue 11 (BBC "a return to a "failed Tory past"", Wikinews "Trump said Bolton broke the law"); negated, no charge.
        var (Of, all) = Coded("2005-03-01", Charges);

        Assert.True(Of(0) == ("GBRPTY", "111"), "failed Tory ideas: " + all);
        Assert.True(Of(1) == ("ZWEGOV", "112"), "broke the law: " + all);
        Assert.True(Of(2).Cameo == "010", "had not broken the law: " + all);
    }
}
