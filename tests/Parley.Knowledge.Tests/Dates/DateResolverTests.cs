using Parley.Core;
using Parley.Events.Tests.Quotes;
using Parley.Knowledge.Dates;

namespace Parley.Knowledge.Tests.Dates;

public sealed class DateResolverTests
{
    private static readonly DateResolver Resolver = new();

    private static List<DateMention> Resolve(string text, string? published = "2019-12-04") =>
        TokenizedDates.Of(Resolver, text, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

    private static DateMention Single(string text, string? published = "2019-12-04")
    {
        var dates = Resolve(text, published);
        Assert.True(dates.Count == 1, $"expected one date in '{text}', got: {string.Join("; ", dates.Select(d => $"'{d.Text}' {d.Value}"))}");
        var d = dates[0];
        Assert.Equal(d.Text, text[d.Start..d.End]);
        return d;
    }

    // Publication date 2019-12-04 is a Wednesday unless stated.
    [Theory]
    [InlineData("Khalilzad arrived in Kabul on Wednesday.", "Wednesday", "2019-12-04", "day")]
    [InlineData("He arrived on Monday night.", "Monday night", "2019-12-02", "day")]
    [InlineData("The minister met his counterpart on Thursday.", "Thursday", "2019-11-28", "day")]
    [InlineData("Trump said last Thursday that talks were dead.", "last Thursday", "2019-11-28", "day")]
    [InlineData("The envoy will travel to Doha on Friday.", "Friday", "2019-12-06", "day")]
    [InlineData("The talks are scheduled to resume on Monday.", "Monday", "2019-12-09", "day")]
    [InlineData("The vote is to take place on Saturday.", "Saturday", "2019-12-07", "day")]
    [InlineData("They'll meet again on Tuesday.", "Tuesday", "2019-12-10", "day")]
    [InlineData("Officials said the talks would resume on Friday.", "Friday", "2019-12-06", "day")]
    [InlineData("The delegation returns next Friday.", "next Friday", "2019-12-06", "day")]
    [InlineData("Parliament votes this Tuesday.", "this Tuesday", "2019-12-03", "day")]
    [InlineData("The summit opens this coming Sunday.", "this coming Sunday", "2019-12-08", "day")]
    [InlineData("Markets fell sharply today.", "today", "2019-12-04", "day")]
    [InlineData("Markets fell sharply yesterday.", "yesterday", "2019-12-03", "day")]
    [InlineData("The result is expected tomorrow.", "tomorrow", "2019-12-05", "day")]
    [InlineData("The president speaks tonight.", "tonight", "2019-12-04", "day")]
    [InlineData("Rockets struck the base last night.", "last night", "2019-12-03", "day")]
    [InlineData("Rockets struck the base yesterday morning.", "yesterday morning", "2019-12-03", "day")]
    [InlineData("The talks broke down the day before yesterday.", "the day before yesterday", "2019-12-02", "day")]
    public void Days(string text, string expectedText, string value, string grain) => Check(text, expectedText, value, grain);

    [Theory]
    [InlineData("Talks may resume next week.", "next week", "2019-W50", "week")]
    [InlineData("Talks stalled last week.", "last week", "2019-W48", "week")]
    [InlineData("Talks continue this week.", "this week", "2019-W49", "week")]
    [InlineData("Talks stalled earlier this week.", "earlier this week", "2019-W49", "week")]
    [InlineData("Talks collapsed last month.", "last month", "2019-11", "month")]
    [InlineData("Elections are due next month.", "next month", "2020-01", "month")]
    [InlineData("Prices rose earlier this month.", "earlier this month", "2019-12", "month")]
    [InlineData("The army withdrew late last year.", "late last year", "2018", "year")]
    [InlineData("Elections will be held next year.", "next year", "2020", "year")]
    [InlineData("Growth slowed this year.", "this year", "2019", "year")]
    [InlineData("The deal will be signed by the end of the year.", "the end of the year", "2019", "year")]
    [InlineData("The deal will be signed by the end of next month.", "the end of next month", "2020-01", "month")]
    public void Weeks_months_years_relative_to_publication(string text, string expectedText, string value, string grain) =>
        Check(text, expectedText, value, grain);

    [Theory]
    [InlineData("Trump canceled the talks on September 7.", "September 7", "2019-09-07", "day")]
    [InlineData("Trump canceled the talks on 7 September.", "7 September", "2019-09-07", "day")]
    [InlineData("Trump canceled the talks on Sept. 7.", "Sept. 7", "2019-09-07", "day")]
    [InlineData("Trump canceled the talks on September 7, 2019.", "September 7, 2019", "2019-09-07", "day")]
    [InlineData("Trump canceled the talks on the 7th of September.", "the 7th of September", "2019-09-07", "day")]
    [InlineData("The attack happened on December 10.", "December 10", "2019-12-10", "day")]
    [InlineData("The attack happened on February 10.", "February 10", "2019-02-10", "day")]
    [InlineData("Talks will resume on January 15.", "January 15", "2020-01-15", "day")]
    [InlineData("Talks will resume on December 2.", "December 2", "2019-12-02", "day")]
    [InlineData("Talks will resume on October 2.", "October 2", "2020-10-02", "day")]
    [InlineData("A ceasefire on December 20 is possible.", "December 20", "2019-12-20", "day")]
    [InlineData("A ceasefire on June 20 remains the goal.", "June 20", "2019-06-20", "day")]
    [InlineData("The bill passed on 4 December 2019.", "4 December 2019", "2019-12-04", "day")]
    [InlineData("The bill passed on Wednesday, December 4, 2019.", "Wednesday, December 4, 2019", "2019-12-04", "day")]
    [InlineData("The agreement was signed in March 2019.", "March 2019", "2019-03", "month")]
    [InlineData("The agreement was signed in March.", "March", "2019-03", "month")]
    [InlineData("The agreement will be signed in March.", "March", "2020-03", "month")]
    [InlineData("The offensive began in mid-October.", "mid-October", "2019-10", "month")]
    [InlineData("The agreement was signed in 2019.", "2019", "2019", "year")]
    [InlineData("The army has fought since 2001.", "2001", "2001", "year")]
    [InlineData("The project was launched in early 2018.", "early 2018", "2018", "year")]
    [InlineData("Records were set in May 2019.", "May 2019", "2019-05", "month")]
    [InlineData("The vote was held on May 3.", "May 3", "2019-05-03", "day")]
    [InlineData("The vote was held in May.", "May", "2019-05", "month")]
    [InlineData("He resigned in protest to May's Brexit deal in July.", "July", "2019-07", "month")]
    public void Month_days_months_and_years(string text, string expectedText, string value, string grain) =>
        Check(text, expectedText, value, grain);

    [Theory]
    [InlineData("Filed on 2019-12-04 in Kabul.", "2019-12-04", "2019-12-04")]
    [InlineData("Filed on 12/04/2019 in Kabul.", "12/04/2019", "2019-12-04")]
    [InlineData("Filed on 25/12/2019 in Kabul.", "25/12/2019", "2019-12-25")]
    [InlineData("Filed on 2019/12/04 in Kabul.", "2019/12/04", "2019-12-04")]
    [InlineData("Filed on 04.12.2019 in Kabul.", "04.12.2019", "2019-12-04")]
    [InlineData("Filed on 2/29/2020 in Kabul.", "2/29/2020", "2020-02-29")]
    public void Numeric_dates(string text, string expectedText, string value) => Check(text, expectedText, value, "day");

    [Theory]
    [InlineData("The rebels seized the town two days ago.", "two days ago", "2019-12-02", "day")]
    [InlineData("The rebels seized the town 3 weeks ago.", "3 weeks ago", "2019-W46", "week")]
    [InlineData("The rebels seized the town a year ago.", "a year ago", "2018", "year")]
    [InlineData("Talks resumed, almost three months after Trump suspended them.", "almost three months after", "2019-12", "month")]
    [InlineData("The vote will take place two weeks later.", "two weeks later", "2019-W51", "week")]
    [InlineData("He was arrested on Monday. A week later he was freed.", "A week later", "2019-W50", "week")]
    [InlineData("Talks stopped three months after September 7, 2019.", "three months after September 7, 2019", "2019-12", "month")]
    [InlineData("The emergency began on March 1, almost two weeks before the proclamation.", "almost two weeks before", "2019-W47", "week")]
    [InlineData("The treaty expires two years from now.", "two years from now", "2021", "year")]
    [InlineData("The talks had failed two years earlier.", "two years earlier", "2017", "year")]
    public void Relative_offsets(string text, string expectedText, string value, string grain)
    {
        var dates = Resolve(text);
        var d = dates.Single(x => x.Text == expectedText);
        Assert.Equal(value, d.Value);
        Assert.Equal(grain, d.Grain);
    }

    [Theory]
    [InlineData("Fighting raged over the weekend.", "the weekend", "2019-W48")]
    [InlineData("Protests are planned for this weekend.", "this weekend", "2019-W49")]
    [InlineData("Protesters will gather at the weekend.", "the weekend", "2019-W49")]
    [InlineData("Protests spread last weekend.", "last weekend", "2019-W48")]
    public void Weekends(string text, string expectedText, string value) => Check(text, expectedText, value, "week");

    [Theory]
    [InlineData("US may resume talks with the Taliban.")]
    [InlineData("May God protect them, she said.")]
    [InlineData("Thousands march on the capital.")]
    [InlineData("The Sunday Times reported the deal.")]
    [InlineData("Sunday Telegraph editors disagreed.")]
    [InlineData("More than 2019 people were evacuated.")]
    [InlineData("The blast killed 2019 people.")]
    [InlineData("The 5G network covers 2019 towns.")]
    [InlineData("An august institution held its ground.")]
    [InlineData("Shares rose 3.5 percent to 1,200 points.")]
    [InlineData("He served for a year in Kabul.")]
    [InlineData("They spent three months in prison.")]
    [InlineData("The war has been going on for 18 years.")]
    [InlineData("The figure was reported by USA Today.")]
    [InlineData("The birds return the next year to breed.")]
    [InlineData("Violence rose over the last week of fighting.")]
    public void No_false_positives(string text) => Assert.Empty(Resolve(text));

    [Fact]
    public void Without_publication_date_absolute_dates_resolve_and_relative_ones_are_null()
    {
        var dates = Resolve("On September 7, 2019 Trump canceled talks; last Thursday he spoke, and next week in March 2020 envoys meet.", null);
        Assert.Equal("2019-09-07", dates.Single(d => d.Text == "September 7, 2019").Value);
        Assert.Equal("2020-03", dates.Single(d => d.Text == "March 2020").Value);
        Assert.Null(dates.Single(d => d.Text == "last Thursday").Value);
        var week = dates.Single(d => d.Text == "next week");
        Assert.Null(week.Value);
        Assert.Equal("week", week.Grain);
        Assert.Null(Single("He arrived on Wednesday.", null).Value);
    }

    [Theory]
    [InlineData("2019-12-30", "Talks resume next week.", "2020-W02")]
    [InlineData("2020-12-31", "Talks resume next week.", "2021-W01")]
    [InlineData("2021-01-01", "Talks stalled last week.", "2020-W52")]
    [InlineData("2020-03-31", "Prices rose last month.", "2020-02")]
    [InlineData("2020-01-15", "Prices rose last month.", "2019-12")]
    [InlineData("2019-12-05", "Trump spoke last Thursday.", "2019-11-28")]
    [InlineData("2020-01-02", "The army withdrew late last year.", "2019")]
    [InlineData("2020-01-03", "The agreement was signed on December 30.", "2019-12-30")]
    [InlineData("2019-12-30", "The agreement will be signed on January 2.", "2020-01-02")]
    [InlineData("2021-03-01", "The storm hit on February 29.", "2020-02-29")]
    public void Year_and_month_ends(string published, string text, string value) =>
        Assert.Equal(value, Single(text, published).Value);

    [Fact]
    public void Tags_decide_tense_when_present()
    {
        // "Meets" with a VBD tag would be odd English, but it shows the tag, not the word list, decides.
        var text = "Khalilzad meets officials on Friday.";
        var doc = new Document("t", text) { Published = new DateOnly(2019, 12, 4) };
        AddTokens(doc, ("Khalilzad", "NNP"), ("meets", "VBD"), ("officials", "NNS"), ("on", "IN"), ("Friday", "NNP"), (".", "."));
        doc.Done |= Layers.Tokens | Layers.Sentences | Layers.Tags;
        new DateResolver().Process(doc);
        Assert.Equal("2019-11-29", Assert.Single(doc.Dates).Value);
    }

    [Fact]
    public void Document_sentences_bound_the_tense_context()
    {
        var text = "Officials will meet soon. Talks began on Friday.";
        var doc = TokenizedText.Document(text);
        doc.Published = new DateOnly(2019, 12, 4);
        doc.AddSentence(new SentenceData(0, 25));
        doc.AddSentence(new SentenceData(26, text.Length));
        new DateResolver().Process(doc);
        Assert.Equal("2019-11-29", Assert.Single(doc.Dates).Value);
    }

    [Fact]
    public void A_document_without_a_token_layer_has_no_dates()
    {
        var doc = new Document("t", "Talks began on Friday.") { Published = new DateOnly(2019, 12, 4) };
        new DateResolver().Process(doc);
        Assert.Empty(doc.Dates);
    }

    [Theory]
    // The tokenizer writes "Sept.", "'ll", "mid-December" and "5" + "pm"; the resolver refines them into its words.
    [InlineData("We'll meet on Sept. 5 at 5pm.", "Sept. 5", "2020-09-05")]
    [InlineData("Talks resume in mid-December, officials said.", "mid-December", "2019-12")]
    [InlineData("They met on November 5th.", "November 5th", "2019-11-05")]
    public void Tokens_written_together_are_refined_into_date_words(string text, string expression, string value)
    {
        var tokenized = Resolve(text);
        Assert.Equal(value, tokenized.Single(d => d.Text == expression).Value);
        // The bare-text entry point (rule tokenizer) finds the same.
        var bare = Resolver.Resolve(text, new DateOnly(2019, 12, 4));
        Assert.Equal(tokenized.Select(d => (d.Start, d.End, d.Value)), bare.Select(d => (d.Start, d.End, d.Value)));
    }

    private static void AddTokens(Document doc, params (string Word, string Xpos)[] tokens)
    {
        int from = 0;
        foreach (var (word, xpos) in tokens)
        {
            int start = doc.Text.IndexOf(word, from, StringComparison.Ordinal);
            doc.AddToken(new TokenData { Start = start, End = start + word.Length, Xpos = StringStore.Intern(xpos) });
            from = start + word.Length;
        }
        doc.AddSentence(new SentenceData(0, doc.Text.Length, 0, doc.TokenCount));
    }

    private static void Check(string text, string expectedText, string value, string grain)
    {
        var d = Single(text);
        Assert.Equal(expectedText, d.Text);
        Assert.Equal(value, d.Value);
        Assert.Equal(grain, d.Grain);
    }
}

/// <summary>
/// A month or weekday without a year is the most recent one before publication unless the tense says future (issue 13:
/// "in August" in an article of 2020-10-29 became 2021-08).
/// </summary>
public sealed class DateWithoutYearTests
{
    private static readonly DateResolver Resolver = new();

