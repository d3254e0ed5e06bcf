using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

/// <summary>How protocol events reach a review on Service Bus: a deployment's own publishes, and the regional review's subscription.</summary>
public sealed class ReviewFeedTests : TempDatabase
{
    private static readonly ExchangeMessage Event = new(
        Guid.Parse("0192c3d4-0000-7000-8000-000000000e01"), Topics.ProtocolEvents, "protocol-event", "mx-ifdp-tapachula", null,
        "pseudonym", """{"schemaVersion":1}""", new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));

    private static readonly ExchangeMessage Step = Event with { Id = Guid.NewGuid(), Topic = Topics.Referrals, Subject = "referral-step", ToOfficeId = "gt-idpp-guatemala" };

    [Fact]
    public async Task A_published_protocol_event_is_recorded_in_the_deployment_s_own_review_after_it_is_published()
    {
        var order = new List<string>();
        var exchange = new Mock<IMessagePublisher> { CallBase = true };
        exchange.Setup(e => e.PublishAsync(It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("published")).Returns(Task.CompletedTask);
        var review = new Mock<IMessageHandler>();
        review.Setup(h => h.HandleAsync(It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("recorded")).ReturnsAsync(Delivery.Handled);

        var publisher = new LocalReviewPublisher(exchange.Object, [review.Object]);
        await publisher.PublishAsync(Event, default);
        await publisher.PublishAsync(Step, default);

        Assert.Equal(["published", "recorded", "published"], order);
        review.Verify(h => h.HandleAsync(Event, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_review_that_asks_for_a_retry_fails_the_publish_so_the_relay_keeps_the_event()
    {
        var review = new Mock<IMessageHandler>();
        review.Setup(h => h.HandleAsync(It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>())).ReturnsAsync(Delivery.RetryLater("busy"));

        var publisher = new LocalReviewPublisher(new Mock<IMessagePublisher> { CallBase = true }.Object, [review.Object]);

        await Assert.ThrowsAsync<MessageNotDeliveredException>(() => publisher.PublishAsync(Event, default));
    }

    [Fact]
    public async Task A_drained_receive_reaches_the_review_store_as_one_batch_and_each_message_is_completed_after_it()
    {
        var events = CountingReviewStore.EventMessages(seed: 11).Take(ServiceBusInbox.MessagesPerDrain).ToArray();
        var received = events.Select(e => ServiceBusExchangeTests.Received(e)).ToArray();
        var receiver = Receiving(received);
        var review = new CountingReviewStore(new SqliteReviewStore(Database));
        var order = new List<string>();
        receiver.Setup(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add($"completed after {review.Batches.Count} batch")).Returns(Task.CompletedTask);

        var outcome = await Drain(receiver, review).DrainAsync(ServiceBusInbox.MessagesPerDrain, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(events.Length, 0, 0), outcome);
        Assert.Equal([events.Length], review.Batches);
        Assert.Equal(0, review.Singles);
        Assert.Equal(Enumerable.Repeat("completed after 1 batch", events.Length), order);
        Assert.Equal(CountingReviewStore.CellsOf(events), await review.CellsAsync());
    }

    [Fact]
    public async Task A_batch_the_store_fails_is_abandoned_whole_and_its_redelivery_with_duplicates_counts_each_event_once()
    {
        var events = CountingReviewStore.EventMessages(seed: 12).Take(40).ToArray();
        var first = events.Take(30).Select(e => ServiceBusExchangeTests.Received(e)).ToArray();
        var redelivered = events.Take(30).Concat(events.Skip(20)).Select(e => ServiceBusExchangeTests.Received(e, deliveryCount: 2)).ToArray();
        var receiver = new Mock<ServiceBusReceiver>();
        receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(first)
            .ReturnsAsync(redelivered);
        var review = new CountingReviewStore(new SqliteReviewStore(Database)) { FailingBatch = 0 };
        var drain = Drain(receiver, review);

        var failed = await drain.DrainAsync(ServiceBusInbox.MessagesPerDrain, TimeSpan.FromSeconds(1), default);
        var again = await drain.DrainAsync(ServiceBusInbox.MessagesPerDrain, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(0, first.Length, 0), failed);
        receiver.Verify(r => r.CompleteMessageAsync(It.IsIn(first), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(new ServiceBusDrain.Outcome(redelivered.Length, 0, 0), again);
        Assert.Equal([30, redelivered.Length], review.Batches);
        Assert.Equal(events.Length, review.Recorded);
        Assert.Equal(CountingReviewStore.CellsOf(events), await review.CellsAsync());
    }

    [Fact]
    public async Task A_deployment_records_a_relayed_page_s_published_protocol_events_in_one_batch()
    {
        var events = CountingReviewStore.EventMessages(seed: 13).Take(20).ToArray();
        var review = new CountingReviewStore(new SqliteReviewStore(Database));
        var exchange = new Mock<IMessagePublisher> { CallBase = true };
        var publisher = new LocalReviewPublisher(exchange.Object, [review.Handler]);

        var page = await ((IMessagePublisher)publisher).PublishPageAsync([.. events, Step], default);

        Assert.Equal([.. events.Select(e => e.Id), Step.Id], page.Published);
        Assert.Null(page.Failure);
        Assert.Equal([events.Length], review.Batches);
        exchange.Verify(e => e.PublishAsync(It.IsAny<ExchangeMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(events.Length + 1));
    }

    [Fact]
    public void The_regional_review_drains_its_protocol_events_subscription_besides_the_offices_referral_and_settings_subscriptions()
    {
        var client = new Mock<ServiceBusClient>();
        var receivers = new List<(string Topic, string Subscription)>();
        client.Setup(c => c.CreateReceiver(It.IsAny<string>(), It.IsAny<string>()))
            .Callback<string, string>((topic, subscription) => receivers.Add((topic, subscription)))
            .Returns(Mock.Of<ServiceBusReceiver>());

        ServiceBusInbox.For(
            client.Object, ["gt-idpp-guatemala"], Mock.Of<IMessageHandler>(), Mock.Of<IMessageHandler>(), (ServiceBusContract.ReviewSubscription, Mock.Of<IMessageHandler>()), NullLogger.Instance);
        ServiceBusInbox.For(client.Object, ["mx-ifdp-tapachula"], Mock.Of<IMessageHandler>(), Mock.Of<IMessageHandler>(), null, NullLogger.Instance);

        Assert.Equal(
            [
                (Topics.ProtocolEvents, ServiceBusContract.ReviewSubscription),
                (Topics.ProtocolSettings, "gt-idpp-guatemala"),
                (Topics.ProtocolSettings, "mx-ifdp-tapachula"),
                (Topics.Referrals, "gt-idpp-guatemala"),
                (Topics.Referrals, "mx-ifdp-tapachula"),
            ],
            receivers.Order());
    }

    private static Mock<ServiceBusReceiver> Receiving(ServiceBusReceivedMessage[] messages)
    {
        var receiver = new Mock<ServiceBusReceiver>();
        receiver.Setup(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(messages);
        return receiver;
    }

    private static ServiceBusDrain Drain(Mock<ServiceBusReceiver> receiver, CountingReviewStore review) =>
        new(receiver.Object, Topics.ProtocolEvents, review.Handler, NullLogger.Instance);
}
