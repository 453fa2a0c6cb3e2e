using Parley.Core;

namespace Parley.Events.Tests;

public sealed class GdeltWriterTests
{
    [Fact]
    public void Row_has_61_columns_with_values_in_place()
    {
        var doc = new Document("doc-1", "Khalilzad met the Taliban in Doha on Wednesday.")
        {
            Published = new DateOnly(2019, 12, 5),
            Url = "https://example.org/a",
        };
        doc.Places.Add(new PlaceMention { Start = 29, End = 33, Text = "Doha", Name = "Doha", Country = "QAT", Lat = 25.2854, Lon = 51.531, GeonameId = 290030, FeatureCode = "PPLC" });
        doc.Events.Add(new EventRecord
        {
            Sentence = 0,
            Source = new EventActor { Text = "Khalilzad", Actor = "USAGOV", Country = "USA", Name = "Zalmay Khalilzad", Start = 0, End = 9 },
            Target = new EventActor { Text = "the Taliban", Actor = "AFGREB", Country = "AFG", Start = 14, End = 25 },
            Cameo = "0362", Plover = "AGREE", QuadClass = 1, Goldstein = 4.0, Date = "2019-12-04",
            Place = new EventPlace { Name = "Doha", Country = "QAT", Lat = 25.2854, Lon = 51.531, GeonameId = 290030 },
            Rule = "036:meet+with",
        });
        var w = new StringWriter();
        new GdeltWriter(TestData.Cameo).WriteRows(w, doc);
        string line = w.ToString();
        Assert.EndsWith("\n", line);
        var c = line.TrimEnd('\n').Split('\t');
        Assert.Equal(GdeltWriter.ColumnCount, c.Length);
        Assert.Equal(61, GdeltWriter.Columns.Length);
        Assert.True(long.TryParse(c[0], out _));
        Assert.Equal("20191204", c[1]);
        Assert.Equal("201912", c[2]);
        Assert.Equal("2019", c[3]);
        Assert.Equal("2019.9233", c[4]);   // year + (day of year - 1) / 365
        Assert.Equal("USAGOV", c[5]);
        Assert.Equal("ZALMAY KHALILZAD", c[6]);
        Assert.Equal("USA", c[7]);
        Assert.Equal("GOV", c[12]);
        Assert.Equal("AFGREB", c[15]);
        Assert.Equal("THE TALIBAN", c[16]);
        Assert.Equal("AFG", c[17]);
        Assert.Equal("REB", c[22]);
        Assert.Equal("1", c[25]);
        Assert.Equal("0362", c[26]);
        Assert.Equal("036", c[27]);
        Assert.Equal("03", c[28]);
        Assert.Equal("1", c[29]);
        Assert.Equal("4.0", c[30]);
        Assert.Equal("4", c[35]);    // Khalilzad's place: the nearest in his sentence
        Assert.Equal("Doha", c[36]);
        Assert.Equal("4", c[51]);
        Assert.Equal("Doha", c[52]);
        Assert.Equal("QA", c[53]);   // FIPS, not ISO
        Assert.Equal("25.2854", c[56]);
        Assert.Equal("51.531", c[57]);
        Assert.Equal("290030", c[58]);
        Assert.Equal("20191205000000", c[59]);
        Assert.Equal("https://example.org/a", c[60]);
    }

