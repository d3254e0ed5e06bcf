using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Functions.Offices;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LegalAidReferral.Functions.Tests.Offices;

public class ProtocolSettingsAnnouncementTests
{
    private const string Office = "mx-ifdp-tapachula";

    private readonly CapturingLoggerProvider logs = new();
    private readonly Mock<IProtocolSettingsStore> store = new();

    public ProtocolSettingsAnnouncementTests() =>
        store.Setup(s => s.CurrentAsync(Office, It.IsAny<CancellationToken>())).ReturnsAsync(ProtocolDefaults.For(Office));

    [Fact]
    public async Task A_failing_announcement_is_logged_by_type_and_does_not_stop_the_start()
    {
        store.Setup(s => s.AnnounceAsync(It.IsAny<ProtocolSettings>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException($"Version 1 of the protocol settings of {Office} is not stored"));

        await Announcement().StartAsync(CancellationToken.None);

        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.Contains(typeof(InvalidOperationException).FullName!, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Office, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_start_cancelled_by_the_host_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        store.Setup(s => s.AnnounceAsync(It.IsAny<ProtocolSettings>(), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException(cancelled.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Announcement().StartAsync(cancelled.Token));
        Assert.Empty(logs.Lines);
    }

    [Fact]
    public async Task A_successful_announcement_puts_each_served_office_in_the_outbox_and_logs_nothing()
    {
        await Announcement().StartAsync(CancellationToken.None);

        store.Verify(s => s.AnnounceAsync(It.Is<ProtocolSettings>(p => p.OfficeId == Office), It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(logs.Lines);
    }

    private ProtocolSettingsAnnouncement Announcement()
    {
        var served = new Mock<IServedOffices>();
        served.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Office]);
        var announce = new AnnounceProtocolSettings(served.Object, store.Object, new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        return new ProtocolSettingsAnnouncement(announce, new LoggerFactory([logs]).CreateLogger<ProtocolSettingsAnnouncement>());
    }
}
