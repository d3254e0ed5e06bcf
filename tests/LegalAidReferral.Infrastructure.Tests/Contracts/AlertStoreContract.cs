using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Contracts.TestReferrals;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteAlertStoreContract : AlertStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosAlertStoreContract : AlertStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IAlertStore"/>: raised once, cleared when no longer open, acknowledged once, per office; case alerts and marks alike.</summary>
public abstract class AlertStoreContract : StorageContract
{
    private static readonly Guid Referral = Guid.NewGuid();
    private static readonly DateTimeOffset Now = TestCases.Start.AddDays(10);
    private static readonly Guid CaseId = Guid.NewGuid();

    private IAlertStore Store => Storage.Alerts;

    [Fact]
    public async Task Alerts_are_raised_once_and_listed_oldest_due_first_across_pages()
    {
        var alerts = Enumerable.Range(0, 5).Select(i => Alert(Guatemala, i < 2 ? 0 : i)).ToArray();

        Assert.Equal(5, await Store.SyncAsync(Guatemala, Referral, alerts, Now, default));
        Assert.Equal(0, await Store.SyncAsync(Guatemala, Referral, alerts, Now.AddHours(1), default));

        var listed = new List<RaisedAlert>();
        string? token = null;
        do
        {
            var page = await Store.ListOpenAsync(Guatemala, new PageRequest(2, token), default);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(alerts.OrderBy(a => a.DueAt).ThenBy(a => a.Id.ToString("D"), StringComparer.Ordinal), listed.Select(r => (MissedDeadlineAlert)r.Alert));
        Assert.All(listed, r => Assert.Equal(Now, r.RaisedAt));
        Assert.Empty((await Store.ListOpenAsync(Tapachula, new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task An_alert_no_longer_open_is_cleared_and_not_raised_again()
    {
        var kept = Alert(Guatemala, 1);
        var done = Alert(Guatemala, 2);
        await Store.SyncAsync(Guatemala, Referral, [kept, done], Now, default);

        Assert.Equal(0, await Store.SyncAsync(Guatemala, Referral, [kept], Now.AddHours(1), default));
        Assert.Equal(0, await Store.SyncAsync(Guatemala, Referral, [kept, done], Now.AddHours(2), default));

        Assert.Equal([kept.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
    }

    [Fact]
    public async Task The_first_acknowledgement_stays_and_another_office_cannot_acknowledge()
    {
        var alert = Alert(Guatemala, 1);
        await Store.SyncAsync(Guatemala, Referral, [alert], Now, default);

        var first = await Store.AcknowledgeAsync(Guatemala, alert.Id, "gt-defender", Now.AddMinutes(1), default);
        var second = await Store.AcknowledgeAsync(Guatemala, alert.Id, "gt-supervisor", Now.AddMinutes(2), default);

        Assert.Equal(("gt-defender", Now.AddMinutes(1)), (first!.AcknowledgedBy, first.AcknowledgedAt!.Value));
        Assert.Equal(("gt-defender", Now.AddMinutes(1)), (second!.AcknowledgedBy, second.AcknowledgedAt!.Value));
        Assert.Null(await Store.AcknowledgeAsync(Tapachula, alert.Id, "mx-defender", Now, default));
        Assert.Null(await Store.AcknowledgeAsync(Guatemala, Guid.NewGuid(), "gt-defender", Now, default));
    }

    [Fact]
    public async Task A_cleared_alert_cannot_be_acknowledged()
    {
        var alert = Alert(Guatemala, 1);
        await Store.SyncAsync(Guatemala, Referral, [alert], Now, default);
        await Store.SyncAsync(Guatemala, Referral, [], Now.AddHours(1), default);

        Assert.Null(await Store.AcknowledgeAsync(Guatemala, alert.Id, "gt-defender", Now.AddHours(2), default));
    }

    [Fact]
    public async Task Case_alerts_are_raised_once_and_listed_with_missed_deadlines_oldest_due_first()
    {
        var missed = Alert(Guatemala, 3);
        var handOff = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        var erasure = CaseAlertOf(Guatemala, CaseAlertKind.ErasureRequest, 30);
        await Store.SyncAsync(Guatemala, Referral, [missed], Now, default);

        Assert.Equal(2, await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now, default));
        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now.AddHours(1), default));

        var listed = new List<RaisedAlert>();
        string? token = null;
        do
        {
            var page = await Store.ListOpenAsync(Guatemala, new PageRequest(1, token), default);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(new OfficeAlert[] { handOff, missed, erasure }, listed.Select(r => r.Alert));
        Assert.All(listed, r => Assert.Equal(Now, r.RaisedAt));
        Assert.Empty((await Store.ListOpenAsync(Tapachula, new PageRequest(10, null), default)).Items);
    }

    [Fact]
    public async Task A_missed_deadline_keeps_the_other_office_and_the_sending_case_and_syncs_of_that_case_leave_it_alone()
    {
        var missed = Alert(Guatemala, 3) with { OtherOfficeId = Tapachula, CaseId = CaseId, CaseReference = "GT-2026-000042" };
        var handOff = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        await Store.SyncAsync(Guatemala, Referral, [missed], Now, default);

        await Store.SyncCaseAsync(Guatemala, CaseId, new CaseAlertState([], [handOff.Id, missed.Id], Now), Now, default);

        Assert.Equal(missed, Assert.Single((await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items).Alert);
        Assert.Equal(missed, (await Store.FindOpenAsync(Guatemala, missed.Id, default))!.Alert);
    }

    [Fact]
    public async Task A_closed_hand_off_is_cleared_and_not_raised_again_and_referral_syncs_leave_case_alerts_alone()
    {
        var handOff = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        var erasure = CaseAlertOf(Guatemala, CaseAlertKind.ErasureRequest, 30);
        await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now, default);
        await Store.SyncAsync(Guatemala, Referral, [], Now, default);

        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, CaseId, new CaseAlertState([erasure], [handOff.Id], handOff.DueAt), Now.AddHours(1), default));
        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now.AddHours(2), default));
        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, Guid.NewGuid(), CaseAlertState.None, Now.AddHours(3), default));

