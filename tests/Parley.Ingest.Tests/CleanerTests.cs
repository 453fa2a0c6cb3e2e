using Parley.Core;

namespace Parley.Ingest.Tests;

public class CleanerTests
{
    private static readonly ArticleCleaner Cleaner = new();

    private static Document Clean(string body, string? title = null, bool html = false, DateOnly? date = null)
    {
        var article = new RawArticle { Origin = "test", Body = body, Title = title, IsHtml = html };
        var doc = Cleaner.ToDocument(article, date);
        MapAssert.Consistent(body, doc.Text, doc.OriginalOffsets!);
        return doc;
    }

    [Fact]
    public void Composes_combining_accents_to_nfc_and_maps_them_to_the_base_letter()
    {
        string body = "Cafe\u0301 owners in Bogota\u0301 protested.";
        var doc = Clean(body);
        Assert.Equal("Café owners in Bogotá protested.", doc.Text);
        Assert.Equal(3, doc.OriginalOffsets!.ToOriginal(3)); // 'é' comes from the 'e' at 3
        Assert.Equal(6, doc.OriginalOffsets.ToOriginal(5));  // 'o' after the removed mark
    }

    [Fact]
    public void Straightens_curly_quotes_and_apostrophes()
    {
        var doc = Clean("\u201CWe will talk,\u201D the envoy\u2019s aide said of \u2018peace\u2019.");
        Assert.Equal("\"We will talk,\" the envoy's aide said of 'peace'.", doc.Text);
    }

    [Fact]
    public void Moves_a_closing_quote_typed_after_the_space_before_it()
    {
        string body = "\u201CIt will lead to a truce, \u201Dthe State Department said.";
        var doc = Clean(body);
        Assert.Equal("\"It will lead to a truce,\" the State Department said.", doc.Text);
    }

    [Fact]
    public void Normalises_dashes_and_odd_spaces()
    {
        string body = "Prices rose 5\u201310 pct\u00A0in the week \u2014 the\u2009fastest\u202Frise \u2015 ever.";
        var doc = Clean(body);
        Assert.Equal("Prices rose 5-10 pct in the week \u2014 the fastest rise \u2014 ever.", doc.Text);
    }

    [Fact]
    public void Removes_zero_width_and_control_characters()
    {
        string body = "Ka\u200Bbul\u00AD talks\u0007 re\u200Dsumed\uFEFF on\u200E Monday.";
        var doc = Clean(body);
        Assert.Equal("Kabul talks resumed on Monday.", doc.Text);
    }

    [Fact]
    public void Joins_hard_wrapped_lines_and_splits_paragraphs_at_indents()
    {
        string body =
            "Showers continued throughout the week in\n" +
            "the Bahia cocoa zone, alleviating the drought since early\n" +
            "January and improving prospects for the coming temporao,\n" +
            "although normal humidity levels have not been restored.\n" +
            "    The dry period means the temporao will be late this year.\n" +
            "    Arrivals for the week ended February 22 were 155,221 bags\n" +
            "of 60 kilos making a cumulative total for the season.\n" +
            " Reuter";
        var doc = Clean(body);
        Assert.Equal(
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January " +
            "and improving prospects for the coming temporao, although normal humidity levels have not been restored.\n\n" +
            "The dry period means the temporao will be late this year.\n\n" +
            "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season.",
            doc.Text);
        // The joining space maps to the line break it replaces.
        int join = doc.Text.IndexOf(" the Bahia", StringComparison.Ordinal);
        Assert.Equal('\n', body[doc.OriginalOffsets!.ToOriginal(join)]);
    }

    [Fact]
    public void Keeps_one_blank_line_between_paragraphs_and_collapses_spaces()
    {
        var doc = Clean("  First   paragraph here.  \r\n\r\n\r\n\t Second\tparagraph.\n\n\n\n");
        Assert.Equal("First paragraph here.\n\nSecond paragraph.", doc.Text);
    }

    [Fact]
    public void Long_lines_are_paragraphs_even_with_single_line_breaks()
    {
        string p1 = "The United States intends to resume formal negotiations with the movement, almost three months after talks were suspended.";
        string p2 = "Khalilzad arrived in Kabul on Wednesday to meet with government officials and other Afghan leaders before heading to Qatar.";
        var doc = Clean(p1 + "\n" + p2 + "\n");
        Assert.Equal(p1 + "\n\n" + p2, doc.Text);
    }

    [Fact]
    public void Rejoins_words_hyphenated_across_line_ends()
    {
        var doc = Clean("The two sides resumed the negoti-\nations in Doha on Saturday after a long pause in the talks\nbetween them.");
        Assert.Contains("resumed the negotiations in Doha", doc.Text);
        Assert.DoesNotContain("negoti-", doc.Text);
    }

