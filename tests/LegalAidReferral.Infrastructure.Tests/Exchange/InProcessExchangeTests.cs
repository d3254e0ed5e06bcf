using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

public sealed class InProcessExchangeTests : TempDatabase
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_message_reaches_the_handlers_of_its_topic_only()
    {
        var referrals = new CountingHandler(Database, Topics.Referrals);
        var review = new CountingHandler(Database, Topics.ProtocolEvents);
        var exchange = Exchange(referrals, review);

        await exchange.PublishAsync(SqliteOutboxTests.Message("referral-a"), default);

        Assert.Equal(1, referrals.Applied);
        Assert.Equal(0, review.Applied);
    }

    [Fact]
    public async Task A_rejected_message_is_set_aside_with_its_reason_and_the_publish_succeeds()
    {
        var message = SqliteOutboxTests.Message("referral-a");
        var exchange = Exchange(new ScriptedHandler(Delivery.Rejected("unknown-subject")));

        await exchange.PublishAsync(message, default);

        var reason = Database.Read(
            read =>
            {
                var command = read.Command("SELECT reason FROM dead_letters WHERE id = $id;");
                command.Parameters.AddWithValue("$id", message.Id.ToString("D"));
                return command.ExecuteScalar();
            },
            default);
        Assert.Equal("unknown-subject", reason);
    }

    [Fact]
    public async Task A_handler_that_asks_for_a_retry_fails_the_publish_so_the_relay_keeps_the_message()
    {
        var message = SqliteOutboxTests.Message("referral-a");
        await Database.WriteAsync(write => { SqliteOutbox.Save(write, [message]); return true; }, default);
        var relay = new RelayOutbox(new SqliteOutbox(Database), Exchange(new ScriptedHandler(Delivery.RetryLater("predecessor-missing"))));

        var outcome = await relay.RunAsync(default);

        Assert.IsType<MessageNotDeliveredException>(outcome.Failure);
        Assert.Equal([message], await new SqliteOutbox(Database).PendingAsync(10, default));
    }

    [Fact]
    public async Task A_message_published_again_after_a_crash_before_its_mark_takes_effect_once()
    {
        var message = SqliteOutboxTests.Message("referral-a");
        await Database.WriteAsync(write => { SqliteOutbox.Save(write, [message]); return true; }, default);
        var handler = new CountingHandler(Database, Topics.Referrals);
        var exchange = Exchange(handler);
        var outbox = new SqliteOutbox(Database);

        // The process dies after the publish and before the mark: the message is still pending.
        await exchange.PublishAsync((await outbox.PendingAsync(1, default))[0], default);
        await ReopenAsync();
        handler = new CountingHandler(Database, Topics.Referrals, handler.Applied);
        await new RelayOutbox(new SqliteOutbox(Database), Exchange(handler)).RunAsync(default);

        Assert.Equal(1, handler.Applied);
        Assert.Empty(await new SqliteOutbox(Database).PendingAsync(10, default));
    }

    [Fact]
    public async Task A_relayed_page_hands_its_protocol_events_to_the_review_store_in_one_batch_and_its_steps_one_by_one()
    {
        var events = CountingReviewStore.EventMessages(seed: 7).Take(RelayOutbox.BatchSize / 2).ToArray();
        var page = events.SelectMany((e, i) => new[] { SqliteOutboxTests.Message($"referral-{i}"), e }).ToArray();
        await SaveAsync(page);
        var steps = new CountingHandler(Database, Topics.Referrals);
        var review = new CountingReviewStore(new SqliteReviewStore(Database));

        var outcome = await new RelayOutbox(new SqliteOutbox(Database), Exchange(steps, review.Handler)).RunAsync(default);

        Assert.Equal(new RelayOutbox.Outcome(page.Length, null), outcome);
        Assert.Equal([events.Length], review.Batches);
        Assert.Equal(0, review.Singles);
        Assert.Equal(events.Length, steps.Applied);
        Assert.Equal(CountingReviewStore.CellsOf(events), await review.CellsAsync());
    }

    [Fact]
    public async Task A_crash_between_two_batches_loses_no_protocol_event_and_counts_none_twice()
    {
        var (events, review) = await SavedEventsAsync(seed: 8, pages: 3);
        var exchange = Exchange(review.Handler);

        // The process dies after the second batch was recorded and before it was marked sent.
        await Assert.ThrowsAsync<InvalidOperationException>(() => new RelayOutbox(new CrashOnMark(new SqliteOutbox(Database), 2), exchange).RunAsync(default));
        var outcome = await new RelayOutbox(new SqliteOutbox(Database), exchange).RunAsync(default);

        Assert.Equal(RelayOutbox.BatchSize * 2, outcome.Published);
        Assert.Equal(Enumerable.Repeat(RelayOutbox.BatchSize, 4), review.Batches);
        Assert.Equal(events.Length, review.Recorded);
        Assert.Equal(CountingReviewStore.CellsOf(events), await review.CellsAsync());
    }

    [Fact]
    public async Task A_batch_the_review_store_fails_stays_in_the_outbox_and_is_recorded_once_on_the_next_run()
    {
        var (events, review) = await SavedEventsAsync(seed: 9, pages: 2);
        review.FailingBatch = 1;
        var relay = new RelayOutbox(new SqliteOutbox(Database), Exchange(review.Handler));

        var failed = await relay.RunAsync(default);
        var again = await relay.RunAsync(default);

        Assert.Equal(RelayOutbox.BatchSize, failed.Published);
        Assert.IsType<IOException>(failed.Failure);
        Assert.Equal(new RelayOutbox.Outcome(RelayOutbox.BatchSize, null), again);
        Assert.Empty(await new SqliteOutbox(Database).PendingAsync(10, default));
        Assert.Equal(events.Length, review.Recorded);
        Assert.Equal(CountingReviewStore.CellsOf(events), await review.CellsAsync());
    }

    [Fact]
    public async Task A_step_whose_correlation_waits_in_a_batch_goes_after_it_and_a_failed_batch_holds_it_back()
    {
        var review = new CountingReviewStore(new SqliteReviewStore(Database)) { FailingBatch = 0 };
        var steps = new CountingHandler(Database, Topics.Referrals);
        var @event = CountingReviewStore.EventMessages(seed: 10)[0];
        var sameCorrelation = SqliteOutboxTests.Message(@event.CorrelationId);
        var other = SqliteOutboxTests.Message("referral-b");

        var page = await ((IMessagePublisher)Exchange(review.Handler, steps))
            .PublishPageAsync([@event, sameCorrelation, other], default);

        Assert.Equal([other.Id], page.Published);
        Assert.IsType<IOException>(page.Failure);
        Assert.Equal([1], review.Batches);
        Assert.Equal(1, steps.Applied);
    }

    /// <summary>Relay pages full of protocol events, saved in the outbox, and an empty review store.</summary>
    private async Task<(ExchangeMessage[] Events, CountingReviewStore Review)> SavedEventsAsync(int seed, int pages)
    {
        var events = CountingReviewStore.EventMessages(seed).Take(RelayOutbox.BatchSize * pages).ToArray();
        await SaveAsync(events);
        return (events, new CountingReviewStore(new SqliteReviewStore(Database)));
    }

    private Task SaveAsync(IReadOnlyList<ExchangeMessage> messages) =>
        Database.WriteAsync(write => { SqliteOutbox.Save(write, messages); return true; }, default);

    private InProcessExchange Exchange(params IMessageHandler[] handlers) => new(handlers, new SqliteDeadLetters(Database), clock);

    /// <summary>Applies each message once: its effect and its inbox record are one write.</summary>
    private sealed class CountingHandler(SqliteDatabase database, string topic, int applied = 0) : IMessageHandler
    {
        public string Topic => topic;

        public int Applied { get; private set; } = applied;

        public async Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
        {
            if (await database.WriteAsync(write => SqliteInbox.TryAccept(write, "test/" + topic, message.Id, message.CreatedAt), cancellationToken))
            {
                Applied++;
            }

            return Delivery.Handled;
        }
    }

    private sealed class ScriptedHandler(Delivery answer) : IMessageHandler
    {
        public string Topic => Topics.Referrals;

        public Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken) => Task.FromResult(answer);
    }

    /// <summary>An outbox whose process dies at its <paramref name="crashAt"/>th mark, before marking.</summary>
    private sealed class CrashOnMark(IOutbox inner, int crashAt) : IOutbox
    {
        private int marks;

        public Task<IReadOnlyList<ExchangeMessage>> PendingAsync(int max, CancellationToken cancellationToken) => inner.PendingAsync(max, cancellationToken);

        public Task MarkSentAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
            ++marks == crashAt ? throw new InvalidOperationException("The process died before the mark.") : inner.MarkSentAsync(messageIds, cancellationToken);
    }
}
