using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Contracts.TestReferrals;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteReferralStoreContract : ReferralStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync(seeded: true);
}

public sealed class CosmosReferralStoreContract : ReferralStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync(seeded: true);
}

/// <summary>
/// The contract of <see cref="IReferralStore"/> and of the outbox and inbox it writes with each copy:
/// a copy, its messages and its audit entries are stored together or not at all, and a received
/// message changes a copy once.
/// </summary>
public abstract class ReferralStoreContract : StorageContract
{
    private IReferralStore Store => Storage.Referrals;

    [Fact]
    public async Task A_received_thread_message_is_stored_with_its_receipt_in_the_outbox_once_however_often_it_arrives()
    {
        const string text = "Llame a la clienta después de las 18:00.";
        var (sendingCopy, receiving) = Copies();
        Assert.True(await Store.TryCreateAsync(receiving, [], [], default));
        var poster = new StaffCaller("gt-defender", Guatemala, new HashSet<Role> { Role.Defender });
        var sending = ReferralThread.Post(sendingCopy, poster, Guid.NewGuid(), text, TestCases.Start.AddMinutes(1)).Value!;
        var message = ReferralMessages.Of(sending.Referral, sending.Message);
        Assert.True(ReferralMessages.TryReadPosted(message, out var posted));

        var receipt = ReferralThread.Receive(receiving, posted, Guid.NewGuid(), TestCases.Start.AddMinutes(2));
        var first = await Store.TryReceiveAsync(receipt.Referral!, receiving.Version, message.Id, receipt.Sends, [], default);
        var again = await Store.TryReceiveAsync(receipt.Referral!, receipt.Referral!.Version, message.Id, receipt.Sends, [], default);

        Assert.Equal((true, false), (first, again));
        var stored = await Store.FindAsync(Tapachula, receiving.Id, default);
        Assert.Equal(text, Assert.Single(stored!.Thread).Text);
        Assert.Equal(receipt.Sends.Select(m => m.Id), (await Storage.Outbox.PendingAsync(10, default)).Select(m => m.Id));
    }

