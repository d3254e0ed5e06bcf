using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteOutboxTests : TempDatabase
{
    [Fact]
    public async Task Saved_messages_come_back_whole_in_the_order_they_were_saved_until_marked_sent()
    {
        var messages = Enumerable.Range(0, 5).Select(i => Message($"referral-{i}") with { ToOfficeId = i == 0 ? null : "mx-ifdp-tapachula" }).ToArray();
        await Database.WriteAsync(write => { SqliteOutbox.Save(write, messages[..3]); return true; }, default);
        await Database.WriteAsync(write => { SqliteOutbox.Save(write, messages[3..]); return true; }, default);
        var outbox = new SqliteOutbox(Database);

        Assert.Equal(messages, await outbox.PendingAsync(10, default));
        Assert.Equal(messages[..2], await outbox.PendingAsync(2, default));

        await outbox.MarkSentAsync([messages[0].Id, messages[3].Id], default);

        Assert.Equal([messages[1], messages[2], messages[4]], await outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task Messages_of_a_write_that_fails_are_not_saved()
    {
        var failing = Database.WriteAsync<bool>(
            write =>
            {
                SqliteOutbox.Save(write, [Message("referral-a")]);
                throw new InvalidOperationException("the change failed after its messages were queued");
            },
            default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Empty(await new SqliteOutbox(Database).PendingAsync(10, default));
    }

    [Fact]
    public async Task Pending_messages_survive_a_restart()
    {
        var message = Message("referral-a");
        await Database.WriteAsync(write => { SqliteOutbox.Save(write, [message]); return true; }, default);

        await ReopenAsync();

        Assert.Equal([message], await new SqliteOutbox(Database).PendingAsync(10, default));
    }

    [Fact]
    public async Task The_inbox_accepts_a_message_once_per_consumer()
    {
        var id = Guid.NewGuid();

        var results = await Database.WriteAsync(
            write => new[]
            {
                SqliteInbox.TryAccept(write, "referrals/mx-ifdp-tapachula", id, DateTimeOffset.UnixEpoch),
                SqliteInbox.TryAccept(write, "referrals/mx-ifdp-tapachula", id, DateTimeOffset.UnixEpoch),
                SqliteInbox.TryAccept(write, "review", id, DateTimeOffset.UnixEpoch),
            },
            default);

        Assert.Equal([true, false, true], results);
    }

    internal static ExchangeMessage Message(string correlation) =>
        new(Guid.NewGuid(), Topics.Referrals, "referral-sent", "gt-idpp-guatemala", "mx-ifdp-tapachula", correlation, """{"v":1}""", new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));
}