    [Fact]
    public void Known_group_codes_go_to_their_own_column()
    {
        var doc = new Document("d", "x");
        doc.Events.Add(new EventRecord
        {
            Source = new EventActor { Text = "UN", Actor = "IGOUNO" },
            Target = new EventActor { Text = "Iran", Actor = "IRN", Country = "IRN" },
            Cameo = "111", QuadClass = 3, Goldstein = -2, Rule = "r",
        });
        var row = new string[GdeltWriter.ColumnCount];
        new GdeltWriter(TestData.Cameo).Fill(row, doc, 0, new DateTime(2021, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        Assert.Equal("IGOUNO", row[5]);
        Assert.Equal("", row[7]);
        Assert.Equal("UNO", row[8]);
        Assert.Equal("IGO", row[12]);
        Assert.Equal("IRN", row[17]);
        // An undated article: the day it was added, never an empty date.
        Assert.Equal("20210203", row[1]);
        Assert.Equal("20210203040506", row[59]);
        Assert.Equal("-2.0", row[30]);
    }

    private static PlaceMention Place(string text, int start, string name, string? country, double lat, double lon, long id, string code, string? admin1) =>
        new() { Start = start, End = start + text.Length, Text = text, Name = name, Country = country, Lat = lat, Lon = lon, GeonameId = id, FeatureCode = code, Admin1 = admin1 };

    private static string[] Row(Document doc, EventPlace? place, EventActor? source = null)
    {
        doc.Events.Add(new EventRecord { Sentence = 0, Source = source, Cameo = "190", QuadClass = 4, Goldstein = -10, Place = place, Rule = "r" });
        var row = new string[GdeltWriter.ColumnCount];
        new GdeltWriter(TestData.Cameo).Fill(row, doc, doc.Events.Count - 1);
        return row;
    }

    private static string[] ActionGeo(string[] row) => row[51..59];

    [Fact]
    public void ACountryIsType1WithItsFipsCodeAsDivisionAndFeature()
    {
        var doc = new Document("d", "Fighting in Afghanistan.");
        var afghanistan = Place("Afghanistan", 12, "Afghanistan", "AFG", 33, 66, 1149361, "PCLI", null);
        Assert.Equal(["1", "Afghanistan", "AF", "AF", "", "33", "66", "AF"], ActionGeo(Row(doc, EventPlace.From(afghanistan))));
    }

    [Theory]
    [InlineData("California", "USA", 36.7496, -119.591, 5332921L, "ADM1", "CA", "2", "US", "USCA", "USCA")]   // US state
    [InlineData("Kabul", "AFG", 34.5, 69.2, 1138957L, "ADM1", "13", "5", "AF", "AF13", "AF13")]              // world state
    [InlineData("Alexandria", "USA", 31.31129, -92.44514, 4314550L, "PPLA2", "LA", "3", "US", "USLA", "4314550")] // US city
    [InlineData("Kabul", "AFG", 34.52813, 69.17233, 1138958L, "PPLC", "13", "4", "AF", "AF13", "1138958")]   // world city
    public void ADivisionOrTownGivesItsGdeltTypeAdm1CodeAndFeatureId(string name, string iso3, double lat, double lon, long id,
        string code, string admin1, string type, string fips, string adm1, string featureId)
    {
        var doc = new Document("d", "Shots in " + name + ".");
        var row = ActionGeo(Row(doc, EventPlace.From(Place(name, 9, name, iso3, lat, lon, id, code, admin1))));
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal([type, name, fips, adm1, "", lat.ToString("0.####", inv), lon.ToString("0.####", inv), featureId], row);
    }

    [Fact]
    public void AnEventPlaceWithoutItsKindIsWrittenAsATown()
    {
        // As read back from a store that keeps no feature kind, with no places of the document to take it from.
        var place = new EventPlace { Name = "Doha", Country = "QAT", Lat = 25.2854, Lon = 51.531, GeonameId = 290030 };
        Assert.Equal(["4", "Doha", "QA", "QA", "", "25.2854", "51.531", "290030"], ActionGeo(Row(new Document("d", "x"), place)));
    }

    [Fact]
    public void ARegionHasNoGdeltTypeAndNoPoint()
    {
        var doc = new Document("d", "Unrest in the Middle East.");
        var region = Place("Middle East", 14, "Middle East", null, 33.1, 35.9, 6269133, "RGN", null);
        Assert.Equal(["0", "Middle East", "", "", "", "", "", ""], ActionGeo(Row(doc, EventPlace.From(region))));
        Assert.Equal("0", Row(new Document("e", "x"), null)[51]);
    }

    [Fact]
    public void AnActorsPlaceIsThePlaceInItsWordsElseTheNearestInItsSentence()
    {
        var doc = new Document("d", "Afghan police clashed with gunmen in Doha.");
        doc.Places.Add(Place("Afghan", 0, "Afghanistan", "AFG", 33, 66, 1149361, "PCLI", null));
        doc.Places.Add(Place("Doha", 37, "Doha", "QAT", 25.28545, 51.53096, 290030, "PPLC", "01"));
        var row = Row(doc, EventPlace.From(doc.Places[1]), new EventActor { Text = "Afghan police", Actor = "AFGCOP", Start = 0, End = 13 });
        Assert.Equal(("1", "AF"), (row[35], row[37]));          // Actor1Geo: Afghanistan, from "Afghan police"
        Assert.Equal("0", row[43]);                              // no target
        Assert.Equal(("4", "QA", "290030"), (row[51], row[53], row[58]));
    }
}