    [Fact]
    public async Task Lists_and_the_sweep_read_copies_without_their_thread_while_a_read_and_the_case_s_copies_keep_it()
    {
        var caseId = Guid.NewGuid();
        var poster = new StaffCaller("gt-defender", Guatemala, new HashSet<Role> { Role.Defender });
        var posted = ReferralThread.Post(Sending(caseId), poster, Guid.NewGuid(), "La clienta prefiere llamadas por la tarde.", TestCases.Start.AddMinutes(1)).Value!;
        Assert.True(await Store.TryCreateAsync(posted.Referral, [], [], default));

        var listed = Assert.Single((await Store.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Outgoing, null), new PageRequest(10, null), default)).Items);
        var swept = Assert.Single(await SweptAsync(), r => r.Id == posted.Referral.Id);
        var found = await Store.FindAsync(Guatemala, posted.Referral.Id, default);
        var ofCase = Assert.Single(await Store.ListForCaseAsync(Guatemala, caseId, default));

        Assert.Empty(listed.Thread);
        Assert.Empty(swept.Thread);
        Assert.Equal((posted.Referral.Status, posted.Referral.Version, posted.Referral.Steps.Count), (listed.Status, listed.Version, listed.Steps.Count));
        Assert.Equal(posted.Referral.Deadlines, swept.Deadlines);
        Assert.Equal(posted.Message.Id, Assert.Single(found!.Thread).Id);
        Assert.Equal(posted.Message.Id, Assert.Single(ofCase.Thread).Id);
    }

    private async Task<List<Referral>> SweptAsync()
    {
        var swept = new List<Referral>();
        string? after = null;
        do
        {
            var page = await Store.ListForSweepAsync(after, 100, default);
            swept.AddRange(page.Items);
            after = page.ContinuationToken;
        }
        while (after is not null);

        return swept;
    }

    [Fact]
    public async Task Created_copy_is_found_only_in_its_holder_s_partition()
    {
        var copy = Sending();

        Assert.True(await Store.TryCreateAsync(copy, [], [], default));

        var found = await Store.FindAsync(Guatemala, copy.Id, default);
        Assert.Equal(copy.Id, found!.Id);
        Assert.Equal(copy.Version, found.Version);
        Assert.Equal(copy.Deadlines.Count, found.Deadlines.Count);
        Assert.Null(await Store.FindAsync(Tapachula, copy.Id, default));
        Assert.Null(await Store.FindAsync(Guatemala, Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Duplicate_create_is_refused_and_saves_none_of_its_messages()
    {
        var copy = Sending();
        await Store.TryCreateAsync(copy, [Message(copy)], [], default);

        Assert.False(await Store.TryCreateAsync(copy, [Message(copy)], [], default));

        Assert.Single(await Storage.Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task Of_two_writers_at_one_version_one_gets_the_conflict_and_its_messages_and_audit_are_not_saved()
    {
        var copy = Sending();
        await Store.TryCreateAsync(copy, [], [], default);
        var first = Next(copy, TestCases.Start.AddMinutes(1));
        var second = Next(copy, TestCases.Start.AddMinutes(2));

        var results = await Task.WhenAll(
            Task.Run(() => Store.TryReplaceAsync(first, copy.Version, [Message(first)], [Entry(copy, AuditAction.ReferralStepTaken)], default)),
            Task.Run(() => Store.TryReplaceAsync(second, copy.Version, [Message(second)], [Entry(copy, AuditAction.ReferralStepTaken)], default)));

        Assert.Single(results, won => won);
        Assert.Single(await Storage.Outbox.PendingAsync(10, default));
        Assert.Single((await Storage.Audit.ListForCaseAsync(Guatemala, copy.CaseId!.Value, new PageRequest(10, null), default)).Items);
        Assert.Equal(copy.Version + 1, (await Store.FindAsync(Guatemala, copy.Id, default))!.Version);
    }

    [Fact]
    public async Task Outgoing_and_incoming_lists_page_newest_first_and_filter_by_status()
    {
        var sent = Enumerable.Range(0, 5).Select(i => Sending(at: TestCases.Start.AddMinutes(i < 2 ? 0 : i))).ToArray();
        foreach (var copy in sent)
        {
            await Store.TryCreateAsync(copy, [], [], default);
        }

        await Store.TryCreateAsync(Receiving(), [], [], default);

        var listed = new List<Guid>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Outgoing, null), new PageRequest(2, token), default);
            listed.AddRange(page.Items.Select(r => r.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(sent.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id.ToString("D"), StringComparer.Ordinal).Select(r => r.Id), listed);
        Assert.Empty((await Store.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Incoming, null), new PageRequest(10, null), default)).Items);
        Assert.Single((await Store.ListAsync(Tapachula, new ReferralQuery(ReferralDirection.Incoming, null), new PageRequest(10, null), default)).Items);
        Assert.Empty((await Store.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Outgoing, ReferralStatus.Closed), new PageRequest(10, null), default)).Items);
        Assert.Equal(5, (await Store.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Outgoing, sent[0].Status), new PageRequest(10, null), default)).Items.Count);
    }

    [Fact]
    public async Task Copies_of_a_case_are_listed_oldest_first()
    {
        var caseId = Guid.NewGuid();
        var later = Sending(caseId, TestCases.Start.AddHours(1));
        var earlier = Sending(caseId, TestCases.Start);
        await Store.TryCreateAsync(later, [], [], default);
        await Store.TryCreateAsync(earlier, [], [], default);
        await Store.TryCreateAsync(Sending(), [], [], default);

        Assert.Equal([earlier.Id, later.Id], (await Store.ListForCaseAsync(Guatemala, caseId, default)).Select(r => r.Id));
        Assert.Empty(await Store.ListForCaseAsync(Tapachula, caseId, default));
    }

    [Fact]
    public async Task A_received_message_creates_or_changes_a_copy_once()
    {
        var copy = Receiving();
        var created = Guid.NewGuid();
        var changed = Guid.NewGuid();

        Assert.True(await Store.TryReceiveAsync(copy, null, created, [], [], default));
        Assert.False(await Store.TryReceiveAsync(copy, null, created, [], [], default));
        var next = Next(copy, TestCases.Start.AddMinutes(5));
        Assert.True(await Store.TryReceiveAsync(next, copy.Version, changed, [], [], default));
        Assert.False(await Store.TryReceiveAsync(Next(next, TestCases.Start.AddMinutes(6)), next.Version, changed, [], [], default));

        Assert.Equal(next.Version, (await Store.FindAsync(Tapachula, copy.Id, default))!.Version);
    }

    [Fact]
    public async Task Messages_saved_with_their_change_are_relayed_once_in_the_order_they_were_saved()
    {
        var copy = Sending();
        var first = Message(copy, "referral-sent", TestCases.Start);
        var second = Message(copy, "referral-revoked", TestCases.Start.AddMinutes(1));
        await Store.TryCreateAsync(copy, [first], [], default);
        Assert.True(await Store.TryReplaceAsync(Next(copy, TestCases.Start.AddMinutes(1)), copy.Version, [second], [], default));
        var publisher = new Publisher();
        var relay = new RelayOutbox(Storage.Outbox, publisher);

        Assert.Equal(2, (await relay.RunAsync(default)).Published);
        Assert.Equal(0, (await relay.RunAsync(default)).Published);

        Assert.Equal([first.Id, second.Id], publisher.Published.Select(m => m.Id));
        Assert.Equal(first, publisher.Published[0]);
        Assert.Empty(await Storage.Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task Marking_some_messages_sent_leaves_the_others_pending()
    {
        var a = Sending();
        var b = Sending();
        var messages = new[] { Message(a, at: TestCases.Start), Message(a, "referral-revoked", TestCases.Start.AddSeconds(1)), Message(b, at: TestCases.Start.AddSeconds(2)) };
        await Store.TryCreateAsync(a, messages[..2], [], default);
        await Store.TryCreateAsync(b, messages[2..], [], default);

        Assert.Equal(messages[..2], await Storage.Outbox.PendingAsync(2, default));
        await Storage.Outbox.MarkSentAsync([messages[0].Id, messages[2].Id], default);

        Assert.Equal([messages[1]], await Storage.Outbox.PendingAsync(10, default));
    }

    [Fact]
    public async Task The_sweep_lists_every_open_copy_once_across_pages_and_skips_final_ones()
    {
        var open = Enumerable.Range(0, 5).Select(_ => Sending()).ToList();
        open.Add(Receiving());
        foreach (var copy in open)
        {
            await Store.TryCreateAsync(copy, [], [], default);
        }

        await Store.TryCreateAsync(Sending() with { Status = ReferralStatus.Closed }, [], [], default);

        var swept = new List<Guid>();
        string? token = null;
        do
        {
            var page = await Store.ListForSweepAsync(token, 2, default);
            swept.AddRange(page.Items.Select(r => r.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(open.Select(r => r.Id).Order(), swept.Order());
    }

    [Fact]
    public async Task The_sweep_includes_a_final_copy_with_an_open_alert()
    {
        var closed = Sending() with { Status = ReferralStatus.Closed };
        await Store.TryCreateAsync(closed, [], [], default);
        var alert = new MissedDeadlineAlert(Guid.NewGuid(), Guatemala, closed.Id, DeadlineKind.Acknowledge, 1, TestCases.Start);
        await Storage.Alerts.SyncAsync(Guatemala, closed.Id, [alert], TestCases.Start.AddDays(1), default);

        var page = await Store.ListForSweepAsync(null, 10, default);
        var swept = new List<Guid>(page.Items.Select(r => r.Id));
        for (var token = page.ContinuationToken; token is not null;)
        {
            var next = await Store.ListForSweepAsync(token, 10, default);
            swept.AddRange(next.Items.Select(r => r.Id));
            token = next.ContinuationToken;
        }

        Assert.Equal([closed.Id], swept);
    }

    [Fact]
    public async Task The_sweep_reaches_a_final_copy_with_an_alert_behind_a_full_page_of_open_copies_with_alerts()
    {
        var open = new[] { "10000000-0000-7000-8000-000000000000", "20000000-0000-7000-8000-000000000000" }.Select(id => Sending() with { Id = Guid.Parse(id) }).ToList();
        var closed = Sending() with { Id = Guid.Parse("30000000-0000-7000-8000-000000000000"), Status = ReferralStatus.Closed };
        foreach (var copy in open.Append(closed))
        {
            await Store.TryCreateAsync(copy, [], [], default);
            var alert = new MissedDeadlineAlert(Guid.NewGuid(), Guatemala, copy.Id, DeadlineKind.Acknowledge, 1, TestCases.Start);
            await Storage.Alerts.SyncAsync(Guatemala, copy.Id, [alert], TestCases.Start.AddDays(1), default);
        }

        var swept = new List<Guid>();
        string? token = null;
        do
        {
            var page = await Store.ListForSweepAsync(token, 2, default);
            swept.AddRange(page.Items.Select(r => r.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(open.Append(closed).Select(r => r.Id), swept.Order());
    }

    private static AuditEntry Entry(Referral copy, AuditAction action) =>
        new(Guid.CreateVersion7(), copy.HolderOfficeId, copy.CaseId ?? copy.Id, action, "gt-defender", copy.HolderOfficeId, TestCases.Start, "correlation-1", []);

    private sealed class Publisher : IMessagePublisher
    {
        public List<ExchangeMessage> Published { get; } = [];

        public Task PublishAsync(ExchangeMessage message, CancellationToken cancellationToken)
        {
            Published.Add(message);
            return Task.CompletedTask;
        }
    }
}
