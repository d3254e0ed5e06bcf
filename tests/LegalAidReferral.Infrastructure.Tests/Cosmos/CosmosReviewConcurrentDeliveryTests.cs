using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Tests.Contracts;
using LegalAidReferral.Testing.Emulators;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Tests.Cosmos;

/// <summary>
/// Two deliveries of the same protocol events at once, each on a client of its own (two instances, as
/// when Service Bus delivers a message again while its first delivery still runs): the first delivery
/// is paused before its (k+1)-th item request, the second runs up to its (j+1)-th, the first finishes,
/// then the second, for k and j from 0 to past the end of a delivery. Each pair records new events.
/// </summary>
public sealed class CosmosReviewConcurrentDeliveryTests : IAsyncLifetime
{
    /// <summary>More item requests than one delivery of one event makes (8 when it is new), so the pauses reach past its end.</summary>
    private const int EventRequests = 10;

    /// <summary>
    /// More item requests than one delivery of the three events makes (20 when they are new); a batch's
    /// requests of one step go out together, so the pauses are every third request.
    /// </summary>
    private const int BatchRequests = 24;

    private static readonly DateTimeOffset Start = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<ProtocolEvent> Stream = new SyntheticProtocolEvents(11).Generate(8, Start, TimeSpan.FromDays(40), Start.AddDays(30));

    private readonly PauseBeforeRequest firstGate = new();
    private readonly PauseBeforeRequest secondGate = new();
    private TestStorage storage = null!;
    private CosmosDatabase first = null!;
    private CosmosDatabase second = null!;

    public async Task InitializeAsync()
    {
        storage = await TestStorage.CosmosAsync();
        var emulator = await CosmosEmulator.Instance;
        var options = new CosmosStorageOptions(null, emulator.ConnectionString, storage.CosmosDatabase.ReviewEvents.Database.Id);
        first = new CosmosDatabase(options, [firstGate]);
        second = new CosmosDatabase(options, [secondGate]);
    }

    public async Task DisposeAsync()
    {
        first.Dispose();
        second.Dispose();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task Two_deliveries_of_one_event_interleaved_at_any_requests_count_it_once()
    {
        var recorded = new List<ReviewEntry>();
        for (var k = 0; k <= EventRequests; k++)
        {
            for (var j = 0; j <= EventRequests; j++)
            {
                var entry = Fresh(Stream[0], $"{k}-{j}");
                var created = await InterleaveAsync([entry], [entry], k, j);

                Assert.True(created == 1, $"paused at {k} and {j}: {created} deliveries created the event");
                recorded.Add(entry);
            }
        }

        await AssertCountedOnceAsync(recorded);
    }

    [Fact]
    public async Task Two_deliveries_of_overlapping_batches_interleaved_at_any_requests_count_each_event_once()
    {
        var other = Stream.First(e => ReviewEntry.Of(e, TimeZoneInfo.Utc).Cell != ReviewEntry.Of(Stream[0], TimeZoneInfo.Utc).Cell);
        var recorded = new List<ReviewEntry>();
        for (var k = 0; k <= BatchRequests; k += 3)
        {
            for (var j = 0; j <= BatchRequests; j += 3)
            {
                var (a, b, c) = (Fresh(Stream[0], $"{k}-{j}-a"), Fresh(Stream[0], $"{k}-{j}-b"), Fresh(other, $"{k}-{j}-c"));
                var created = await InterleaveAsync([a, b, c], [c, b, a], k, j);

                Assert.True(created == 3, $"paused at {k} and {j}: {created} creations for 3 events");
                recorded.AddRange([a, b, c]);
            }
        }

        await AssertCountedOnceAsync(recorded);
    }

    private static ReviewEntry Fresh(ProtocolEvent template, string name) =>
        ReviewEntry.Of(template with { EventId = Guid.NewGuid(), ReferralPseudonym = $"interleaved-{name}" }, TimeZoneInfo.Utc);

    /// <summary>Runs the two deliveries in the order of the class summary; the events they created together.</summary>
    private async Task<int> InterleaveAsync(ReviewEntry[] firstBatch, ReviewEntry[] secondBatch, int firstPausesAfter, int secondPausesAfter)
    {
        firstGate.HoldAfter(firstPausesAfter);
        secondGate.HoldAfter(secondPausesAfter);
        var firstDelivery = new CosmosReviewStore(first).RecordBatchAsync(firstBatch, default);
        await Task.WhenAny(firstGate.Paused, firstDelivery);
        var secondDelivery = new CosmosReviewStore(second).RecordBatchAsync(secondBatch, default);
        await Task.WhenAny(secondGate.Paused, secondDelivery);
        firstGate.Release();
        var created = await firstDelivery;
        secondGate.Release();
        return created + await secondDelivery;
    }

    private async Task AssertCountedOnceAsync(IReadOnlyList<ReviewEntry> recorded)
    {
        var query = new ReviewQuery("2026-01", "2026-12");
        var stored = (await storage.Reviews.CellsAsync(query, default)).ToDictionary(c => c.Key, c => c.Counts.ToJson());
        var expected = recorded.GroupBy(e => e.Cell).ToDictionary(g => g.Key, g =>
        {
            var counts = new CellCounts();
            foreach (var entry in g)
            {
                counts.Add(entry.Counts);
            }

            return counts.ToJson();
        });
        Assert.Equal(expected, stored);
        var listed = new List<Guid>();
        string? token = null;
        do
        {
            var page = await storage.Reviews.EventsAsync(query, new PageRequest(PageRequest.MaxLimit, token), default);
            listed.AddRange(page.Items.Select(e => e.EventId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(recorded.Select(e => e.Listed.EventId).Order(), listed.Order());
    }

    /// <summary>
    /// Lets a client's first item requests through, then holds every later one until released; paused once
    /// a request is held and none let through is still running (the delivery stands between two requests).
    /// </summary>
    private sealed class PauseBeforeRequest : RequestHandler
    {
        private readonly Lock gate = new();
        private int allowed;
        private int seen;
        private int running;
        private int held;
        private TaskCompletionSource paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => paused.Task;

        public void HoldAfter(int requests)
        {
            lock (gate)
            {
                (allowed, seen, running, held) = (requests, 0, 0, 0);
                paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Release() => released.TrySetResult();

        public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!request.RequestUri.OriginalString.Contains("/docs", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Task? wait = null;
            lock (gate)
            {
                if (++seen > allowed)
                {
                    held++;
                    wait = released.Task;
                    SignalIfPaused();
                }
                else
                {
                    running++;
                }
            }

            if (wait is not null)
            {
                await wait;
                return await base.SendAsync(request, cancellationToken);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                lock (gate)
                {
                    running--;
                    SignalIfPaused();
                }
            }
        }

        private void SignalIfPaused()
        {
            if (held > 0 && running == 0)
            {
                paused.TrySetResult();
            }
        }
    }
}
