namespace Parley.Nlp.Parsing;

/// <summary>The three moves of the arc-hybrid system (Kuhlmann et al. 2011).</summary>
internal enum Move
{
    /// <summary>Push the buffer front onto the stack.</summary>
    Shift = 0,
    /// <summary>Attach the stack top to the buffer front and pop it.</summary>
    Left = 1,
    /// <summary>Attach the stack top to the word below it and pop it.</summary>
    Right = 2,
}

/// <summary>
/// A configuration of the arc-hybrid transition system over n words, with the artificial root placed
/// at the end of the buffer (index n), so that the root is attached last and exactly once: a left arc to
/// the root is only allowed when the stack holds one word. Arrays are reused between sentences; every
/// move is O(1), so a sentence of n words takes 2n moves.
/// </summary>
internal sealed class ArcHybridState
{
    public int Count;
    public int[] Stack = new int[64];
    public int Depth;
    /// <summary>Front of the buffer; equals Count (the root) when all words have been shifted.</summary>
    public int Front;
    public int[] Heads = new int[64];
    public int[] Labels = new int[64];
    // Nearest children bookkeeping, per word plus the root: two leftmost, two rightmost, counts, label sets.
    public int[] Left1 = new int[65], Left2 = new int[65], Right1 = new int[65], Right2 = new int[65];
    public int[] LeftCount = new int[65], RightCount = new int[65];
    public ulong[] LeftLabels = new ulong[65], RightLabels = new ulong[65];
    public bool[] OnStack = new bool[65];

    public void Reset(int count)
    {
        if (Heads.Length < count) Grow(count);
        Count = count;
        Depth = 0;
        Front = 0;
        Array.Fill(Heads, -1, 0, count);
        Array.Fill(Labels, -1, 0, count);
        Array.Fill(Left1, -1, 0, count + 1);
        Array.Fill(Left2, -1, 0, count + 1);
        Array.Fill(Right1, -1, 0, count + 1);
        Array.Fill(Right2, -1, 0, count + 1);
        Array.Clear(LeftCount, 0, count + 1);
        Array.Clear(RightCount, 0, count + 1);
        Array.Clear(LeftLabels, 0, count + 1);
        Array.Clear(RightLabels, 0, count + 1);
        Array.Clear(OnStack, 0, count + 1);
    }

    private void Grow(int count)
    {
        int n = Math.Max(count, Heads.Length * 2);
        Stack = new int[n + 1];
        Heads = new int[n];
        Labels = new int[n];
        Left1 = new int[n + 1]; Left2 = new int[n + 1]; Right1 = new int[n + 1]; Right2 = new int[n + 1];
        LeftCount = new int[n + 1]; RightCount = new int[n + 1];
        LeftLabels = new ulong[n + 1]; RightLabels = new ulong[n + 1];
        OnStack = new bool[n + 1];
    }

    public bool IsTerminal => Front == Count && Depth == 0;

    /// <summary>Stack word at depth i (0 = top), or -1.</summary>
    public int S(int i) => Depth > i ? Stack[Depth - 1 - i] : -1;

    /// <summary>Buffer word at offset i (0 = front): a word index, Count for the root, or -1 past it.</summary>
    public int B(int i) => Front + i <= Count ? Front + i : -1;

    public bool CanShift => Front < Count;
    public bool CanLeft => Depth > 0 && (Front < Count || Depth == 1);
    public bool CanRight => Depth > 1;

    public bool IsLegal(Move move) => move switch
    {
        Move.Shift => CanShift,
        Move.Left => CanLeft,
        _ => CanRight,
    };

    /// <summary>The (head, dependent) pair a move would attach, or (-1, -1) for a shift.</summary>
    public (int Head, int Dependent) ArcOf(Move move) => move switch
    {
        Move.Left => (Front, Stack[Depth - 1]),
        Move.Right => (Stack[Depth - 2], Stack[Depth - 1]),
        _ => (-1, -1),
    };

    public void Apply(Move move, int label)
    {
        switch (move)
        {
            case Move.Shift:
                OnStack[Front] = true;
                Stack[Depth++] = Front++;
                break;
            case Move.Left:
                Attach(Front, Stack[Depth - 1], label);
                OnStack[Stack[--Depth]] = false;
                break;
            default:
                Attach(Stack[Depth - 2], Stack[Depth - 1], label);
                OnStack[Stack[--Depth]] = false;
                break;
        }
    }

    private void Attach(int head, int dep, int label)
    {
        Heads[dep] = head;
        Labels[dep] = label;
        ulong bit = 1UL << (label & 63);
        if (dep < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (Left1[head] < 0 || dep < Left1[head]) { Left2[head] = Left1[head]; Left1[head] = dep; }
            else if (Left2[head] < 0 || dep < Left2[head]) Left2[head] = dep;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (Right1[head] < 0 || dep > Right1[head]) { Right2[head] = Right1[head]; Right1[head] = dep; }
            else if (Right2[head] < 0 || dep > Right2[head]) Right2[head] = dep;
        }
    }
}
