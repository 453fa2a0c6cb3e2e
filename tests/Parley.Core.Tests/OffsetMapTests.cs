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

    [Fact]
    public void Runs_give_back_every_entry_and_every_chunk()
    {
        // Long unchanged stretches (held as runs), a dropped stretch, a repeated position, and the end entry.
        var entries = new List<int>();
        for (int i = 0; i < 5000; i++) entries.Add(i);
        for (int i = 5100; i < 9000; i++) entries.Add(i);
        entries.Add(8999);
        for (int i = 9000; i < 9500; i++) entries.Add(i);
        var map = new OffsetMap(entries.ToArray());
        Assert.Equal(entries.Count - 1, map.CleanedLength);
        Assert.Equal(entries, map.ToArray());
        for (int i = 0; i < entries.Count; i++) Assert.Equal(entries[i], map.ToOriginal(i));
        var chunk = new int[777];
        for (int first = 0; first < entries.Count; first += 777)
        {
            int n = map.CopyTo(first, chunk);
            Assert.Equal(Math.Min(777, entries.Count - first), n);
            Assert.Equal(entries.Skip(first).Take(n), chunk.Take(n));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => map.ToOriginal(entries.Count));
    }

    [Fact]
    public void A_map_of_scattered_positions_keeps_every_entry()
    {
        int[] entries = [0, 2, 4, 6, 8, 10, 12, 14, 16];
        var map = new OffsetMap(entries);
        Assert.Equal(entries, map.ToArray());
        Assert.Equal((2, 7), map.ToOriginal(1, 4));
        Assert.Equal(Enumerable.Range(0, 101), OffsetMap.Identity(100).ToArray());
    }

    [Fact]
    public void A_map_built_from_runs_gives_every_entry_and_refuses_runs_out_of_order()
    {
        var map = OffsetMap.FromRuns([0, 3, 5], [10, 20, 21 + 10], 8);
        Assert.Equal([10, 11, 12, 20, 21, 31, 32, 33], map.ToArray());
        Assert.Throws<ArgumentException>(() => OffsetMap.FromRuns([0, 5, 3], [0, 1, 2], 8));
        Assert.Throws<ArgumentException>(() => OffsetMap.FromRuns([1], [0], 8));
    }
}
