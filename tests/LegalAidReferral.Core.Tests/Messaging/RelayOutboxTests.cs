using LegalAidReferral.Core.Messaging;

namespace LegalAidReferral.Core.Tests.Messaging;

public sealed class RelayOutboxTests
{
    private readonly MemoryOutbox outbox = new();
    private readonly RecordingPublisher publisher = new();

    private RelayOutbox Relay => new(outbox, publisher);

    [Fact]
    public async Task Publishes_every_pending_message_oldest_first_and_empties_the_outbox()
    {
        var messages = Enumerable.Range(0, RelayOutbox.BatchSize * 2 + 7).Select(i => MemoryOutbox.Message($"referral-{i % 3}")).ToArray();
        outbox.Save(messages);

        var outcome = await Relay.RunAsync(default);

        Assert.Equal(messages.Length, outcome.Published);
        Assert.Null(outcome.Failure);
        Assert.Equal(messages, publisher.Published);
        Assert.Empty(outbox.Pending);
    }

    [Fact]
    public async Task A_failed_publish_holds_back_the_later_messages_of_its_correlation_only()
    {
        var first = MemoryOutbox.Message("referral-a");
        var other = MemoryOutbox.Message("referral-b");
        var later = MemoryOutbox.Message("referral-a");
        outbox.Save(first, other, later);
        publisher.Failing.Add(first.Id);

        var outcome = await Relay.RunAsync(default);

        Assert.IsType<IOException>(outcome.Failure);
        Assert.Equal([other], publisher.Published);
        Assert.Equal([first, later], outbox.Pending);
    }

    [Fact]
    public async Task A_message_held_back_goes_out_in_order_once_the_exchange_is_back()
    {
        var first = MemoryOutbox.Message("referral-a");
        var later = MemoryOutbox.Message("referral-a");
        outbox.Save(first, later);
        publisher.Failing.Add(first.Id);
        await Relay.RunAsync(default);

        publisher.Failing.Clear();
        var outcome = await Relay.RunAsync(default);

        Assert.Equal(2, outcome.Published);
        Assert.Equal([first, later], publisher.Published);
        Assert.Empty(outbox.Pending);
    }

    [Fact]
    public async Task A_run_that_fails_stops_after_its_batch_and_leaves_the_rest_for_the_next_run()
    {
        var failing = MemoryOutbox.Message("referral-a");
        var rest = Enumerable.Range(0, RelayOutbox.BatchSize + 5).Select(i => MemoryOutbox.Message($"referral-{i}")).ToArray();
        outbox.Save([failing, .. rest]);
        publisher.Failing.Add(failing.Id);

        var outcome = await Relay.RunAsync(default);

        Assert.Equal(RelayOutbox.BatchSize - 1, outcome.Published);
        Assert.Equal(1 + 6, outbox.Pending.Count);
    }

    [Fact]
    public async Task A_message_published_but_not_marked_before_a_crash_is_published_again()
    {
        var message = MemoryOutbox.Message("referral-a");
        outbox.Save(message);
        var crashing = new RelayOutbox(new CrashBeforeMarking(outbox), publisher);
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.RunAsync(default));

        await Relay.RunAsync(default);

        Assert.Equal([message, message], publisher.Published);
        Assert.Empty(outbox.Pending);
    }

    [Fact]
    public async Task An_empty_outbox_publishes_nothing()
    {
        var outcome = await Relay.RunAsync(default);

        Assert.Equal(0, outcome.Published);
        Assert.Null(outcome.Failure);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_instead_of_counting_as_a_failed_publish()
    {
        outbox.Save(MemoryOutbox.Message("referral-a"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var relay = new RelayOutbox(outbox, new CancelledPublisher());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => relay.RunAsync(cancelled.Token));
        Assert.Single(outbox.Pending);
    }

    private sealed class CrashBeforeMarking(IOutbox inner) : IOutbox
    {
        public Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken) => inner.PendingAsync(max, cancellationToken);

        public Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The process died before the mark.");
    }

    private sealed class CancelledPublisher : IMessagePublisher
    {
        public Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken) =>
            Task.FromCanceled(cancellationToken);
    }
}
