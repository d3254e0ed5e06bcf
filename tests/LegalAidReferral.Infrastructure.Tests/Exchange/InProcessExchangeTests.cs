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
}
