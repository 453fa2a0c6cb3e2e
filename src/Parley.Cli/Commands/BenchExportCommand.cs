using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parley.Engine.Export;
using Parley.Engine.Synthetic;
using Parley.Server;
using Parley.Storage;
using Parley.Storage.Sqlite;

namespace Parley.Cli.Commands;

/// <summary>
/// `parley bench export`: fills a temporary store with generated, already-coded events (or uses --db), then exports every
/// event in each format, to a sink that only counts bytes and over loopback HTTP, and reports rows/s, MB/s and the
/// largest live managed memory seen during each export (sampled after a full collection every 4 MB written).
/// </summary>
internal static class BenchExportCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Events to generate (default 100,000).", DefaultValueFactory = _ => 100_000 };
        var db = new Option<string?>("--db") { Description = "An existing store to export instead of a generated one." };
        var command = new Command("export", "Rows/s, MB/s and live memory of the exports (CSV, JSONL, GDELT, Parquet), to a file sink and over HTTP.") { events, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? given = parse.GetValue(db);
            string file = given ?? Path.Combine(Path.GetTempPath(), $"parley-bench-export-{Environment.ProcessId}.db");
            Console.WriteLine(BenchCommand.MachineLine());
            try
            {
                using var store = SqliteStore.Open(file);
                if (given is null)
                {
                    var clock = Stopwatch.StartNew();
                    SyntheticNews.Fill(store, Math.Max(1000, parse.GetValue(events)), stories: false);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {store.GetStats().Events:N0} generated events, filled in {clock.Elapsed.TotalSeconds:F1} s"));
                }
                foreach (var format in Enum.GetValues<ExportFormat>())
                {
                    var sink = new CountingStream();
                    var (seconds, rows, peak, cpu) = await Measure(sink, s => EventExporter.ExportAsync(store, new EventQuery(), format, s, -1, null, null, cancellationToken));
                    Report($"{format.ToString().ToLowerInvariant()}, to a sink", rows, sink.Bytes, seconds, peak, cpu);
                }
                var app = ParleyServer.Build(new ServerOptions { Store = store, Urls = ["http://127.0.0.1:0"] });
                await app.StartAsync(cancellationToken);
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(30) };
                    foreach (var ext in new[] { "csv", "jsonl", "tsv", "parquet" })
                    {
                        long bytes = 0;
                        var (seconds, _, peak, cpu) = await Measure(null, async _ =>
                        {
                            using var response = await http.GetAsync($"/api/events.{ext}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                            var buffer = new byte[64 * 1024];
                            int n;
                            while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0) bytes += n;
                            return 0;
                        });
                        Report($"/api/events.{ext}, over HTTP", store.GetStats().Events, bytes, seconds, peak, cpu);
                    }
                }
                finally
                {
                    await app.StopAsync(cancellationToken);
                    await app.DisposeAsync();
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MB"));
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (given is null) foreach (var f in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(f)) File.Delete(f);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Runs an export while a sampler watches live memory (after a full collection) every 200 ms.</summary>
    private static async Task<(double Seconds, long Rows, long PeakBytes, double CpuSeconds)> Measure(Stream? sink, Func<Stream, Task<long>> export)
    {
        long baseline = GC.GetTotalMemory(forceFullCollection: true), peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                try { await Task.Delay(200, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long rows = await export(sink ?? Stream.Null);
        double seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        // CPU time too: on a shared machine wall-clock time also counts other processes' turns (the sampler's full
        // collections are in it, so it is an upper bound).
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (seconds, rows, peak, cpuSeconds);
    }

    private static void Report(string what, long rows, long bytes, double seconds, long peak, double cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-32} {rows,8:N0} rows {bytes / (1024.0 * 1024),7:N1} MB {seconds,6:F2} s {rows / seconds,8:N0} rows/s {bytes / (1024.0 * 1024) / seconds,6:N1} MB/s  CPU {cpu,6:F2} s ({rows / Math.Max(cpu, 1e-3),7:N0} rows per CPU-s)  live memory +{peak / (1024.0 * 1024):N1} MB"));

    /// <summary>A write-only stream that counts what it is given.</summary>
    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Bytes;
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Bytes += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Bytes += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
