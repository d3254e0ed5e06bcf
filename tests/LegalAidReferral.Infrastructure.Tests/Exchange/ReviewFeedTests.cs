using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Exchange;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

/// <summary>How protocol events reach a review on Service Bus: a deployment's own publishes, and the regional review's subscription.</summary>
public sealed class ReviewFeedTests
{
    private static readonly ExchangeMessage Event = new(
        Guid.Parse("0192c3d4-0000-7000-8000-000000000e01"), Topics.ProtocolEvents, "protocol-event", "mx-ifdp-tapachula", null,
        "pseudonym", """{"schemaVersion":1}""", new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));

    private static readonly ExchangeMessage Step = Event with { Id = Guid.NewGuid(), Topic = Topics.Referrals, Subject = "referral-step", ToOfficeId = "gt-idpp-guatemala" };

    [Fact]
    public async Task A_published_protocol_event_is_recorded_in_the_deployment_s_own_review_after_it_is_published()
    {
        var order = new List<string>();
        var exchange = new Mock<IMessagePublisher>();
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

        var publisher = new LocalReviewPublisher(Mock.Of<IMessagePublisher>(), [review.Object]);

        await Assert.ThrowsAsync<MessageNotDeliveredException>(() => publisher.PublishAsync(Event, default));
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
}
