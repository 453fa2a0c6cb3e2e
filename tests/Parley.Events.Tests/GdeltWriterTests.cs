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
        Assert.Equal("0", c[35]);
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
}
