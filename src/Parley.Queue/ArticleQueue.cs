using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace Parley.Queue;

/// <summary>What the queue holds now: see <see cref="ArticleQueue.StatusAsync"/>.</summary>
public sealed record QueueStatus(long Pending, long InFlight, long Redelivered, long DeadLetters, long Stored, IReadOnlyList<WorkerReport> Workers);

/// <summary>A worker's last report: its rate over the last interval, totals, and the queue's lag as it saw it.</summary>
public sealed record WorkerReport(string Worker, DateTimeOffset At, double ArticlesPerSecond, long Done, long Failed, long DeadLettered, long Lag, string State);

/// <summary>
/// The work queue on NATS JetStream. Articles go to a work-queue stream on file storage (an article leaves it
/// only when a worker acknowledges it), de-duplicated by message id = content hash of the cleaned text.
/// All workers share one durable pull consumer with explicit acks: a message not acknowledged within the
/// ack wait (a killed worker, a stuck one) goes to another worker. Articles that failed too often go to a
/// dead-letter stream with their error. Workers report their rate and lag in a key-value bucket.
/// </summary>
public sealed class ArticleQueue : IAsyncDisposable
{
    public const string OriginHeader = "Parley-Origin";
    public const string ErrorHeader = "Parley-Error";

    private readonly NatsConnection _nats;

    private ArticleQueue(NatsConnection nats, QueueOptions options, string name)
    {
        _nats = nats;
        Options = options;
        JetStream = nats.CreateJetStreamContext();
        string upper = name.ToUpperInvariant();
        Stream = "PARLEY_" + upper;
        Subject = "parley." + name;
        DeadStream = "PARLEY_" + upper + "_DEAD";
        DeadSubject = "parley." + name + ".dead";
        Consumer = "parley-" + name + "-workers";
        WorkersBucket = "parley_" + name + "_workers";
    }

    /// <summary>The queue's name (the URL's path; "articles" by default): independent pipelines use different names.</summary>
    public string Stream { get; }
    public string Subject { get; }
    public string DeadStream { get; }
    public string DeadSubject { get; }
    public string Consumer { get; }
    public string WorkersBucket { get; }

    public QueueOptions Options { get; }
    internal INatsJSContext JetStream { get; }
    internal NatsConnection Connection => _nats;

    /// <summary>
    /// Connects to nats://HOST:PORT[/NAME] and creates (or updates) the streams and the consumer of queue NAME
    /// (letters, digits, '-' and '_'; default "articles").
    /// </summary>
    public static async Task<ArticleQueue> ConnectAsync(string url, QueueOptions? options = null, string client = "parley", CancellationToken ct = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "nats" && uri.Scheme != "tls"))
            throw new ArgumentException($"--queue '{url}': expected nats://HOST:PORT or nats://HOST:PORT/NAME");
        string name = uri.AbsolutePath.Trim('/');
        if (name.Length == 0) name = "articles";
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"--queue '{url}': the queue name '{name}' may hold only letters, digits, '-' and '_'");
        options ??= new QueueOptions();
        string server = uri.GetLeftPart(UriPartial.Authority);
        var nats = new NatsConnection(new NatsOpts { Url = server, Name = client, ConnectTimeout = TimeSpan.FromSeconds(5), MaxReconnectRetry = -1 });
        try
        {
            await nats.ConnectAsync();
        }
        catch (NatsException e)
        {
            await nats.DisposeAsync();
            throw new IOException($"--queue {url}: cannot connect to NATS at {server}: {e.Message}", e);
        }
        var queue = new ArticleQueue(nats, options, name);
        await queue.SetUpAsync(ct);
        return queue;
    }

    private async Task SetUpAsync(CancellationToken ct)
    {
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(Stream, [Subject])
        {
            Retention = StreamConfigRetention.Workqueue,
            Storage = StreamConfigStorage.File,
            DuplicateWindow = Options.DuplicateWindow,
        }, ct);
        await JetStream.CreateOrUpdateStreamAsync(new StreamConfig(DeadStream, [DeadSubject])
        {
            Retention = StreamConfigRetention.Limits,
            Storage = StreamConfigStorage.File,
        }, ct);
        await JetStream.CreateOrUpdateConsumerAsync(Stream, new ConsumerConfig(Consumer)
        {
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = Options.AckWait,
            MaxAckPending = Options.MaxAckPending,
            // Unlimited here: the worker itself dead-letters an article after MaxAttempts, with its error.
            MaxDeliver = -1,
        }, ct);
    }

    /// <summary>The shared consumer, for workers.</summary>
    internal ValueTask<INatsJSConsumer> ConsumerAsync(CancellationToken ct) => JetStream.GetConsumerAsync(Stream, Consumer, ct);

    /// <summary>The lowest stream position the queue still holds (every one before it was acknowledged) and the last position given.</summary>
    internal async Task<(long First, long Last)> PositionsAsync(CancellationToken ct)
    {
        var stream = await JetStream.GetStreamAsync(Stream, cancellationToken: ct);
        // A stream that never held a message reports 0 for both; its first message is 1.
        return (Math.Max(1, (long)stream.Info.State.FirstSeq), (long)stream.Info.State.LastSeq);
    }

    /// <summary>The workers' report bucket (entries expire, so a dead worker drops out).</summary>
    internal ValueTask<INatsKVStore> WorkersAsync(CancellationToken ct) =>
        _nats.CreateKeyValueStoreContext().CreateOrUpdateStoreAsync(new NatsKVConfig(WorkersBucket) { MaxAge = TimeSpan.FromMinutes(2), Storage = NatsKVStorageType.File }, ct);

    /// <summary>Pending (not yet delivered), in flight (delivered, not acknowledged), redelivered, dead letters, and the workers' last reports.</summary>
    public async Task<QueueStatus> StatusAsync(CancellationToken ct = default)
    {
        var consumer = await ConsumerAsync(ct);
        var stream = await JetStream.GetStreamAsync(Stream, cancellationToken: ct);
        var dead = await JetStream.GetStreamAsync(DeadStream, cancellationToken: ct);
        var workers = new List<WorkerReport>();
        var kv = await WorkersAsync(ct);
        try
        {
            await foreach (var key in kv.GetKeysAsync(cancellationToken: ct))
            {
                var entry = await kv.GetEntryAsync<string>(key, cancellationToken: ct);
                if (entry.Value is { } json && System.Text.Json.JsonSerializer.Deserialize(json, QueueJson.Default.WorkerReport) is { } report) workers.Add(report);
            }
        }
        catch (NatsKVException) { }
        workers.Sort((a, b) => string.CompareOrdinal(a.Worker, b.Worker));
        var info = consumer.Info;
        return new QueueStatus((long)info.NumPending, info.NumAckPending, info.NumRedelivered, (long)dead.Info.State.Messages,
            (long)stream.Info.State.Messages, workers);
    }

    public async ValueTask DisposeAsync() => await _nats.DisposeAsync();
}

/// <summary>Settings of the stream and the consumer (the same for every process that uses the queue).</summary>
public sealed record QueueOptions
{
    /// <summary>How long a delivered article may stay unacknowledged before it goes to another worker.</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Articles delivered and not yet acknowledged, across all workers: bounds the work in flight.</summary>
    public int MaxAckPending { get; init; } = 1000;
    /// <summary>Publishing the same article (same content hash) again within this window stores it once in the stream.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(1);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WorkerReport))]
internal sealed partial class QueueJson : System.Text.Json.Serialization.JsonSerializerContext;
