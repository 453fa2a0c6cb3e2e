using Parley.Core;

namespace Parley.Core.Tests;

public class OffsetMapTests
{
    [Fact]
    public void MapsACleanedSpanBackToItsOriginalSpan()
    {
        // original "a  b" cleaned to "a b": cleaned 2 ('b') was original 3
        var map = new OffsetMap([0, 1, 3, 4]);
        Assert.Equal(3, map.ToOriginal(2));
        Assert.Equal((0, 4), map.ToOriginal(0, 3));
        Assert.Equal(3, map.CleanedLength);
    }
}
