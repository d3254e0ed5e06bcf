using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// Review ingestion through the standalone host's real path on SQLite: 20,000 protocol events saved in
/// the outbox, relayed (a page of 100 at a time) through the in-process exchange to
/// <see cref="RecordProtocolEvents"/> and the SQLite review store, and marked sent. The read model
/// already holds the stream of <see cref="ReviewStream.EventCount"/> events (recorded in batches in the
/// setup). <c>one-at-a-time</c> hides the handler's batches from the exchange, so each event is its own
/// <c>RecordAsync</c> as before batching; <c>batched</c> is the path as built, one <c>RecordBatchAsync</c>
/// per page. One invocation per iteration (the next events are saved in the iteration's setup).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class ReviewIngestionPathBenchmarks
{
    private const int Events = 20_000;

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private RelayOutbox _relay = null!;
    private int _seed = 100;

    [Params("one-at-a-time", "batched")]
    public string Path { get; set; } = "batched";

    [GlobalSetup]
    public void Setup()
    {
        (_folder, _database, var store) = ReviewStream.Open();
        foreach (var chunk in ReviewStream.Generate(ReviewStream.EventCount, seed: 1).Chunk(256))
        {
            store.RecordBatchAsync(chunk.Select(e => ReviewEntry.Of(e, TimeZoneInfo.Utc)).ToArray(), default).GetAwaiter().GetResult();
        }

        var handler = new RecordProtocolEvents(store, ReviewSettings.Default);
        IMessageHandler review = Path == "batched" ? handler : new OneAtATime(handler);
        _relay = new RelayOutbox(new SqliteOutbox(_database), new InProcessExchange([review], new SqliteDeadLetters(_database), TimeProvider.System));
    }

    [IterationSetup]
    public void FillOutbox()
    {
        var messages = ReviewStream.Generate(Events + Events / 10, seed: _seed++).Take(Events).Select(e => ReferralMessages.Of(e, e.FromOfficeId, e.OccurredAt)).ToArray();
        if (messages.Length != Events)
        {
            throw new InvalidOperationException($"The stream gave {messages.Length} events, not {Events}.");
        }

        _database.WriteAsync(write => { SqliteOutbox.Save(write, messages); return true; }, default).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public Task<RelayOutbox.Outcome> Relay() => _relay.RunAsync(default);

    /// <summary>The review's handler seen as one that takes one message at a time.</summary>
    private sealed class OneAtATime(IMessageHandler inner) : IMessageHandler
    {
        public string Topic => inner.Topic;

        public Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken) => inner.HandleAsync(message, cancellationToken);
    }
}
