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

/// <summary>The contract of <see cref="IAlertStore"/>: raised once, cleared when no longer open, acknowledged once, per office.</summary>
public abstract class AlertStoreContract : StorageContract
{
    private static readonly Guid Referral = Guid.NewGuid();
    private static readonly DateTimeOffset Now = TestCases.Start.AddDays(10);

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

        Assert.Equal(alerts.OrderBy(a => a.DueAt).ThenBy(a => a.Id.ToString("D"), StringComparer.Ordinal), listed.Select(r => r.Alert));
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

    private static MissedDeadlineAlert Alert(string officeId, int day) =>
        new(Guid.NewGuid(), officeId, Referral, DeadlineKind.Acknowledge, day + 1, TestCases.Start.AddDays(day));
}