        Assert.Equal([erasure.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
    }

    [Fact]
    public async Task An_older_read_synced_after_a_newer_one_leaves_the_newer_erasure_request_open()
    {
        var handOff = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        var erasure = CaseAlertOf(Guatemala, CaseAlertKind.ErasureRequest, 30);
        var older = new CaseAlertState([handOff], [], handOff.DueAt);
        var newer = new CaseAlertState([handOff, erasure], [], handOff.DueAt);

        await Store.SyncCaseAsync(Guatemala, CaseId, newer, Now, default);
        await Store.SyncCaseAsync(Guatemala, CaseId, older, Now.AddMinutes(1), default);

        Assert.Equal([handOff.Id, erasure.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
    }

    [Fact]
    public async Task A_later_hand_off_clears_the_earlier_one_and_an_older_read_of_the_earlier_one_leaves_the_later_open()
    {
        var earlier = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        var later = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 2);
        var older = new CaseAlertState([earlier], [], earlier.DueAt);
        await Store.SyncCaseAsync(Guatemala, CaseId, older, Now, default);

        await Store.SyncCaseAsync(Guatemala, CaseId, new CaseAlertState([later], [], later.DueAt), Now.AddMinutes(1), default);
        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, CaseId, older, Now.AddMinutes(2), default));

        Assert.Equal([later.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
    }

    [Fact]
    public async Task Acknowledging_clears_an_erasure_request_but_not_a_hand_off_and_another_office_cannot_acknowledge()
    {
        var handOff = CaseAlertOf(Guatemala, CaseAlertKind.ChatHandOff, 1);
        var erasure = CaseAlertOf(Guatemala, CaseAlertKind.ErasureRequest, 30);
        await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now, default);

        Assert.Null(await Store.AcknowledgeAsync(Tapachula, erasure.Id, "mx-defender", Now, default));
        var seenHandOff = await Store.AcknowledgeAsync(Guatemala, handOff.Id, "gt-defender", Now.AddMinutes(1), default);
        var seenErasure = await Store.AcknowledgeAsync(Guatemala, erasure.Id, "gt-supervisor", Now.AddMinutes(2), default);

        Assert.Equal((handOff, "gt-defender"), (seenHandOff!.Alert, seenHandOff.AcknowledgedBy));
        Assert.Equal((erasure, "gt-supervisor", Now.AddMinutes(2)), (seenErasure!.Alert, seenErasure.AcknowledgedBy, seenErasure.AcknowledgedAt!.Value));
        Assert.Null(await Store.AcknowledgeAsync(Guatemala, erasure.Id, "gt-defender", Now.AddMinutes(3), default));
        Assert.Equal([handOff.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
        Assert.Equal(0, await Store.SyncCaseAsync(Guatemala, CaseId, Open(handOff, erasure), Now.AddMinutes(4), default));
        Assert.Equal([handOff.Id], (await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items.Select(r => r.Alert.Id));
    }

    [Fact]
    public async Task An_open_alert_of_either_kind_is_found_by_its_office_only_until_it_is_cleared()
    {
        var missed = Alert(Guatemala, 1);
        var erasure = CaseAlertOf(Guatemala, CaseAlertKind.ErasureRequest, 30);
        await Store.SyncAsync(Guatemala, Referral, [missed], Now, default);
        await Store.SyncCaseAsync(Guatemala, CaseId, Open(erasure), Now, default);
        await Store.AcknowledgeAsync(Guatemala, missed.Id, "gt-defender", Now.AddMinutes(1), default);

        var foundMissed = await Store.FindOpenAsync(Guatemala, missed.Id, default);
        var foundErasure = await Store.FindOpenAsync(Guatemala, erasure.Id, default);

        Assert.Equal(new RaisedAlert(missed, Now, Now.AddMinutes(1), "gt-defender"), foundMissed);
        Assert.Equal(new RaisedAlert(erasure, Now, null, null), foundErasure);
        Assert.Null(await Store.FindOpenAsync(Tapachula, erasure.Id, default));
        Assert.Null(await Store.FindOpenAsync(Guatemala, Guid.NewGuid(), default));

        await Store.AcknowledgeAsync(Guatemala, erasure.Id, "gt-supervisor", Now.AddMinutes(2), default);
        await Store.SyncAsync(Guatemala, Referral, [], Now.AddHours(1), default);

        Assert.Null(await Store.FindOpenAsync(Guatemala, erasure.Id, default));
        Assert.Null(await Store.FindOpenAsync(Guatemala, missed.Id, default));
    }

    [Fact]
    public async Task Marks_made_before_a_time_are_listed_oldest_first_per_office_until_removed()
    {
        var marks = Enumerable.Range(0, 4).Select(i => new CaseAlertMark(Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(i))).ToArray();
        foreach (var mark in marks.Reverse())
        {
            await Store.MarkCaseAsync(Guatemala, mark, default);
        }

        await Store.MarkCaseAsync(Tapachula, new CaseAlertMark(Guid.NewGuid(), CaseId, Now), default);

        Assert.Equal(marks[..2], await Store.ListMarksAsync(Guatemala, Now.AddMinutes(3), 2, default));
        Assert.Equal(marks[..3], await Store.ListMarksAsync(Guatemala, Now.AddMinutes(3), 10, default));

        await Store.UnmarkCaseAsync(Guatemala, marks[0].Id, default);
        await Store.UnmarkCaseAsync(Tapachula, marks[1].Id, default);
        await Store.UnmarkCaseAsync(Guatemala, Guid.NewGuid(), default);

        Assert.Equal(marks[1..], await Store.ListMarksAsync(Guatemala, Now.AddHours(1), 10, default));
        Assert.Empty((await Store.ListOpenAsync(Guatemala, new PageRequest(10, null), default)).Items);
    }

    private static CaseAlertState Open(params CaseAlert[] alerts) => new(alerts, [], null);

    private static CaseAlert CaseAlertOf(string officeId, CaseAlertKind kind, int day) =>
        new(Guid.NewGuid(), officeId, kind, CaseId, "GT-2026-000123", Now.AddDays(day - 10).AddHours(1));

    private static MissedDeadlineAlert Alert(string officeId, int day) =>
        new(Guid.NewGuid(), officeId, Referral, DeadlineKind.Acknowledge, day + 1, TestCases.Start.AddDays(day));
}
