using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Nlp.Neural;

/// <summary>
/// The few dense operations the neural parser needs, on row-major float matrices, with 256-bit SIMD (512-bit in the
/// transposed products where the machine has it) and a scalar tail. Matrices are small (a few hundred rows and
/// columns), so they stay in cache and these loops are bound by arithmetic: one fused multiply-add per 8 floats.
/// </summary>
internal static class DenseMath
{
    /// <summary>y[r] += sum over c of W[r, c] * x[c], for W of <paramref name="rows"/> x x.Length.</summary>
    public static void MatVecAdd(ReadOnlySpan<float> w, int rows, ReadOnlySpan<float> x, Span<float> y)
    {
        int cols = x.Length;
        for (int r = 0; r < rows; r++) y[r] += Dot(w.Slice(r * cols, cols), x);
    }

    /// <summary>dx[c] += sum over r of W[r, c] * g[r], for W of g.Length x dx.Length.</summary>
    public static void MatTVecAdd(ReadOnlySpan<float> w, ReadOnlySpan<float> g, Span<float> dx)
    {
        int cols = dx.Length;
        for (int r = 0; r < g.Length; r++)
        {
            float gr = g[r];
            if (gr != 0) Axpy(gr, w.Slice(r * cols, cols), dx);
        }
    }

    /// <summary>dW[r, c] += g[r] * x[c], for dW of g.Length x x.Length.</summary>
    public static void OuterAdd(Span<float> dw, ReadOnlySpan<float> g, ReadOnlySpan<float> x)
    {
        int cols = x.Length;
        for (int r = 0; r < g.Length; r++)
        {
            float gr = g[r];
            if (gr != 0) Axpy(gr, x, dw.Slice(r * cols, cols));
        }
    }

