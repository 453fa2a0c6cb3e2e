using static Parley.Nlp.Learning.FeatureHash.Parser;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Feature templates in the style of Zhang and Nivre (2011), adapted to the arc-hybrid system: words and tags of
/// the top three stack words and first three buffer words, their nearest children and children's labels,
/// valencies, label sets, distances and separators in between. Each feature is a hash of a template id and
/// integer attributes, written into a caller's buffer: no allocation.
/// </summary>
internal static class ParserFeatures
{
    public const int MaxTransitionFeatures = 160;
    public const int MaxLabelFeatures = 64;

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0) return 15;
        int d = Math.Abs(a - b);
        return d switch { <= 4 => (ulong)d, <= 6 => 5, <= 9 => 6, <= 14 => 7, <= 24 => 8, _ => 9 };
    }

    private static ulong LabelOf(ArcHybridState st, int word) => word < 0 ? 0 : (ulong)(st.Labels[word] + 1);

    private static int Child(int[] children, int word) => word < 0 ? -1 : children[word];

    public static int Transition(ArcHybridState st, SentenceInput input, Span<ulong> f)
    {
        int s0 = st.S(0), s1 = st.S(1), s2 = st.S(2);
        int b0 = st.B(0), b1 = st.B(1), b2 = st.B(2);
        int s0l1 = Child(st.Left1, s0), s0l2 = Child(st.Left2, s0), s0r1 = Child(st.Right1, s0), s0r2 = Child(st.Right2, s0);
        int s1l1 = Child(st.Left1, s1), s1r1 = Child(st.Right1, s1), s1r2 = Child(st.Right2, s1);
        int b0l1 = Child(st.Left1, b0), b0l2 = Child(st.Left2, b0);

        ref readonly var S0 = ref input.At(s0);
        ref readonly var S1 = ref input.At(s1);
        ref readonly var S2 = ref input.At(s2);
        ref readonly var B0 = ref input.At(b0);
        ref readonly var B1 = ref input.At(b1);
        ref readonly var B2 = ref input.At(b2);
        ref readonly var S0L1 = ref input.At(s0l1);
        ref readonly var S0L2 = ref input.At(s0l2);
        ref readonly var S0R1 = ref input.At(s0r1);
        ref readonly var S0R2 = ref input.At(s0r2);
        ref readonly var S1L1 = ref input.At(s1l1);
        ref readonly var S1R1 = ref input.At(s1r1);
        ref readonly var B0L1 = ref input.At(b0l1);
        ref readonly var B0L2 = ref input.At(b0l2);

        ulong lS0L1 = LabelOf(st, s0l1), lS0L2 = LabelOf(st, s0l2), lS0R1 = LabelOf(st, s0r1), lS0R2 = LabelOf(st, s0r2);
        ulong lS1L1 = LabelOf(st, s1l1), lS1R1 = LabelOf(st, s1r1), lS1R2 = LabelOf(st, s1r2);
        ulong lB0L1 = LabelOf(st, b0l1), lB0L2 = LabelOf(st, b0l2);
        ulong d01 = Distance(s0, b0), d10 = Distance(s1, s0);
        ulong vlS0 = s0 < 0 ? 99 : (ulong)st.LeftCount[s0], vrS0 = s0 < 0 ? 99 : (ulong)st.RightCount[s0];
        ulong vlB0 = b0 < 0 ? 99 : (ulong)st.LeftCount[b0];
        ulong vlS1 = s1 < 0 ? 99 : (ulong)st.LeftCount[s1], vrS1 = s1 < 0 ? 99 : (ulong)st.RightCount[s1];
        ulong setLS0 = s0 < 0 ? 1UL << 63 : st.LeftLabels[s0], setRS0 = s0 < 0 ? 1UL << 63 : st.RightLabels[s0];
        ulong setLB0 = b0 < 0 ? 1UL << 63 : st.LeftLabels[b0], setRS1 = s1 < 0 ? 1UL << 63 : st.RightLabels[s1];
        ulong sep01 = input.SeparatorsBetween(s0, b0), sep10 = input.SeparatorsBetween(s1, s0);

        int n = 0;
        f[n++] = Combine(0, 1);
        // Single words.
        f[n++] = Combine(1, S0.Word);
        f[n++] = Combine(2, S0.Tag);
        f[n++] = Combine(3, S0.Word, S0.Tag);
        f[n++] = Combine(4, B0.Word);
        f[n++] = Combine(5, B0.Tag);
        f[n++] = Combine(6, B0.Word, B0.Tag);
        f[n++] = Combine(7, B1.Word);
        f[n++] = Combine(8, B1.Tag);
        f[n++] = Combine(9, B1.Word, B1.Tag);
        f[n++] = Combine(10, B2.Word);
        f[n++] = Combine(11, B2.Tag);
        f[n++] = Combine(12, S1.Word);
        f[n++] = Combine(13, S1.Tag);
        f[n++] = Combine(14, S1.Word, S1.Tag);
        f[n++] = Combine(15, S2.Tag);
        f[n++] = Combine(16, S2.Word);
        f[n++] = Combine(17, S0.Lemma);
        f[n++] = Combine(18, B0.Lemma);
        f[n++] = Combine(19, S0.Suffix, S0.Upos);
        f[n++] = Combine(20, B0.Suffix, B0.Upos);
        f[n++] = Combine(24, S0.Shape, B0.Shape);
        // Pairs.
        f[n++] = Combine(25, S0.Word, S0.Tag, B0.Word, B0.Tag);
        f[n++] = Combine(26, S0.Word, S0.Tag, B0.Word);
        f[n++] = Combine(27, S0.Word, B0.Word, B0.Tag);
        f[n++] = Combine(28, S0.Word, S0.Tag, B0.Tag);
        f[n++] = Combine(29, S0.Tag, B0.Word, B0.Tag);
        f[n++] = Combine(30, S0.Word, B0.Word);
        f[n++] = Combine(31, S0.Tag, B0.Tag);
        f[n++] = Combine(32, B0.Tag, B1.Tag);
        f[n++] = Combine(33, S1.Tag, S0.Tag);
        f[n++] = Combine(34, S1.Word, S0.Word);
        f[n++] = Combine(35, S1.Word, S1.Tag, S0.Tag);
        f[n++] = Combine(36, S1.Tag, S0.Word, S0.Tag);
        f[n++] = Combine(37, S1.Word, S1.Tag, S0.Word, S0.Tag);
        f[n++] = Combine(38, S0.Lemma, B0.Lemma);
        f[n++] = Combine(39, S1.Lemma, S0.Lemma);
        f[n++] = Combine(40, B0.Word, B1.Word);
        f[n++] = Combine(41, B0.Tag, B1.Word);
        // Triples of tags.
        f[n++] = Combine(42, B0.Tag, B1.Tag, B2.Tag);
        f[n++] = Combine(43, S0.Tag, B0.Tag, B1.Tag);
        f[n++] = Combine(44, S1.Tag, S0.Tag, B0.Tag);
        f[n++] = Combine(45, S0.Tag, S0L1.Tag, B0.Tag);
        f[n++] = Combine(46, S0.Tag, S0R1.Tag, B0.Tag);
        f[n++] = Combine(47, S1.Tag, S0.Tag, S0L1.Tag);
        f[n++] = Combine(48, S1.Tag, S0.Tag, S0R1.Tag);
        f[n++] = Combine(49, S0.Tag, B0.Tag, B0L1.Tag);
        f[n++] = Combine(50, S2.Tag, S1.Tag, S0.Tag);
        f[n++] = Combine(51, S1.Tag, S1R1.Tag, S0.Tag);
        f[n++] = Combine(52, S1.Tag, S1L1.Tag, S0.Tag);
        f[n++] = Combine(53, S1.Upos, S0.Upos, B0.Upos, B1.Upos);
        f[n++] = Combine(54, S0.Word, B0.Tag, B1.Tag);
        f[n++] = Combine(55, S1.Tag, S0.Word, B0.Tag);
        f[n++] = Combine(56, S1.Tag, S0.Tag, B0.Word);
        // Distance.
        f[n++] = Combine(57, S0.Word, d01);
        f[n++] = Combine(58, S0.Tag, d01);
        f[n++] = Combine(59, B0.Word, d01);
        f[n++] = Combine(60, B0.Tag, d01);
        f[n++] = Combine(61, S0.Word, B0.Word, d01);
        f[n++] = Combine(62, S0.Tag, B0.Tag, d01);
        f[n++] = Combine(63, S1.Tag, S0.Tag, d10);
        f[n++] = Combine(64, S1.Word, S0.Word, d10);
        f[n++] = Combine(65, S1.Word, S0.Tag, d10);
        f[n++] = Combine(66, S1.Tag, S0.Word, d10);
        // Valency.
        f[n++] = Combine(67, S0.Word, vrS0);
        f[n++] = Combine(68, S0.Tag, vrS0);
        f[n++] = Combine(69, S0.Word, vlS0);
        f[n++] = Combine(70, S0.Tag, vlS0);
        f[n++] = Combine(71, B0.Word, vlB0);
        f[n++] = Combine(72, B0.Tag, vlB0);
        f[n++] = Combine(73, S1.Word, vrS1);
        f[n++] = Combine(74, S1.Tag, vrS1);
        f[n++] = Combine(75, S1.Tag, vlS1);
        // Nearest children.
        f[n++] = Combine(76, S0L1.Word);
        f[n++] = Combine(77, S0L1.Tag);
        f[n++] = Combine(78, lS0L1);
        f[n++] = Combine(79, S0R1.Word);
        f[n++] = Combine(80, S0R1.Tag);
        f[n++] = Combine(81, lS0R1);
        f[n++] = Combine(82, B0L1.Word);
        f[n++] = Combine(83, B0L1.Tag);
        f[n++] = Combine(84, lB0L1);
        f[n++] = Combine(85, S1R1.Word);
        f[n++] = Combine(86, S1R1.Tag);
        f[n++] = Combine(87, lS1R1);
        f[n++] = Combine(88, S1L1.Tag);
        f[n++] = Combine(89, lS1L1);
        f[n++] = Combine(90, S0L2.Word);
        f[n++] = Combine(91, S0L2.Tag);
        f[n++] = Combine(92, lS0L2);
        f[n++] = Combine(93, S0R2.Word);
        f[n++] = Combine(94, S0R2.Tag);
        f[n++] = Combine(95, lS0R2);
        f[n++] = Combine(96, B0L2.Word);
        f[n++] = Combine(97, B0L2.Tag);
        f[n++] = Combine(98, lB0L2);
        f[n++] = Combine(99, S0.Tag, lS0L1, lS0L2);
        f[n++] = Combine(100, S0.Tag, lS0R1, lS0R2);
        f[n++] = Combine(101, B0.Tag, lB0L1, lB0L2);
        f[n++] = Combine(102, S1.Tag, lS1R1, lS1R2);
        f[n++] = Combine(103, S0.Tag, lS0L1, B0.Tag);
        f[n++] = Combine(104, S0.Tag, lS0R1, B0.Tag);
        f[n++] = Combine(105, S1.Tag, lS1R1, S0.Tag);
        f[n++] = Combine(106, S0.Word, lS0R1, B0.Tag);
        f[n++] = Combine(107, S0.Tag, B0.Tag, lB0L1);
        // Label sets.
        f[n++] = Combine(108, S0.Word, setLS0);
        f[n++] = Combine(109, S0.Tag, setLS0);
        f[n++] = Combine(110, S0.Word, setRS0);
        f[n++] = Combine(111, S0.Tag, setRS0);
        f[n++] = Combine(112, B0.Word, setLB0);
        f[n++] = Combine(113, B0.Tag, setLB0);
        f[n++] = Combine(114, S1.Tag, setRS1);
        f[n++] = Combine(115, S1.Tag, S0.Tag, setRS1);
        // Separators between the words an arc would join.
        f[n++] = Combine(116, S0.Tag, B0.Tag, sep01);
        f[n++] = Combine(117, S1.Tag, S0.Tag, sep10);
        f[n++] = Combine(118, S1.Tag, S0.Tag, B0.Tag, sep01 * 4 + sep10);
        // Word clusters: fine and middle levels stand in for rare words.
        if (!input.HasClusters) return n;
        f[n++] = Combine(120, S0.Cluster);
        f[n++] = Combine(121, B0.Cluster);
        f[n++] = Combine(122, B1.Cluster2);
        f[n++] = Combine(123, S1.Cluster2);
        f[n++] = Combine(124, S0.Cluster2, B0.Cluster2);
        f[n++] = Combine(125, S0.Cluster2, B0.Tag);
        f[n++] = Combine(126, S0.Tag, B0.Cluster2);
        f[n++] = Combine(127, S0.Cluster3, B0.Cluster3, B1.Cluster3);
        f[n++] = Combine(128, S1.Cluster3, S0.Cluster3, B0.Cluster3);
        f[n++] = Combine(129, S0.Cluster, B0.Tag, d01);
        f[n++] = Combine(130, S0.Tag, B0.Cluster, d01);
        f[n++] = Combine(131, S1.Cluster2, S0.Tag);
        f[n++] = Combine(132, S0L1.Cluster3, S0.Cluster3, B0.Tag);
        f[n++] = Combine(133, S0R1.Cluster3, S0.Cluster3, B0.Tag);
        return n;
    }

    /// <summary>Features for the label of an arc head -> dep, taken when the arc is made (the dependent's subtree is complete then).</summary>
    public static int Label(ArcHybridState st, SentenceInput input, int head, int dep, Span<ulong> f)
    {
        ref readonly var D = ref input.At(dep);
        ref readonly var H = ref input.At(head);
        ulong dir = dep < head ? 1UL : 2UL;
        ulong dist = Distance(head, dep);
        int dl1 = st.Left1[dep], dr1 = st.Right1[dep], dl2 = st.Left2[dep];
        ref readonly var DL1 = ref input.At(dl1);
        ref readonly var DR1 = ref input.At(dr1);
        ulong lDL1 = LabelOf(st, dl1), lDR1 = LabelOf(st, dr1), lDL2 = LabelOf(st, dl2);
        // The head's nearest child on the dependent's side, attached before this arc.
        int hSide = dep < head ? st.Left1[head] : st.Right1[head];
        ulong lHSide = LabelOf(st, hSide);
        ulong setHL = st.LeftLabels[head], setHR = st.RightLabels[head];
        ulong setDL = st.LeftLabels[dep], setDR = st.RightLabels[dep];
        ref readonly var Prev = ref input.At(dep - 1);
        ref readonly var Next = ref input.At(dep + 1 <= input.Count ? dep + 1 : -1);
        int after = Math.Max(head, dep) + 1;
        ref readonly var After = ref input.At(after <= input.Count ? after : -1);
        ulong sep = input.SeparatorsBetween(head, dep);
        ulong vl = (ulong)Math.Min(st.LeftCount[dep], 3), vr = (ulong)Math.Min(st.RightCount[dep], 3);

        int n = 0;
        f[n++] = Combine(200, dir);
        f[n++] = Combine(201, D.Word);
        f[n++] = Combine(202, D.Tag);
        f[n++] = Combine(203, D.Upos, dir);
        f[n++] = Combine(204, D.Lemma);
        f[n++] = Combine(206, D.Suffix, D.Tag);
        f[n++] = Combine(207, H.Word);
        f[n++] = Combine(208, H.Tag);
        f[n++] = Combine(209, H.Lemma);
        f[n++] = Combine(211, D.Tag, H.Tag, dir);
        f[n++] = Combine(212, D.Word, H.Tag, dir);
        f[n++] = Combine(213, D.Tag, H.Word, dir);
        f[n++] = Combine(214, D.Word, H.Word, dir);
        f[n++] = Combine(215, D.Tag, H.Tag, dist, dir);
        f[n++] = Combine(216, D.Lemma, H.Lemma, dir);
        f[n++] = Combine(219, D.Tag, DL1.Word, H.Tag);
        f[n++] = Combine(220, D.Tag, lDL1, H.Tag);
        f[n++] = Combine(221, D.Tag, lDR1, dir);
        f[n++] = Combine(222, D.Tag, setDL, dir);
        f[n++] = Combine(223, D.Tag, setDR, dir);
        f[n++] = Combine(224, setDL, setDR, H.Tag, dir);
        f[n++] = Combine(225, D.Tag, setHL, dir);
        f[n++] = Combine(226, D.Tag, setHR, dir);
        f[n++] = Combine(227, D.Tag, lHSide, dir, H.Tag);
        f[n++] = Combine(228, Prev.Tag, D.Tag, dir);
        f[n++] = Combine(229, Next.Tag, D.Tag, dir);
        f[n++] = Combine(230, D.Tag, DL1.Word, DL1.Tag);
        f[n++] = Combine(231, D.Word, DL1.Word);
        f[n++] = Combine(232, D.Tag, H.Tag, sep, dir);
        f[n++] = Combine(233, D.Tag, vl, vr, dir);
        f[n++] = Combine(234, After.Tag, D.Tag, H.Tag);
        f[n++] = Combine(235, D.Tag, lDL1, lDL2);
        f[n++] = Combine(236, DL1.Lemma, H.Lemma, dir);
        f[n++] = Combine(237, DL1.Lemma, D.Upos, H.Upos);
        f[n++] = Combine(238, D.Word, H.Lemma, DL1.Lemma);
        f[n++] = Combine(240, D.Upos, H.Upos, setHL, dir);
        f[n++] = Combine(241, D.Upos, DR1.Tag, dir);
        f[n++] = Combine(242, D.Shape, D.Tag);
        if (!input.HasClusters) return n;
        f[n++] = Combine(243, D.Cluster, dir);
        f[n++] = Combine(244, H.Cluster, dir);
        f[n++] = Combine(245, D.Cluster2, H.Cluster2, dir);
        f[n++] = Combine(246, D.Cluster, H.Tag, dir);
        f[n++] = Combine(247, D.Tag, H.Cluster, dir);
        f[n++] = Combine(248, D.Cluster3, H.Cluster3, dist, dir);
        return n;
    }
}
