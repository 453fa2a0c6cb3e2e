using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Parley.Core;

/// <summary>
/// What each stage of a pipeline costs over a run (`parley bench pipeline --profile`): the wall time and, where the system
/// tells it, the CPU time of the calling thread, summed over every call on every thread, and the number of calls. Given
/// to <see cref="Pipeline.Process"/>; thread-safe.
/// </summary>
public sealed class PipelineProfile
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stage> _stages = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Whether the system tells a thread's CPU time (Linux): CPU figures are shown only then.</summary>
    public static bool HasThreadCpuTime { get; } = ProbeThreadCpu();

    /// <summary>A point in time to give to <see cref="Add"/>: wall ticks and the thread's CPU nanoseconds.</summary>
    public static Mark Start() => new(Stopwatch.GetTimestamp(), HasThreadCpuTime ? ThreadCpuNanoseconds() : 0);

    /// <summary>Adds the time since <paramref name="start"/> (on this thread) to the stage <paramref name="name"/>.</summary>
    public void Add(string name, Mark start)
    {
        long wall = Stopwatch.GetTimestamp() - start.Wall;
        long cpu = HasThreadCpuTime ? ThreadCpuNanoseconds() - start.CpuNanoseconds : 0;
        lock (_gate)
        {
            if (!_stages.TryGetValue(name, out var stage))
            {
                _stages[name] = stage = new Stage();
                _order.Add(name);
            }
            stage.Calls++;
            stage.WallTicks += wall;
            stage.CpuNanoseconds += cpu;
        }
    }

    /// <summary>The stages in the order first met, with their calls, wall seconds and CPU seconds (0 where unknown).</summary>
    public IReadOnlyList<StageTime> Stages
    {
        get
        {
            lock (_gate)
            {
                var list = new List<StageTime>(_order.Count);
                foreach (var name in _order)
                {
                    var s = _stages[name];
                    list.Add(new StageTime(name, s.Calls, (double)s.WallTicks / Stopwatch.Frequency, s.CpuNanoseconds / 1e9));
                }
                return list;
            }
        }
    }

    /// <summary>A start point of <see cref="Add"/>.</summary>
    public readonly record struct Mark(long Wall, long CpuNanoseconds);

    /// <summary>One stage's totals.</summary>
    public readonly record struct StageTime(string Name, long Calls, double WallSeconds, double CpuSeconds);

    private sealed class Stage
    {
        public long Calls, WallTicks, CpuNanoseconds;
    }

    private static long ThreadCpuNanoseconds() =>
        clock_gettime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    private static bool ProbeThreadCpu()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return clock_gettime(ClockThreadCpuTime, out _) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