    /// <summary>
    /// y[r] += sum over c of W[r, c] * x[c], for W stored transposed (<paramref name="wt"/>[c * y.Length + r]): the
    /// inference layout, which keeps 64 outputs in registers while it walks the inputs, instead of one horizontal sum
    /// per output row.
    /// </summary>
    public static void MatVecTransposedAdd(ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y)
    {
        int rows = y.Length, cols = x.Length, r = 0;
        ref float pw = ref MemoryMarshal.GetReference(wt);
        ref float py = ref MemoryMarshal.GetReference(y);
        if (Vector512.IsHardwareAccelerated)
        {
            // 256 rows at a time: 16 independent accumulators keep both FMA units busy; with fewer, each accumulator's
            // chain of dependent multiply-adds over the columns sets the pace (the LSTM's 4H x H recurrence, H = 64)
            for (; r + 256 <= rows; r += 256)
            {
                nuint ur = (nuint)r;
                var a0 = Vector512.LoadUnsafe(ref py, ur); var a1 = Vector512.LoadUnsafe(ref py, ur + 16);
                var a2 = Vector512.LoadUnsafe(ref py, ur + 32); var a3 = Vector512.LoadUnsafe(ref py, ur + 48);
                var a4 = Vector512.LoadUnsafe(ref py, ur + 64); var a5 = Vector512.LoadUnsafe(ref py, ur + 80);
                var a6 = Vector512.LoadUnsafe(ref py, ur + 96); var a7 = Vector512.LoadUnsafe(ref py, ur + 112);
                var a8 = Vector512.LoadUnsafe(ref py, ur + 128); var a9 = Vector512.LoadUnsafe(ref py, ur + 144);
                var a10 = Vector512.LoadUnsafe(ref py, ur + 160); var a11 = Vector512.LoadUnsafe(ref py, ur + 176);
                var a12 = Vector512.LoadUnsafe(ref py, ur + 192); var a13 = Vector512.LoadUnsafe(ref py, ur + 208);
                var a14 = Vector512.LoadUnsafe(ref py, ur + 224); var a15 = Vector512.LoadUnsafe(ref py, ur + 240);
                for (int c = 0; c < cols; c++)
                {
                    var b = Vector512.Create(x[c]);
                    nuint at = (nuint)(c * rows + r);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at), b, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 16), b, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 32), b, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 48), b, a3);
                    a4 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 64), b, a4);
                    a5 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 80), b, a5);
                    a6 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 96), b, a6);
                    a7 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 112), b, a7);
                    a8 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 128), b, a8);
                    a9 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 144), b, a9);
                    a10 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 160), b, a10);
                    a11 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 176), b, a11);
                    a12 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 192), b, a12);
                    a13 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 208), b, a13);
                    a14 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 224), b, a14);
                    a15 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pw, at + 240), b, a15);
                }
                a0.StoreUnsafe(ref py, (nuint)r); a1.StoreUnsafe(ref py, (nuint)(r + 16)); a2.StoreUnsafe(ref py, (nuint)(r + 32)); a3.StoreUnsafe(ref py, (nuint)(r + 48));
                a4.StoreUnsafe(ref py, (nuint)(r + 64)); a5.StoreUnsafe(ref py, (nuint)(r + 80)); a6.StoreUnsafe(ref py, (nuint)(r + 96)); a7.StoreUnsafe(ref py, (nuint)(r + 112));
                a8.StoreUnsafe(ref py, (nuint)(r + 128)); a9.StoreUnsafe(ref py, (nuint)(r + 144)); a10.StoreUnsafe(ref py, (nuint)(r + 160)); a11.StoreUnsafe(ref py, (nuint)(r + 176));
                a12.StoreUnsafe(ref py, (nuint)(r + 192)); a13.StoreUnsafe(ref py, (nuint)(r + 208)); a14.StoreUnsafe(ref py, (nuint)(r + 224)); a15.StoreUnsafe(ref py, (nuint)(r + 240));
            }
            RowsByFour<Lanes512, Vector512<float>>(ref pw, ref py, x, rows, ref r);
        }
        else if (Vector256.IsHardwareAccelerated)
            RowsByFour<Lanes256, Vector256<float>>(ref pw, ref py, x, rows, ref r);
        ScalarRows(wt, x, y, r);
    }

    /// <summary>
    /// Two <see cref="MatVecTransposedAdd"/> products with the same matrix (ya += W xa, yb += W xb): 128 outputs of both at
    /// a time, each load of W serving two fused multiply-adds, which halves what is read of W (the LSTM recurrence of two
    /// sentences, 64 KB of W per step). Every output is its start plus the products over the inputs in order, as in
    /// <see cref="MatVecTransposedAdd"/>, so the floats are the same as two separate products.
    /// </summary>
    public static void MatVecTransposedAddPair(ReadOnlySpan<float> wt, ReadOnlySpan<float> xa, Span<float> ya, ReadOnlySpan<float> xb, Span<float> yb)
    {
        int rows = ya.Length, cols = xa.Length;
        if (!Vector512.IsHardwareAccelerated || rows % 128 != 0 || yb.Length != rows || xb.Length != cols || wt.Length < rows * cols)
        {
            MatVecTransposedAdd(wt, xa, ya);
            MatVecTransposedAdd(wt, xb, yb);
            return;
        }
        ref float pw = ref MemoryMarshal.GetReference(wt);
        ref float pa = ref MemoryMarshal.GetReference(ya);
        ref float pb = ref MemoryMarshal.GetReference(yb);
        ref float qa = ref MemoryMarshal.GetReference(xa);
        ref float qb = ref MemoryMarshal.GetReference(xb);
        for (int r = 0; r < rows; r += 128)
        {
            nuint ur = (nuint)r;
            var a0 = Vector512.LoadUnsafe(ref pa, ur); var a1 = Vector512.LoadUnsafe(ref pa, ur + 16); var a2 = Vector512.LoadUnsafe(ref pa, ur + 32); var a3 = Vector512.LoadUnsafe(ref pa, ur + 48);
            var a4 = Vector512.LoadUnsafe(ref pa, ur + 64); var a5 = Vector512.LoadUnsafe(ref pa, ur + 80); var a6 = Vector512.LoadUnsafe(ref pa, ur + 96); var a7 = Vector512.LoadUnsafe(ref pa, ur + 112);
            var b0 = Vector512.LoadUnsafe(ref pb, ur); var b1 = Vector512.LoadUnsafe(ref pb, ur + 16); var b2 = Vector512.LoadUnsafe(ref pb, ur + 32); var b3 = Vector512.LoadUnsafe(ref pb, ur + 48);
            var b4 = Vector512.LoadUnsafe(ref pb, ur + 64); var b5 = Vector512.LoadUnsafe(ref pb, ur + 80); var b6 = Vector512.LoadUnsafe(ref pb, ur + 96); var b7 = Vector512.LoadUnsafe(ref pb, ur + 112);
            for (int c = 0; c < cols; c++)
            {
                nuint at = (nuint)(c * rows + r);
                var sa = Vector512.Create(Unsafe.Add(ref qa, c));
                var sb = Vector512.Create(Unsafe.Add(ref qb, c));
                var w = Vector512.LoadUnsafe(ref pw, at); a0 = Vector512.FusedMultiplyAdd(w, sa, a0); b0 = Vector512.FusedMultiplyAdd(w, sb, b0);
                w = Vector512.LoadUnsafe(ref pw, at + 16); a1 = Vector512.FusedMultiplyAdd(w, sa, a1); b1 = Vector512.FusedMultiplyAdd(w, sb, b1);
                w = Vector512.LoadUnsafe(ref pw, at + 32); a2 = Vector512.FusedMultiplyAdd(w, sa, a2); b2 = Vector512.FusedMultiplyAdd(w, sb, b2);
                w = Vector512.LoadUnsafe(ref pw, at + 48); a3 = Vector512.FusedMultiplyAdd(w, sa, a3); b3 = Vector512.FusedMultiplyAdd(w, sb, b3);
                w = Vector512.LoadUnsafe(ref pw, at + 64); a4 = Vector512.FusedMultiplyAdd(w, sa, a4); b4 = Vector512.FusedMultiplyAdd(w, sb, b4);
                w = Vector512.LoadUnsafe(ref pw, at + 80); a5 = Vector512.FusedMultiplyAdd(w, sa, a5); b5 = Vector512.FusedMultiplyAdd(w, sb, b5);
                w = Vector512.LoadUnsafe(ref pw, at + 96); a6 = Vector512.FusedMultiplyAdd(w, sa, a6); b6 = Vector512.FusedMultiplyAdd(w, sb, b6);
                w = Vector512.LoadUnsafe(ref pw, at + 112); a7 = Vector512.FusedMultiplyAdd(w, sa, a7); b7 = Vector512.FusedMultiplyAdd(w, sb, b7);
            }
            a0.StoreUnsafe(ref pa, ur); a1.StoreUnsafe(ref pa, ur + 16); a2.StoreUnsafe(ref pa, ur + 32); a3.StoreUnsafe(ref pa, ur + 48);
            a4.StoreUnsafe(ref pa, ur + 64); a5.StoreUnsafe(ref pa, ur + 80); a6.StoreUnsafe(ref pa, ur + 96); a7.StoreUnsafe(ref pa, ur + 112);
            b0.StoreUnsafe(ref pb, ur); b1.StoreUnsafe(ref pb, ur + 16); b2.StoreUnsafe(ref pb, ur + 32); b3.StoreUnsafe(ref pb, ur + 48);
            b4.StoreUnsafe(ref pb, ur + 64); b5.StoreUnsafe(ref pb, ur + 80); b6.StoreUnsafe(ref pb, ur + 96); b7.StoreUnsafe(ref pb, ur + 112);
        }
    }

    /// <summary>The rows from <paramref name="r"/> on of <see cref="MatVecTransposedAdd"/>, one at a time (the tail no vector fills).</summary>
    private static void ScalarRows(ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y, int r)
    {
        int rows = y.Length, cols = x.Length;
        for (; r < rows; r++)
        {
            float sum = 0;
            for (int c = 0; c < cols; c++) sum += wt[c * rows + r] * x[c];
            y[r] += sum;
        }
    }

    /// <summary>
    /// The rows of <see cref="MatVecTransposedAdd"/> that are left after its widest block, at one SIMD width: four
    /// vectors of rows at a time, then one. Written once for both widths (.NET 10 does not make <c>ISimdVector</c>
    /// public): <typeparamref name="TL"/> is a struct, so the JIT compiles one copy per width with every lane operation
    /// inlined, the same code as the two loops written out. <see cref="RowsByFourInternal"/> lets the tests run either width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowsByFour<TL, TV>(ref float pw, ref float py, ReadOnlySpan<float> x, int rows, ref int r)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int cols = x.Length, n = TL.Count;
        for (; r + 4 * n <= rows; r += 4 * n)
        {
            nuint ur = (nuint)r, un = (nuint)n;
            var a0 = TL.Load(ref py, ur);
            var a1 = TL.Load(ref py, ur + un);
            var a2 = TL.Load(ref py, ur + 2 * un);
            var a3 = TL.Load(ref py, ur + 3 * un);
            for (int c = 0; c < cols; c++)
            {
                var b = TL.Splat(x[c]);
                nuint at = (nuint)(c * rows + r);
                a0 = TL.Fma(TL.Load(ref pw, at), b, a0);
                a1 = TL.Fma(TL.Load(ref pw, at + un), b, a1);
                a2 = TL.Fma(TL.Load(ref pw, at + 2 * un), b, a2);
                a3 = TL.Fma(TL.Load(ref pw, at + 3 * un), b, a3);
            }
            TL.Store(a0, ref py, ur);
            TL.Store(a1, ref py, ur + un);
            TL.Store(a2, ref py, ur + 2 * un);
            TL.Store(a3, ref py, ur + 3 * un);
        }
        for (; r + n <= rows; r += n)
        {
            var a = TL.Load(ref py, (nuint)r);
            for (int c = 0; c < cols; c++)
                a = TL.Fma(TL.Load(ref pw, (nuint)(c * rows + r)), TL.Splat(x[c]), a);
            TL.Store(a, ref py, (nuint)r);
        }
    }

    /// <summary>
    /// y += the transposed product at one width (<paramref name="wide"/>: 512 bits, else 256), for tests that hold both
    /// widths to the scalar product whichever this machine's <see cref="MatVecTransposedAdd"/> takes. Returns false
    /// when the machine lacks that width.
    /// </summary>
    internal static bool RowsByFourInternal(bool wide, ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y)
    {
        if (wide ? !Vector512.IsHardwareAccelerated : !Vector256.IsHardwareAccelerated) return false;
        int r = 0, rows = y.Length;
        ref float pw = ref MemoryMarshal.GetReference(wt);
        ref float py = ref MemoryMarshal.GetReference(y);
        if (wide) RowsByFour<Lanes512, Vector512<float>>(ref pw, ref py, x, rows, ref r);
        else RowsByFour<Lanes256, Vector256<float>>(ref pw, ref py, x, rows, ref r);
        ScalarRows(wt, x, y, r);
        return true;
    }

    /// <summary>The lane operations <see cref="RowsByFour"/> needs, one struct per SIMD width.</summary>
    private interface ILanes<TV> where TV : struct
    {
        static abstract int Count { get; }
        static abstract TV Load(ref float p, nuint at);
        static abstract void Store(TV v, ref float p, nuint at);
        static abstract TV Splat(float value);
        static abstract TV Fma(TV a, TV b, TV c);
        static abstract TV Add(TV a, TV b);
        static abstract TV Mul(TV a, TV b);
        static abstract TV Div(TV a, TV b);
        static abstract TV Min(TV a, TV b);
        static abstract TV Max(TV a, TV b);
    }

    private readonly struct Lanes512 : ILanes<Vector512<float>>
    {
        public static int Count => Vector512<float>.Count;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Load(ref float p, nuint at) => Vector512.LoadUnsafe(ref p, at);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<float> v, ref float p, nuint at) => v.StoreUnsafe(ref p, at);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Splat(float value) => Vector512.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Mul(Vector512<float> a, Vector512<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Div(Vector512<float> a, Vector512<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.Min(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.Max(a, b);
    }

    private readonly struct Lanes256 : ILanes<Vector256<float>>
    {
        public static int Count => Vector256<float>.Count;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Load(ref float p, nuint at) => Vector256.LoadUnsafe(ref p, at);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<float> v, ref float p, nuint at) => v.StoreUnsafe(ref p, at);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Splat(float value) => Vector256.Create(value);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Mul(Vector256<float> a, Vector256<float> b) => a * b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Div(Vector256<float> a, Vector256<float> b) => a / b;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.Min(a, b);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.Max(a, b);
    }

    /// <summary>
    /// Y[t, r] += sum over c of W[r, c] * X[t, c] for <paramref name="count"/> rows of X (each x.Length / count long) and of
    /// Y, with W transposed as in <see cref="MatVecTransposedAdd"/>. Four rows of X share each load of W: the matrix is
    /// read from cache a quarter as often as by one product per row, which is what bounds the per-word layers.
    /// </summary>
    public static void MatMatTransposedAdd(ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y, int count) =>
        MatMatTransposed(wt, x, y, count, overwrite: false);

    /// <summary>
    /// Y = the product of <see cref="MatMatTransposedAdd"/>, whatever Y held: the same sums (each starts from zero), without
    /// clearing Y first and reading the zeros back.
    /// </summary>
    public static void MatMatTransposedSet(ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y, int count) =>
        MatMatTransposed(wt, x, y, count, overwrite: true);

    private static void MatMatTransposed(ReadOnlySpan<float> wt, ReadOnlySpan<float> x, Span<float> y, int count, bool overwrite)
    {
        int cols = x.Length / count, rows = y.Length / count, t = 0;
        // the blocks below read W without bounds checks
        if (wt.Length < cols * rows) throw new ArgumentException($"W has {wt.Length} floats, not {cols} x {rows}", nameof(wt));
        if (Vector512.IsHardwareAccelerated && rows % 64 == 0)
        {
            ref float pw = ref MemoryMarshal.GetReference(wt);
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float py = ref MemoryMarshal.GetReference(y);
            int groups = count / 4 * 4;
            // a block of 64 outputs outer, the groups of four rows of X inner: the block's columns of W (cols x 64 floats,
            // 32 KB for 128 inputs) stay in the first-level cache for every group instead of the whole matrix streaming
            // from the second level once per group
            for (int r = 0; r < rows; r += 64)
                for (int g = 0; g < groups; g += 4) FourBySixtyFour(ref pw, ref px, ref py, cols, rows, r, g, overwrite);
            t = groups;
        }
        if (overwrite) y[(t * rows)..(count * rows)].Clear();
        for (; t < count; t++) MatVecTransposedAdd(wt, x.Slice(t * cols, cols), y.Slice(t * rows, rows));
    }

    /// <summary>
    /// Outputs r to r + 63 of rows t to t + 3 of <see cref="MatMatTransposed"/>: 16 accumulators, four loads of W and four
    /// broadcasts of X per 16 fused multiply-adds. Each output is its start plus the products over the inputs in order,
    /// the sums of <see cref="MatVecTransposedAdd"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourBySixtyFour(ref float pw, ref float px, ref float py, int cols, int rows, int r, int t, bool overwrite)
    {
        nuint y0 = (nuint)(t * rows + r), y1 = y0 + (nuint)rows, y2 = y1 + (nuint)rows, y3 = y2 + (nuint)rows;
        Vector512<float> a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33;
        if (overwrite) a00 = a01 = a02 = a03 = a10 = a11 = a12 = a13 = a20 = a21 = a22 = a23 = a30 = a31 = a32 = a33 = Vector512<float>.Zero;
        else
        {
            a00 = Vector512.LoadUnsafe(ref py, y0); a01 = Vector512.LoadUnsafe(ref py, y0 + 16); a02 = Vector512.LoadUnsafe(ref py, y0 + 32); a03 = Vector512.LoadUnsafe(ref py, y0 + 48);
            a10 = Vector512.LoadUnsafe(ref py, y1); a11 = Vector512.LoadUnsafe(ref py, y1 + 16); a12 = Vector512.LoadUnsafe(ref py, y1 + 32); a13 = Vector512.LoadUnsafe(ref py, y1 + 48);
            a20 = Vector512.LoadUnsafe(ref py, y2); a21 = Vector512.LoadUnsafe(ref py, y2 + 16); a22 = Vector512.LoadUnsafe(ref py, y2 + 32); a23 = Vector512.LoadUnsafe(ref py, y2 + 48);
            a30 = Vector512.LoadUnsafe(ref py, y3); a31 = Vector512.LoadUnsafe(ref py, y3 + 16); a32 = Vector512.LoadUnsafe(ref py, y3 + 32); a33 = Vector512.LoadUnsafe(ref py, y3 + 48);
        }
        nuint x0 = (nuint)(t * cols), x1 = x0 + (nuint)cols, x2 = x1 + (nuint)cols, x3 = x2 + (nuint)cols;
        for (int c = 0; c < cols; c++)
        {
            nuint at = (nuint)(c * rows + r), uc = (nuint)c;
            var w0 = Vector512.LoadUnsafe(ref pw, at); var w1 = Vector512.LoadUnsafe(ref pw, at + 16);
            var w2 = Vector512.LoadUnsafe(ref pw, at + 32); var w3 = Vector512.LoadUnsafe(ref pw, at + 48);
            var b = Vector512.Create(Unsafe.Add(ref px, x0 + uc));
            a00 = Vector512.FusedMultiplyAdd(w0, b, a00); a01 = Vector512.FusedMultiplyAdd(w1, b, a01); a02 = Vector512.FusedMultiplyAdd(w2, b, a02); a03 = Vector512.FusedMultiplyAdd(w3, b, a03);
            b = Vector512.Create(Unsafe.Add(ref px, x1 + uc));
            a10 = Vector512.FusedMultiplyAdd(w0, b, a10); a11 = Vector512.FusedMultiplyAdd(w1, b, a11); a12 = Vector512.FusedMultiplyAdd(w2, b, a12); a13 = Vector512.FusedMultiplyAdd(w3, b, a13);
            b = Vector512.Create(Unsafe.Add(ref px, x2 + uc));
            a20 = Vector512.FusedMultiplyAdd(w0, b, a20); a21 = Vector512.FusedMultiplyAdd(w1, b, a21); a22 = Vector512.FusedMultiplyAdd(w2, b, a22); a23 = Vector512.FusedMultiplyAdd(w3, b, a23);
            b = Vector512.Create(Unsafe.Add(ref px, x3 + uc));
            a30 = Vector512.FusedMultiplyAdd(w0, b, a30); a31 = Vector512.FusedMultiplyAdd(w1, b, a31); a32 = Vector512.FusedMultiplyAdd(w2, b, a32); a33 = Vector512.FusedMultiplyAdd(w3, b, a33);
        }
        a00.StoreUnsafe(ref py, y0); a01.StoreUnsafe(ref py, y0 + 16); a02.StoreUnsafe(ref py, y0 + 32); a03.StoreUnsafe(ref py, y0 + 48);
        a10.StoreUnsafe(ref py, y1); a11.StoreUnsafe(ref py, y1 + 16); a12.StoreUnsafe(ref py, y1 + 32); a13.StoreUnsafe(ref py, y1 + 48);
        a20.StoreUnsafe(ref py, y2); a21.StoreUnsafe(ref py, y2 + 16); a22.StoreUnsafe(ref py, y2 + 32); a23.StoreUnsafe(ref py, y2 + 48);
        a30.StoreUnsafe(ref py, y3); a31.StoreUnsafe(ref py, y3 + 16); a32.StoreUnsafe(ref py, y3 + 32); a33.StoreUnsafe(ref py, y3 + 48);
    }

    /// <summary>The transpose of a rows x cols matrix (cols x rows).</summary>
    public static float[] Transpose(ReadOnlySpan<float> w, int rows, int cols)
    {
        var t = new float[w.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c];
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, i = 0;
        float sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            ref float pa = ref MemoryMarshal.GetReference(a);
            ref float pb = ref MemoryMarshal.GetReference(b);
            var acc0 = Vector256<float>.Zero;
            var acc1 = Vector256<float>.Zero;
            for (; i + 16 <= n; i += 16)
            {
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), acc0);
                acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)(i + 8)), Vector256.LoadUnsafe(ref pb, (nuint)(i + 8)), acc1);
            }
            for (; i + 8 <= n; i += 8)
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), acc0);
            sum = Vector256.Sum(acc0 + acc1);
        }
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>y += a * x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float py = ref MemoryMarshal.GetReference(y);
            var va = Vector256.Create(a);
            for (; i + 8 <= n; i += 8)
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>
    /// y = ((((start + a) + b) + c) + d) + e, lane by lane: the floats of copying <paramref name="start"/> to y and
    /// <see cref="Add"/>ing the five rows one after the other, in one pass (512-bit lanes where the machine has them).
    /// </summary>
    public static void SumOfRows(ReadOnlySpan<float> start, ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c,
        ReadOnlySpan<float> d, ReadOnlySpan<float> e, Span<float> y)
    {
        int n = y.Length, i = 0;
        if (start.Length < n || a.Length < n || b.Length < n || c.Length < n || d.Length < n || e.Length < n)
            throw new ArgumentException("a row is shorter than the sum");
        ref float ps = ref MemoryMarshal.GetReference(start);
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        ref float pc = ref MemoryMarshal.GetReference(c);
        ref float pd = ref MemoryMarshal.GetReference(d);
        ref float pe = ref MemoryMarshal.GetReference(e);
        ref float py = ref MemoryMarshal.GetReference(y);
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= n; i += 16)
            {
                nuint at = (nuint)i;
                (Vector512.LoadUnsafe(ref ps, at) + Vector512.LoadUnsafe(ref pa, at) + Vector512.LoadUnsafe(ref pb, at) + Vector512.LoadUnsafe(ref pc, at)
                    + Vector512.LoadUnsafe(ref pd, at) + Vector512.LoadUnsafe(ref pe, at)).StoreUnsafe(ref py, at);
            }
        for (; i < n; i++) y[i] = start[i] + a[i] + b[i] + c[i] + d[i] + e[i];
    }

    /// <summary>y += x.</summary>
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float py = ref MemoryMarshal.GetReference(y);
            for (; i + 8 <= n; i += 8)
                (Vector256.LoadUnsafe(ref px, (nuint)i) + Vector256.LoadUnsafe(ref py, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        }
        for (; i < n; i++) y[i] += x[i];
    }

    // Rational approximation of tanh on [-9, 9] (the one Eigen uses for float; error about 1e-7), SIMD-friendly.
    private const float Clamp = 7.90531110763549805f;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f, A7 = 5.12229709037114e-08f,
        A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

    /// <summary>x = tanh(x), in place.</summary>
    public static void Tanh(Span<float> x)
    {
        int n = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float p = ref MemoryMarshal.GetReference(x);
            for (; i + 8 <= n; i += 8) Tanh(Vector256.LoadUnsafe(ref p, (nuint)i)).StoreUnsafe(ref p, (nuint)i);
        }
        for (; i < n; i++) x[i] = Tanh(x[i]);
    }

    /// <summary>x = 1 / (1 + e^-x), in place (as 0.5 + 0.5 tanh(x / 2)).</summary>
    public static void Sigmoid(Span<float> x)
    {
        int n = x.Length, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float p = ref MemoryMarshal.GetReference(x);
            for (; i + 8 <= n; i += 8)
                Sigmoid<Lanes256, Vector256<float>>(Vector256.LoadUnsafe(ref p, (nuint)i)).StoreUnsafe(ref p, (nuint)i);
        }
        for (; i < n; i++) x[i] = 0.5f + 0.5f * Tanh(0.5f * x[i]);
    }

    private static Vector256<float> Tanh(Vector256<float> v) => Tanh<Lanes256, Vector256<float>>(v);

    /// <summary>
    /// The rational tanh at one SIMD width: every lane goes through the same operations at either width, so 512-bit and
    /// 256-bit lanes give the same floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Tanh<TL, TV>(TV v) where TL : struct, ILanes<TV> where TV : struct
    {
        var x = TL.Min(TL.Max(v, TL.Splat(-Clamp)), TL.Splat(Clamp));
        var x2 = TL.Mul(x, x);
        var p = TL.Fma(x2, TL.Splat(A13), TL.Splat(A11));
        p = TL.Fma(x2, p, TL.Splat(A9));
        p = TL.Fma(x2, p, TL.Splat(A7));
        p = TL.Fma(x2, p, TL.Splat(A5));
        p = TL.Fma(x2, p, TL.Splat(A3));
        p = TL.Fma(x2, p, TL.Splat(A1));
        p = TL.Mul(p, x);
        var q = TL.Fma(x2, TL.Splat(B6), TL.Splat(B4));
        q = TL.Fma(x2, q, TL.Splat(B2));
        q = TL.Fma(x2, q, TL.Splat(B0));
        return TL.Div(p, q);
    }

    /// <summary>The vector sigmoid of <see cref="Sigmoid(Span{float})"/>: 0.5 + 0.5 tanh(x / 2), with one fused multiply-add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Sigmoid<TL, TV>(TV v) where TL : struct, ILanes<TV> where TV : struct
    {
        var half = TL.Splat(0.5f);
        return TL.Fma(half, Tanh<TL, TV>(TL.Mul(v, half)), half);
    }

    /// <summary>
    /// One LSTM step after the gate pre-activations (i, f, g, o stacked, <paramref name="h"/> each) are summed: the gate
    /// nonlinearities in place, c = i g + f c_prev (no c_prev at the first step), tanh(c) and h = o tanh(c), in one pass
    /// over whole vectors (512-bit lanes where the machine has them). The same floats as <see cref="Sigmoid"/>,
    /// <see cref="Tanh(Span{float})"/> and the scalar products one after the other (multiplies and adds stay unfused).
    /// Returns false, doing nothing, when <paramref name="h"/> is not a multiple of 8 (the caller then takes that way).
    /// </summary>
    public static bool LstmCell(Span<float> gates, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> tanhC, Span<float> output, int h)
    {
        if (h % 8 != 0 || !Vector256.IsHardwareAccelerated || gates.Length < 4 * h || c.Length < h || tanhC.Length < h || output.Length < h
            || (!cPrev.IsEmpty && cPrev.Length < h)) return false;
        ref float pg = ref MemoryMarshal.GetReference(gates);
        ref float pc = ref MemoryMarshal.GetReference(c);
        ref float pt = ref MemoryMarshal.GetReference(tanhC);
        ref float po = ref MemoryMarshal.GetReference(output);
        ref float pp = ref MemoryMarshal.GetReference(cPrev);
        bool first = cPrev.IsEmpty;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
            CellLanes<Lanes512, Vector512<float>>(ref pg, ref pp, ref pc, ref pt, ref po, h, first, ref j);
        CellLanes<Lanes256, Vector256<float>>(ref pg, ref pp, ref pc, ref pt, ref po, h, first, ref j);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellLanes<TL, TV>(ref float pg, ref float pp, ref float pc, ref float pt, ref float po, int h, bool first, ref int j)
        where TL : struct, ILanes<TV> where TV : struct
    {
        nuint uh = (nuint)h;
        for (; j + TL.Count <= h; j += TL.Count)
        {
            nuint at = (nuint)j;
            var i = Sigmoid<TL, TV>(TL.Load(ref pg, at));
            var f = Sigmoid<TL, TV>(TL.Load(ref pg, at + uh));
            var g = Tanh<TL, TV>(TL.Load(ref pg, at + 2 * uh));
            var o = Sigmoid<TL, TV>(TL.Load(ref pg, at + 3 * uh));
            TL.Store(i, ref pg, at);
            TL.Store(f, ref pg, at + uh);
            TL.Store(g, ref pg, at + 2 * uh);
            TL.Store(o, ref pg, at + 3 * uh);
            var cell = TL.Mul(i, g);
            if (!first) cell = TL.Add(cell, TL.Mul(f, TL.Load(ref pp, at)));
            TL.Store(cell, ref pc, at);
            var tc = Tanh<TL, TV>(cell);
            TL.Store(tc, ref pt, at);
            TL.Store(TL.Mul(o, tc), ref po, at);
        }
    }

    public static float Tanh(float v)
    {
        float x = Math.Clamp(v, -Clamp, Clamp), x2 = x * x;
        float p = ((((((A13 * x2 + A11) * x2 + A9) * x2 + A7) * x2 + A5) * x2 + A3) * x2 + A1) * x;
        float q = ((B6 * x2 + B4) * x2 + B2) * x2 + B0;
        return p / q;
    }
}