    private static DateMention Find(string text, string expression, string published)
    {
        var dates = TokenizedDates.Of(Resolver, text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        return dates.Single(d => d.Text == expression);
    }

    [Theory]
    // The article of 2020-10-29 the defect was found in: "due to" gives a cause, not the future.
    [InlineData("President Trump started the month visiting Kenosha, Wisconsin, where riots had broken out due to the police shooting of Jacob Blake in August.",
        "August", "2020-10-29", "2020-08")]
    // The quotation's "will" is not the tense of the clause the month is in.
    [InlineData("The Biden campaign recycled a statement it first put out in July: \"The American people will decide this election.\"",
        "July", "2020-10-29", "2020-07")]
    // No tense at all: the most recent March, not the nearest one.
    [InlineData("The festival in March drew the largest crowds in years.", "March", "2019-12-04", "2019-03")]
    [InlineData("Rallies in October were the largest in years.", "October", "2019-12-04", "2019-10")]
    // The current month counts as the most recent one.
    [InlineData("The vote in December changed everything.", "December", "2019-12-04", "2019-12")]
    // A weekday without a tense is the latest one on or before the publication day.
    [InlineData("The rally on Friday drew thousands.", "Friday", "2019-12-04", "2019-11-29")]
    public void Without_a_future_tense_it_is_the_most_recent_before_publication(string text, string expression, string published, string value) =>
        Assert.Equal(value, Find(text, expression, published).Value);

    [Theory]
    [InlineData("The envoy is due to meet the rebels in August.", "August", "2020-05-10", "2020-08")]
    [InlineData("The report is due in March.", "March", "2019-12-04", "2020-03")]
    [InlineData("Elections will be held in March.", "March", "2019-12-04", "2020-03")]
    [InlineData("The envoy will travel to Doha on Friday.", "Friday", "2019-12-04", "2019-12-06")]
    public void A_future_tense_points_ahead(string text, string expression, string published, string value) =>
        Assert.Equal(value, Find(text, expression, published).Value);

    [Theory]
    [InlineData("On March 18 of last year, the USDA reported a rise.", "March 18 of last year", "1986-03-18", "day")]
    [InlineData("The USDA reported a rise on 18 March of last year.", "18 March of last year", "1986-03-18", "day")]
    [InlineData("Exports fell in March last year.", "March last year", "1986-03", "month")]
    [InlineData("Talks resume in June of next year.", "June of next year", "1988-06", "month")]
    public void A_month_of_a_year_named_relative_to_publication(string text, string expectedText, string value, string grain)
    {
        var d = Find(text, expectedText, "1987-03-15");
        Assert.Equal(value, d.Value);
        Assert.Equal(grain, d.Grain);
    }

    [Fact]
    public void Last_year_stays_a_year()
    {
        var d = Find("Exports fell sharply last year.", "last year", "1987-03-15");
        Assert.Equal("1986", d.Value);
        Assert.Equal("year", d.Grain);
    }
}
