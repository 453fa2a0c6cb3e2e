using System.Diagnostics.Tracing;

namespace Parley.Cli.Commands;

/// <summary>
/// What a benchmark's window does to the garbage collector, from the runtime's own events (bench pipeline with
/// PARLEY_GC_TRACE set): every collection's generation and reason, and the large-object-heap allocations by type
/// (sampled: the runtime reports an allocation about every 100 KB, which every large object exceeds).
/// </summary>
internal sealed class GcTrace : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly List<string> _collections = [];
    private readonly Dictionary<string, (int Count, long Bytes)> _large = [];

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName.StartsWith("GCStart", StringComparison.Ordinal))
        {
            lock (_collections)
                _collections.Add($"gen{Field(e, "Depth")} reason {(Reason)Convert.ToInt32(Field(e, "Reason"))}{(Convert.ToInt32(Field(e, "Type")) == 1 ? " (background)" : "")}");
        }
        else if (e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && Convert.ToInt32(Field(e, "AllocationKind")) == 1)
        {
            string type = Field(e, "TypeName") as string ?? "?";
            long size = Convert.ToInt64(Field(e, "ObjectSize") ?? Field(e, "AllocationAmount64"));
            lock (_large) _large[type] = (_large.GetValueOrDefault(type).Count + 1, _large.GetValueOrDefault(type).Bytes + size);
        }
    }

    private static object? Field(EventWrittenEventArgs e, string name)
    {
        int i = e.PayloadNames!.IndexOf(name);
        return i < 0 ? null : e.Payload![i];
    }

    /// <summary>The runtime's GC reasons (GCStart's Reason field), the first ones.</summary>
    private enum Reason { AllocSmall, Induced, LowMemory, Empty, AllocLarge, OutOfSpaceSmall, OutOfSpaceLarge, InducedNotForced, Internal, InducedLowMemory }

    public void Report()
    {
        lock (_collections) Console.WriteLine("collections: " + string.Join(", ", _collections));
        lock (_large)
            foreach (var (type, (count, bytes)) in _large.OrderByDescending(p => p.Value.Bytes).Take(10))
                Console.WriteLine($"large objects: {type} x{count}, {bytes / (1024.0 * 1024):F1} MB");
    }
}
