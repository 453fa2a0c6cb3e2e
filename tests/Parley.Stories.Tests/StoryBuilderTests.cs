using Parley.Stories;

namespace Parley.Stories.Tests;

public class StoryBuilderTests
{
    private static StoryInput Doc(string id, string title, string date, string text, params string[] names) =>
        new(id, title, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), text, names);

    private static readonly StoryInput[] Articles =
    [
        Doc("a", "US may resume talks with Taliban next week", "2019-12-04",
            "The United States intends to resume negotiations with the Taliban, three months after Trump suspended peace talks in Afghanistan.", "Taliban", "Zalmay Khalilzad"),
        Doc("b", "Khalilzad arrives in Kabul ahead of Taliban talks", "2019-12-05",
            "US envoy Zalmay Khalilzad arrived in Kabul to meet Afghan officials before rejoining talks with the Taliban in Doha.", "Taliban", "Zalmay Khalilzad", "Kabul"),
        Doc("c", "Floods hit northern Italy", "2019-12-05",
            "Heavy rain caused rivers to burst their banks in northern Italy, forcing thousands to leave their homes.", "Italy"),
        Doc("d", "US and Taliban resume peace talks in Doha", "2019-12-08",
            "Talks between the United States and the Taliban resumed in Doha, Qatar, with Khalilzad leading the US team.", "Taliban", "Qatar", "Zalmay Khalilzad"),
        Doc("e", "Taliban talks resume", "2020-03-30",
            "Months later, the Taliban and the United States met again for talks with envoy Khalilzad.", "Taliban", "Zalmay Khalilzad"),
    ];

    [Fact]
    public void ArticlesOnOneStoryGroupTogetherAndOthersStandApart()
    {
        var stories = new StoryBuilder().Build(Articles);
        var talks = Assert.Single(stories, s => s.DocumentIds.Contains("a"));
        Assert.Equal(["a", "b", "d"], talks.DocumentIds);
        Assert.Equal(new DateOnly(2019, 12, 4), talks.First);
        Assert.Equal(new DateOnly(2019, 12, 8), talks.Last);
        Assert.Equal("US may resume talks with Taliban next week", talks.Title);
        Assert.Contains(stories, s => s.DocumentIds.SequenceEqual(["c"]));
    }

    [Fact]
    public void AnArticleOutsideTheTimeWindowStartsANewStory()
    {
        var stories = new StoryBuilder().Build(Articles);
        Assert.Contains(stories, s => s.DocumentIds.SequenceEqual(["e"]));
        Assert.Equal(3, stories.Count);
    }

    [Fact]
    public void ResultDoesNotDependOnInputOrder()
    {
        var forward = new StoryBuilder().Build(Articles);
        var backward = new StoryBuilder().Build(Articles.Reverse());
        Assert.Equal(forward.Select(s => (s.Id, string.Join(",", s.DocumentIds))), backward.Select(s => (s.Id, string.Join(",", s.DocumentIds))));
    }
}
