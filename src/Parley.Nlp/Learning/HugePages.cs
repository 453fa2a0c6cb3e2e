using System.Runtime.InteropServices;

namespace Parley.Nlp.Learning;

/// <summary>
/// Large read-mostly tables (the perceptron's slots and rows, NER's slots and weights) backed by 2 MB pages where the
/// system allows it. Every feature lookup is a random read somewhere in tens of MB; with 4 KB pages nearly each one also
/// misses the TLB and walks the page tables (two levels of them on a virtual machine). The arrays are allocated pinned
/// (they never move), filled, then their 2 MB-aligned interior is advised to huge pages and collapsed at once (Linux
/// <c>madvise</c> MADV_HUGEPAGE and MADV_COLLAPSE). Elsewhere, or when the kernel declines, they stay ordinary arrays:
/// only speed depends on it, never a value.
/// </summary>
internal static class HugePages
{
    private const int HugePage = 2 << 20;
    private const int MadviseHugePage = 14;
    private const int MadviseCollapse = 25;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// A zeroed array of <paramref name="length"/>, never moved when it is large enough for <see cref="Advise"/> to back it
    /// with huge pages once filled, or when <paramref name="pinned"/> asks for it anyway.
    /// </summary>
    public static T[] Allocate<T>(int length, bool pinned = false) where T : struct =>
        pinned || length * (long)Marshal.SizeOf<T>() >= HugePage ? GC.AllocateArray<T>(length, pinned: true) : new T[length];

    /// <summary>Asks for huge pages under a filled array from <see cref="Allocate{T}"/>; arrays under 2 MB are left as they are.</summary>
    public static void Advise<T>(T[] array) where T : struct
    {
        long bytes = array.LongLength * Marshal.SizeOf<T>();
        if (_unavailable || bytes < 2L * HugePage) return;
        long start = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0).ToInt64();
        long first = (start + HugePage - 1) & ~(long)(HugePage - 1);
        long last = (start + bytes) & ~(long)(HugePage - 1);
        if (last <= first) return;
        try
        {
            if (madvise((nint)first, (nuint)(last - first), MadviseHugePage) == 0)
                madvise((nint)first, (nuint)(last - first), MadviseCollapse);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { _unavailable = true; }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int madvise(nint address, nuint length, int advice);
}
