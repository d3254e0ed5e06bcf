using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Alerts;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>Which alerts a case's chat side holds, and how <see cref="ChatAlertSync"/> keeps them in step around a change.</summary>
public sealed class ChatAlertSyncTests
{
    private const string Office = "mx-ifdp-tapachula";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);
    private readonly Mock<IAlertStore> alerts = new();
    private readonly Mock<ICaseStore> cases = new();

    [Fact]
    public void An_open_hand_off_and_each_erasure_request_are_alerts_and_a_reopened_hand_off_is_a_new_one()
    {
        var requests = new[] { new ErasureRequest(Guid.NewGuid(), Now, Now.AddDays(30)), new ErasureRequest(Guid.NewGuid(), Now.AddDays(1), Now.AddDays(31)) };
        var first = WithChat(new CaseChat { HandOff = new ChatHandOff(Now, null, null), ErasureRequests = requests });
        var closed = first.WithChat(first.Chat! with { HandOff = new ChatHandOff(Now, Now.AddHours(1), "staff") }, Now);
        var reopened = closed.WithChat(closed.Chat! with { HandOff = new ChatHandOff(Now.AddHours(2), null, null) }, Now);

        var open = ChatCaseAlerts.Of(first).Open;

        Assert.Equal(
            [(CaseAlertKind.ChatHandOff, Now), (CaseAlertKind.ErasureRequest, Now.AddDays(30)), (CaseAlertKind.ErasureRequest, Now.AddDays(31))],
            open.Select(a => (a.Kind, a.DueAt)));
        Assert.All(open, a => Assert.Equal((Office, first.Id, first.Reference), (a.OfficeId, a.CaseId, a.CaseReference)));
        Assert.Equal(open.Select(a => a.Id), ChatCaseAlerts.Of(first).Open.Select(a => a.Id));
        Assert.Empty(ChatCaseAlerts.Of(first).Closed);
        Assert.Equal(open.Skip(1).Select(a => a.Id), ChatCaseAlerts.Of(closed).Open.Select(a => a.Id));
        Assert.DoesNotContain(ChatCaseAlerts.Of(reopened).Open[0].Id, open.Select(a => a.Id));
        Assert.Equal(CaseAlertState.None, ChatCaseAlerts.Of(Case()));
    }

    [Fact]
    public void A_closed_hand_off_is_done_and_erasure_requests_are_never_done_by_a_read()
    {
        var request = new ErasureRequest(Guid.NewGuid(), Now, Now.AddDays(30));
        var open = WithChat(new CaseChat { HandOff = new ChatHandOff(Now, null, null), ErasureRequests = [request] });
        var closed = open.WithChat(open.Chat! with { HandOff = new ChatHandOff(Now, Now.AddHours(1), "staff") }, Now);

        var state = ChatCaseAlerts.Of(closed);

        Assert.Equal([ChatCaseAlerts.Of(open).Open[0].Id], state.Closed);
        Assert.Equal([CaseAlertKind.ErasureRequest], state.Open.Select(a => a.Kind));
        Assert.Equal(Now, state.HandOffsBefore);
    }

    [Fact]
    public async Task A_case_that_changed_during_the_sync_is_synced_again_so_the_older_read_does_not_stay()
    {
        var open = WithChat(new CaseChat { HandOff = new ChatHandOff(Now, null, null) });
        var closed = open.WithChat(open.Chat! with { HandOff = new ChatHandOff(Now, Now, "staff") }, Now);
        cases.SetupSequence(c => c.FindAsync(Office, open.Id, It.IsAny<CancellationToken>())).ReturnsAsync(open).ReturnsAsync(closed).ReturnsAsync(closed);
        var synced = new List<CaseAlertState>();
        alerts.Setup(a => a.SyncCaseAsync(Office, open.Id, Capture.In(synced), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);

        await Sync().SyncAsync(Office, open.Id, default);

        Assert.Equal([(1, 0), (0, 1)], synced.Select(s => (s.Open.Count, s.Closed.Count)));
    }

    [Fact]
    public async Task A_case_that_keeps_changing_is_synced_a_bounded_number_of_times_and_its_mark_is_left_for_the_recovery()
    {
        var version = 0;
        var open = WithChat(new CaseChat { HandOff = new ChatHandOff(Now, null, null) });
        cases.Setup(c => c.FindAsync(Office, open.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => open with { Version = ++version });
        alerts.Setup(a => a.SyncCaseAsync(Office, open.Id, It.IsAny<CaseAlertState>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);

        var result = await Sync().AroundAsync<Case>(Office, open.Id, () => Task.FromResult<Result<Case>>(open), default);

        Assert.True(result.IsSuccess);
        alerts.Verify(
            a => a.SyncCaseAsync(Office, open.Id, It.IsAny<CaseAlertState>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(ChatAlertSync.MaxAttempts));
        alerts.Verify(a => a.UnmarkCaseAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_change_that_fails_is_not_synced_and_its_mark_is_removed()
    {
        var caseId = Guid.NewGuid();

        var result = await Sync().AroundAsync<Case>(Office, caseId, () => Task.FromResult<Result<Case>>(Failure.InvalidTransition("no")), default);

        Assert.False(result.IsSuccess);
        alerts.Verify(a => a.MarkCaseAsync(Office, It.Is<CaseAlertMark>(m => m.CaseId == caseId && m.MarkedAt == Now), It.IsAny<CancellationToken>()), Times.Once);
        alerts.Verify(a => a.SyncCaseAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CaseAlertState>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        alerts.Verify(a => a.UnmarkCaseAsync(Office, It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_writer_that_stops_during_the_change_leaves_its_mark_for_the_recovery()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Sync().AroundAsync<Case>(Office, Guid.NewGuid(), () => throw new TimeoutException(), default));

        alerts.Verify(a => a.MarkCaseAsync(Office, It.IsAny<CaseAlertMark>(), It.IsAny<CancellationToken>()), Times.Once);
        alerts.Verify(a => a.UnmarkCaseAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_mark_whose_sync_fails_is_reported_by_ids_and_left_while_the_later_offices_are_recovered()
    {
        var failing = new CaseAlertMark(Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(-5));
        var fine = new CaseAlertMark(Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(-5));
        var offices = new Mock<IOfficeDirectory>();
        offices.Setup(o => o.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([OfficeOf("gt-failing"), OfficeOf(Office)]);
        alerts.Setup(a => a.ListMarksAsync("gt-failing", It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([failing]);
        alerts.Setup(a => a.ListMarksAsync(Office, It.IsAny<DateTimeOffset>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([fine]);
        cases.Setup(c => c.FindAsync("gt-failing", failing.CaseId, It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        var outcome = await new RecoverChatAlerts(offices.Object, alerts.Object, Sync(), clock).RunAsync(default);

        Assert.Equal(1, outcome.Recovered);
        Assert.Equal(new RecoverChatAlerts.FailedMark("gt-failing", failing.Id, failing.CaseId, nameof(TimeoutException)), Assert.Single(outcome.Failed));
        alerts.Verify(a => a.UnmarkCaseAsync(Office, fine.Id, It.IsAny<CancellationToken>()), Times.Once);
        alerts.Verify(a => a.UnmarkCaseAsync("gt-failing", It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static Office OfficeOf(string id) => new()
    {
        Id = id,
        Name = id,
        Institution = id,
        Country = "GT",
        Locality = id,
        TimeZone = "America/Guatemala",
        Languages = ["es"],
        FocalPoint = new FocalPoint("Focal point", "focal@example.org", "+000"),
        Mandate = [LegalIssueType.Deportation],
        AcceptsCrossBorderReferrals = true,
    };

    private ChatAlertSync Sync() => new(alerts.Object, cases.Object, clock);

    private static Case WithChat(CaseChat chat) => Case().WithChat(chat, Now);

    private static Case Case()
    {
        var client = new Client("Ana Ficticia", [], null, false, ["HN"], ["es"], null, new Contact(null, null), null, []);
        var details = new CaseDetails(client, null, [], null, [new LegalIssue(LegalIssueType.Asylum, null)], new KeyDates(null, null, []), []);
        return Core.Cases.Case.Open(Guid.NewGuid(), Office, "MX-2026-000007", IntakeChannel.Chat, details, "client", Now);
    }
}
