using NATS.Client.Core;
using NATS.Client.JetStream;
using Parley.Core;
using Parley.Engine;
using Parley.Ingest;

namespace Parley.Queue;

/// <summary>Counts of one publishing run.</summary>
public sealed record PublishSummary(long Published, long AlreadyQueued, long Problems);

/// <summary>
/// `parley ingest --queue`: reads and cleans articles (cheap: no models) and publishes each as a
/// <see cref="DocumentCodec"/> message with message id = the article's hash (<see cref="MessageId"/>), so the
/// stream keeps one copy of an article published twice. Up to <see cref="Window"/> publishes are in flight at once; a publish that fails
/// (a restarting server) is retried with the same id, which the stream de-duplicates.
/// </summary>
public sealed class QueuePublisher(ArticleQueue queue, ArticleReader reader, ArticleCleaner cleaner)
{
    public int Window { get; init; } = 256;
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<PublishSummary> PublishAsync(IEnumerable<string> inputs, TextReader? stdin, DateOnly? defaultDate,
        IProgress<ProgressInfo>? progress, Action<InputProblem>? onProblem, CancellationToken ct = default)
    {
        long published = 0, queued = 0, problems = 0;
        var inFlight = new List<Task<bool>>(Window);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var codec = new DocumentCodec();
        long seen = 0;
        async Task Drain(int keep)
        {
            while (inFlight.Count > keep)
            {
                var done = await Task.WhenAny(inFlight);
                inFlight.Remove(done);
                if (await done) published++; else queued++;
            }
        }
        foreach (var item in reader.Read(inputs, stdin, ct))
        {
            if (item.Problem is { } problem) { problems++; onProblem?.Invoke(problem); }
            if (item.Article is not { } article) continue;
            Document doc;
            try
            {
                doc = cleaner.ToDocument(article, defaultDate);
            }
            catch (BadInputException e)
            {
                problems++;
                onProblem?.Invoke(new InputProblem(article.Origin, e.Message));
                continue;
            }
            byte[] message = codec.Encode(doc);
            inFlight.Add(PublishOneAsync(message, MessageId(doc), doc.Origin, ct));
            await Drain(Window - 1);
            if (++seen % 256 == 0) progress?.Report(new ProgressInfo(published + queued, problems, clock.Elapsed));
        }
        await Drain(0);
        progress?.Report(new ProgressInfo(published + queued, problems, clock.Elapsed));
        return new PublishSummary(published, queued, problems);
    }

    /// <summary>
    /// The article's hash: its id and the content hash of its cleaned text. Publishing the same article again is
    /// stored once in the stream; the same text under another id is another message, which the store then
    /// records as a duplicate of the first (so its id still resolves, as with a local ingest).
    /// </summary>
    public static string MessageId(Document doc) => ContentHash.Of(doc.Text) + ":" + ContentHash.Of(doc.Id);

    /// <summary>True when the stream took the message, false when it already had one with this id.</summary>
    private async Task<bool> PublishOneAsync(byte[] message, string hash, string? origin, CancellationToken ct)
    {
        var headers = new NatsHeaders();
        if (origin is not null) headers[ArticleQueue.OriginHeader] = origin;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int delay = 100;
        while (true)
        {
            try
            {
                var ack = await queue.JetStream.PublishAsync(queue.Subject, message, headers: headers,
                    opts: new NatsJSPubOpts { MsgId = hash }, cancellationToken: ct);
                if (ack.Duplicate) return false;
                ack.EnsureSuccess();
                return true;
            }
            catch (NatsJSDuplicateMessageException)
            {
                return false;
            }
            catch (Exception e) when (e is NatsException or TimeoutException && clock.Elapsed < RetryFor && !ct.IsCancellationRequested)
            {
                await Task.Delay(delay, ct);
                delay = Math.Min(2000, delay * 2);
            }
        }
    }
}
