namespace Parley.Storage.Sqlite.Tests;

public class FtsQueryTests
{
    [Theory]
    [InlineData("talks", "\"talks\"")]
    [InlineData("Kabul talks", "\"Kabul\" \"talks\"")]
    [InlineData("U.S. envoy", "\"U S\" \"envoy\"")]
    [InlineData("\"peace talks\"", "\"peace talks\"")]
    [InlineData("negot*", "\"negot\"*")]
    [InlineData("Kabul OR Doha", "\"Kabul\" OR \"Doha\"")]
    [InlineData("a-b \"x", "\"a b\" \"x\"")]
    [InlineData("( -- : ^", null)]
    [InlineData("   ", null)]
    public void UserQueriesBecomeSafeFtsQueries(string input, string? expected)
    {
        Assert.Equal(expected, FtsQuery.Build(input));
    }
}