    [Fact]
    public void Reduces_doubled_full_stops_but_keeps_ellipses()
    {
        var doc = Clean("It has not been specified.. He said \u2026 nothing... Then the U.S.. left.");
        Assert.Equal("It has not been specified. He said \u2026 nothing... Then the U.S. left.", doc.Text);
    }

    [Fact]
    public void Repairs_mojibake()
    {
        // UTF-8 bytes of curly quotes, an apostrophe, é and an em dash shown as Windows-1252.
        string body = "\u00E2\u20AC\u0153Peace\u00E2\u20AC\u009D, said the envoy\u00E2\u20AC\u2122s aide in Qu\u00C3\u00A9bec \u00E2\u20AC\u201D again.";
        var doc = Clean(body);
        Assert.Equal("\"Peace\", said the envoy's aide in Québec \u2014 again.", doc.Text);
        int e = doc.Text.IndexOf('é');
        Assert.Equal('\u00C3', body[doc.OriginalOffsets!.ToOriginal(e)]);
    }

    [Fact]
    public void Repairs_a_right_quote_whose_last_byte_was_lost()
    {
        var doc = Clean("He said \u00E2\u20AC\u0153yes\u00E2\u20AC and left.");
        Assert.Equal("He said \"yes\" and left.", doc.Text);
    }

    [Fact]
    public void Leaves_real_accented_text_alone()
    {
        var doc = Clean("Der Außenminister traf sich in Zürich mit Vertretern der Regierung von São Tomé.");
        Assert.Equal("Der Außenminister traf sich in Zürich mit Vertretern der Regierung von São Tomé.", doc.Text);
    }

    [Fact]
    public void Decodes_html_entities_left_in_text()
    {
        var doc = Clean("AT&amp;T said &quot;no&quot; &#8212; it won&#39;t&nbsp;bid &lt;T&gt; &unknown; & co.");
        Assert.Equal("AT&T said \"no\" \u2014 it won't bid <T> &unknown; & co.", doc.Text);
        Assert.Equal(2, doc.OriginalOffsets!.ToOriginal(2)); // "&" of "&amp;"
    }

    [Fact]
    public void Keeps_quoted_organisation_names_from_machine_translation()
    {
        var doc = Clean("Talks with the movement \u201CTaliban\u201D and \"The Taliban\" resumed.");
        Assert.Equal("Talks with the movement \"Taliban\" and \"The Taliban\" resumed.", doc.Text);
    }

    [Fact]
    public void Drops_the_title_and_a_repeated_headline_from_the_body()
    {
        string body = "Talks to resume next week\n\nFirst paragraph of the story.\n\nTALKS TO RESUME NEXT WEEK\n\nSecond paragraph.\n\nPhoto: envoy in Kabul\n\nThird.\n\nPhoto: envoy in Kabul";
        var doc = Clean(body, title: "Talks to resume next week");
        Assert.Equal("First paragraph of the story.\n\nSecond paragraph.\n\nPhoto: envoy in Kabul\n\nThird.", doc.Text);
        Assert.Equal("Talks to resume next week", doc.Title);
    }

    [Fact]
    public void A_title_line_at_the_top_stands_alone_and_is_dropped()
    {
        string title = "Envoy returns to Doha as talks with the Taliban resume";
        string body = title + "\nThe US envoy arrived in Doha on Saturday to resume the talks with\nthe Taliban, officials of the State Department said on Sunday.\n";
        var doc = Clean(body, title: title);
        Assert.Equal("The US envoy arrived in Doha on Saturday to resume the talks with the Taliban, officials of the State Department said on Sunday.", doc.Text);
    }

    [Fact]
    public void Drops_a_leading_dateline()
    {
        var doc = Clean("Friday, January 4, 2019\u00A0\n\n\nAn apartment building collapsed on Monday.", date: null);
        Assert.Equal("An apartment building collapsed on Monday.", doc.Text);
        var other = Clean("January 4, 2019\n\nText.");
        Assert.Equal("Text.", other.Text);
        Assert.Equal(new DateOnly(2019, 1, 4), doc.Published); // the dropped dateline dates the article
        Assert.Equal(new DateOnly(2019, 1, 4), Clean("Friday, January 4, 2019\n\nText.", date: new DateOnly(2020, 5, 5)).Published);
        Assert.Equal(new DateOnly(2020, 5, 5), Clean("Plain text.", date: new DateOnly(2020, 5, 5)).Published);
        var kept = Clean("Text first.\n\nFriday, January 4, 2019");
        Assert.Equal("Text first.\n\nFriday, January 4, 2019", kept.Text);
    }

