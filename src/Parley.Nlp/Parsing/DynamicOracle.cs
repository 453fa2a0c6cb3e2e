namespace Parley.Nlp.Parsing;

/// <summary>
/// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013): the cost of a move is the number of
/// gold arcs that were still reachable before it and are not after it. Training follows the model's own
/// (possibly wrong) moves and learns the best move from wherever it is.
/// </summary>
internal sealed class DynamicOracle
{
    private int[] _gold = [];
    private int[] _depStart = [];
    private int[] _deps = [];
    private int _count;

    /// <summary>Gold heads: word index, or <paramref name="count"/> for the root.</summary>
    public void Reset(ReadOnlySpan<int> goldHeads)
    {
        int n = goldHeads.Length;
        _count = n;
        if (_gold.Length < n + 1) { _gold = new int[n + 1]; _depStart = new int[n + 2]; _deps = new int[n]; }
        goldHeads.CopyTo(_gold);
        Array.Clear(_depStart, 0, n + 2);
        for (int i = 0; i < n; i++) _depStart[goldHeads[i] + 1]++;
        for (int h = 0; h <= n; h++) _depStart[h + 1] += _depStart[h];
        Span<int> fill = n <= 512 ? stackalloc int[n + 1] : new int[n + 1];
        _depStart.AsSpan(0, n + 1).CopyTo(fill);
        for (int i = 0; i < n; i++) _deps[fill[goldHeads[i]]++] = i;
    }

    public int GoldHead(int word) => _gold[word];

    public int Cost(ArcHybridState state, Move move)
    {
        int front = state.Front;
        switch (move)
        {
            case Move.Shift:
            {
                int cost = 0;
                int h = _gold[front];
                int s0 = state.S(0);
                if (h < _count && state.OnStack[h] && h != s0) cost++;
                for (int k = _depStart[front]; k < _depStart[front + 1]; k++)
                {
                    int d = _deps[k];
                    if (d < front && state.OnStack[d]) cost++;
                }
                return cost;
            }
            case Move.Left:
            {
                int s0 = state.S(0), s1 = state.S(1);
                int h = _gold[s0];
                int cost = h != front && (h == s1 || h > front) ? 1 : 0;
                return cost + DependentsInBuffer(s0, front);
            }
            default:
            {
                int s0 = state.S(0), s1 = state.S(1);
                int h = _gold[s0];
                int cost = h != s1 && h >= front ? 1 : 0;
                return cost + DependentsInBuffer(s0, front);
            }
        }
    }

    private int DependentsInBuffer(int word, int front)
    {
        int cost = 0;
        for (int k = _depStart[word]; k < _depStart[word + 1]; k++)
            if (_deps[k] >= front) cost++;
        return cost;
    }
}
