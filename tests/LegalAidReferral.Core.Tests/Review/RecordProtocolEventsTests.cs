using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

public sealed class RecordProtocolEventsTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 28, 0, 0, 0, TimeSpan.Zero);

    private readonly InMemoryReviewStore store = new();

    [Fact]
    public async Task A_batch_rejects_only_its_unreadable_messages_and_records_each_event_once_duplicates_included()
    {
        var events = new SyntheticProtocolEvents(4).Generate(3, Start, TimeSpan.FromDays(20), Start.AddDays(30))
            .Select(e => ReferralMessages.Of(e, e.FromOfficeId, e.OccurredAt))
            .ToArray();
        var unreadable = events[0] with { Id = Guid.NewGuid(), Body = "{}" };
        ExchangeMessage[] batch = [events[0], unreadable, .. events, events[1]];

        var deliveries = await new RecordProtocolEvents(store, ReviewSettings.Default).HandleBatchAsync(batch, default);

        Assert.Equal(batch.Select(m => m == unreadable ? DeliveryOutcome.Rejected : DeliveryOutcome.Handled), deliveries.Select(d => d.Outcome));
        var listed = await store.EventsAsync(new ReviewQuery("2026-01", "2026-12"), new PageRequest(100, null), default);
        Assert.Equal(events.Select(e => e.Id).Order(), listed.Items.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Handing_a_handler_more_messages_than_its_batch_size_is_refused_before_anything_is_recorded()
    {
        var handler = new RecordProtocolEvents(store, ReviewSettings.Default);
        var message = ReferralMessages.Of(new SyntheticProtocolEvents(5).Generate(1, Start, TimeSpan.FromDays(1), Start.AddDays(2))[0], "gt-idpp-guatemala", Start);

        await Assert.ThrowsAsync<ArgumentException>(() => handler.HandleAsync(Enumerable.Repeat(message, handler.MaxBatchSize + 1).ToArray(), default));

        Assert.Empty((await store.EventsAsync(new ReviewQuery("2026-01", "2026-12"), new PageRequest(10, null), default)).Items);
    }
}