    [Fact]
    public void Cuts_an_inline_dateline_opening_a_later_paragraph_and_keeps_the_offsets()
    {
        string body = "The talks went on in Geneva.\n\nAMMAN - Jordanian Prime Minister Ali Badr said he made progress.\n\n" +
            "NEW YORK, March 5 - The dollar rose.\n\nCAIRO (Reuters) \u2014 Egypt's opposition charged fraud.\n\nLONDON -- Gold fell.";
        var doc = Clean(body);
        Assert.Equal("The talks went on in Geneva.\n\nJordanian Prime Minister Ali Badr said he made progress.\n\nThe dollar rose.\n\n" +
            "Egypt's opposition charged fraud.\n\nGold fell.", doc.Text);
        int jordanian = doc.Text.IndexOf("Jordanian", StringComparison.Ordinal);
        Assert.Equal(body.IndexOf("Jordanian", StringComparison.Ordinal), doc.OriginalOffsets!.ToOriginal(jordanian));
        int egypt = doc.Text.IndexOf("Egypt", StringComparison.Ordinal);
        Assert.Equal(body.IndexOf("Egypt", StringComparison.Ordinal), doc.OriginalOffsets.ToOriginal(egypt));
    }

    [Theory]
    [InlineData("WASHINGTON - The president said so.")] // the article's own dateline: left for the geocoder
    [InlineData("Intro.\n\nNATO - which has 29 members - met.")] // a real sentence: the dash is followed by lower case
    [InlineData("Intro.\n\nNC - NO COMPARISON UA - UNAVAILABLE")] // a table legend in capitals
    [InlineData("Intro.\n\nZINC - 50.00/56.50")] // prices
    [InlineData("Intro.\n\nThe US - Iran talks resumed.")] // not a capitalised place at the start
    [InlineData("Intro.\n\nTHE VERY LONG HEADLINE WORDS - Text follows.")] // more than three words
    public void Leaves_what_is_no_inline_dateline(string body) => Assert.Equal(body, Clean(body).Text);

    [Fact]
    public void Never_drops_everything()
    {
        var doc = Clean("Headline only", title: "Headline only");
        Assert.Equal("Headline only", doc.Text);
    }

    [Fact]
    public void Html_body_becomes_paragraphs_with_offsets_into_the_html()
    {
        string html = "<div><h2>Kabul</h2><p>The envoy <b>arrived</b>\n on Wednesday.</p><script>x()</script><p>He met&nbsp;officials.<br>Then left.</p></div>";
        var doc = Clean(html, html: true);
        Assert.Equal("Kabul\n\nThe envoy arrived on Wednesday.\n\nHe met officials.\n\nThen left.", doc.Text);
        int arrived = doc.Text.IndexOf("arrived", StringComparison.Ordinal);
        Assert.Equal(html.IndexOf("arrived", StringComparison.Ordinal), doc.OriginalOffsets!.ToOriginal(arrived));
    }

    [Fact]
    public void Sets_document_fields()
    {
        var article = new RawArticle
        {
            Origin = "x.jsonl:3", Id = "abc", Title = "Title \u201Cquoted\u201D", Published = new DateOnly(2019, 12, 4),
            Url = "https://example.org/a", Source = "Example", Body = "Body text about the talks.", Notes = ["encoding:windows-1252"],
        };
        var doc = Cleaner.ToDocument(article, new DateOnly(2020, 1, 1));
        Assert.Equal("abc", doc.Id);
        Assert.Equal("Title \"quoted\"", doc.Title);
        Assert.Equal(new DateOnly(2019, 12, 4), doc.Published);
        Assert.Equal("https://example.org/a", doc.Url);
        Assert.Equal("Example", doc.Source);
        Assert.Equal("x.jsonl:3", doc.Origin);
        Assert.Equal("en", doc.Language);
        Assert.Contains("encoding:windows-1252", doc.Flags);

        var anonymous = Cleaner.ToDocument(new RawArticle { Origin = "stdin", Body = "Body text about the talks." }, new DateOnly(2020, 1, 1));
        Assert.Equal(ContentHash.Of(anonymous.Text), anonymous.Id);
        Assert.Equal(new DateOnly(2020, 1, 1), anonymous.Published);
    }

    [Fact]
    public void Flags_a_non_english_article_with_its_language()
    {
        var doc = Cleaner.ToDocument(new RawArticle
        {
            Origin = "t",
            Body = "Die Regierung hat am Mittwoch angekündigt, dass die Gespräche mit den Taliban in der nächsten Woche wieder aufgenommen werden.",
        }, null);
        Assert.Equal("de", doc.Language);
        Assert.Contains("language:de", doc.Flags);
    }

    [Fact]
    public void Options_turn_rules_off()
    {
        var raw = new ArticleCleaner(new CleanerOptions { RepairMojibake = false, DropLeadingDateline = false, IdentifyLanguage = false });
        var doc = raw.ToDocument(new RawArticle { Origin = "t", Body = "Monday, May 4, 2020\n\nQu\u00C3\u00A9bec" }, null);
        Assert.Equal("Monday, May 4, 2020\n\nQu\u00C3\u00A9bec", doc.Text);
    }
}
