using Parley.Nlp.Parsing;

namespace Parley.Nlp.Tests.Parsing;

public class TransitionSystemTests
{
    /// <summary>Follows zero-cost moves only (preferring the given order) and returns the heads built.</summary>
    private static int[] FollowOracle(int[] goldHeads, Move[] preference)
    {
        int n = goldHeads.Length;
        var state = new ArcHybridState();
        state.Reset(n);
        var oracle = new DynamicOracle();
        oracle.Reset(goldHeads);
        int moves = 0;
        while (!state.IsTerminal)
        {
            Move? chosen = null;
            foreach (var m in preference)
            {
                if (state.IsLegal(m) && oracle.Cost(state, m) == 0) { chosen = m; break; }
            }
            Assert.True(chosen.HasValue, "no zero-cost move from a configuration reached by zero-cost moves");
            state.Apply(chosen.Value, 0);
            moves++;
        }
        Assert.Equal(2 * n, moves);
        return state.Heads[..n];
    }

    /// <summary>A random projective tree over n words: heads as word indices, n for the root.</summary>
    private static int[] RandomProjectiveTree(int n, Random random)
    {
        var heads = new int[n];
        Build(0, n, n);
        return heads;

        void Build(int from, int to, int parent)
        {
            if (from >= to) return;
            int head = random.Next(from, to);
            heads[head] = parent;
            // Split the words left and right of the head into contiguous subtrees, each attached to the head.
            int left = from;
            while (left < head) { int end = random.Next(left + 1, head + 1); Build(left, end, head); left = end; }
            int right = head + 1;
            while (right < to) { int end = random.Next(right + 1, to + 1); Build(right, end, head); right = end; }
        }
    }

    [Fact]
    public void OracleReproducesTheHandWrittenTrees()
    {
        foreach (var sentence in TinyTreebank.Sentences())
        {
            int n = sentence.Words.Count;
            var gold = new int[n];
            for (int i = 0; i < n; i++) gold[i] = sentence.Words[i].Head == 0 ? n : sentence.Words[i].Head - 1;
            Assert.Equal(gold, FollowOracle(gold, [Move.Left, Move.Right, Move.Shift]));
            Assert.Equal(gold, FollowOracle(gold, [Move.Shift, Move.Right, Move.Left]));
        }
    }

    [Fact]
    public void OracleReproducesRandomProjectiveTreesWhateverTheTieBreaking()
    {
        var random = new Random(42);
        Move[][] orders = [[Move.Left, Move.Right, Move.Shift], [Move.Shift, Move.Left, Move.Right], [Move.Right, Move.Shift, Move.Left]];
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(1, 40);
            var gold = RandomProjectiveTree(n, random);
            foreach (var order in orders) Assert.Equal(gold, FollowOracle(gold, order));
        }
    }

    [Fact]
    public void CostCountsTheGoldArcsAMoveMakesUnreachable()
    {
        // "The president met": The <- president <- met (root).
        int[] gold = [1, 2, 3];
        var state = new ArcHybridState();
        state.Reset(3);
        var oracle = new DynamicOracle();
        oracle.Reset(gold);
        state.Apply(Move.Shift, 0); // stack: The; buffer: president met ROOT
        Assert.Equal(0, oracle.Cost(state, Move.Left)); // The <- president
        Assert.Equal(1, oracle.Cost(state, Move.Shift)); // The could then never get president as head
        state.Apply(Move.Shift, 0); // stack: The president; buffer: met ROOT
        Assert.Equal(1, oracle.Cost(state, Move.Right)); // president -> The? loses president <- met
    }

    [Fact]
    public void RootIsAttachedExactlyOnce()
    {
        var state = new ArcHybridState();
        state.Reset(3);
        state.Apply(Move.Shift, 0);
        state.Apply(Move.Shift, 0);
        state.Apply(Move.Shift, 0);
        Assert.False(state.CanShift);
        Assert.False(state.CanLeft); // three words on the stack: the root may take only one of them
        Assert.True(state.CanRight);
        state.Apply(Move.Right, 0);
        state.Apply(Move.Right, 0);
        Assert.True(state.CanLeft);
        state.Apply(Move.Left, 0);
        Assert.True(state.IsTerminal);
        Assert.Equal([3, 0, 1], state.Heads[..3]);
    }
}
