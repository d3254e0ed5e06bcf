using Azure.Messaging.ServiceBus;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Exchange;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace LegalAidReferral.Infrastructure.Tests.Exchange;

public sealed class ServiceBusExchangeTests
{
    private static readonly ExchangeMessage Step = new(
        Guid.Parse("0192c3d4-0000-7000-8000-000000000001"),
        Topics.Referrals,
        "referral-accepted",
        "mx-ifdp-tapachula",
        "gt-idpp-guatemala",
        "0192c3d4-0000-7000-8000-0000000000aa",
        """{"schemaVersion":1,"step":"accepted"}""",
        new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));

    private readonly Mock<ServiceBusReceiver> receiver = new();
    private readonly ScriptedHandler handler = new();

    [Fact]
    public async Task A_published_message_follows_the_contract_exactly()
    {
        var sender = new Mock<ServiceBusSender>();
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);
        var topics = new List<string>();

        await new ServiceBusPublisher(topic => { topics.Add(topic); return sender.Object; }).PublishAsync(Step, default);

        Assert.Equal([Topics.Referrals], topics);
        Assert.NotNull(sent);
        Assert.Equal("0192c3d4-0000-7000-8000-000000000001", sent.MessageId);
        Assert.Equal("0192c3d4-0000-7000-8000-0000000000aa", sent.CorrelationId);
        Assert.Equal("referral-accepted", sent.Subject);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"schemaVersion":1,"step":"accepted"}""", sent.Body.ToString());
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["fromOfficeId"] = "mx-ifdp-tapachula",
                ["toOfficeId"] = "gt-idpp-guatemala",
                ["createdAt"] = Step.CreatedAt,
            },
            sent.ApplicationProperties);
    }

    [Fact]
    public async Task The_publisher_keeps_one_sender_per_topic()
    {
        var sender = new Mock<ServiceBusSender>();
        var created = 0;
        var publisher = new ServiceBusPublisher(_ => { created++; return sender.Object; });

        await publisher.PublishAsync(Step, default);
        await publisher.PublishAsync(Step with { Id = Guid.NewGuid() }, default);
        await publisher.PublishAsync(Step with { Topic = Topics.ProtocolEvents, ToOfficeId = null }, default);

        Assert.Equal(2, created);
    }

    [Fact]
    public async Task A_handled_message_is_completed_and_reaches_the_handler_as_it_was_sent()
    {
        var one = Received(Step);
        Receive(one);

        var outcome = await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(1, 0, 0), outcome);
        Assert.Equal([Step], handler.Seen);
        receiver.Verify(r => r.CompleteMessageAsync(one, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_message_to_retry_is_abandoned_so_the_broker_delivers_it_again()
    {
        var one = Received(Step, deliveryCount: 3);
        Receive(one);
        handler.Answer = Delivery.RetryLater("predecessor-missing");

        var outcome = await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(0, 1, 0), outcome);
        receiver.Verify(r => r.AbandonMessageAsync(one, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_the_message_again()
    {
        var one = Received(Step);
        Receive(one);
        handler.Throws = true;

        var outcome = await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(0, 1, 0), outcome);
    }

    [Fact]
    public async Task A_message_still_not_handled_after_the_last_attempt_is_dead_lettered_with_its_reason()
    {
        var one = Received(Step, deliveryCount: ServiceBusDrain.MaxDeliveryAttempts);
        Receive(one);
        handler.Answer = Delivery.RetryLater("predecessor-missing");

        var outcome = await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(0, 0, 1), outcome);
        receiver.Verify(r => r.DeadLetterMessageAsync(one, "retry-limit", "predecessor-missing", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_rejected_message_is_dead_lettered_at_once()
    {
        var one = Received(Step);
        Receive(one);
        handler.Answer = Delivery.Rejected("unknown-subject");

        await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        receiver.Verify(r => r.DeadLetterMessageAsync(one, "rejected", "unknown-subject", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("not-a-guid", "application/json", true)]
    [InlineData("0192c3d4-0000-7000-8000-000000000001", "text/plain", true)]
    [InlineData("0192c3d4-0000-7000-8000-000000000001", "application/json", false)]
    public async Task A_poison_message_is_dead_lettered_without_reaching_the_handler(string messageId, string contentType, bool withOffice)
    {
        var properties = new Dictionary<string, object> { ["createdAt"] = Step.CreatedAt };
        if (withOffice)
        {
            properties["fromOfficeId"] = "mx-ifdp-tapachula";
        }

        var poison = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"), messageId: messageId, correlationId: "c", subject: "s", contentType: contentType, properties: properties);
        Receive(poison);

        var outcome = await Drain().DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(0, 0, 1), outcome);
        Assert.Empty(handler.Seen);
        receiver.Verify(r => r.DeadLetterMessageAsync(poison, "unreadable", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_completed_and_takes_effect_once()
    {
        var first = Received(Step);
        var again = Received(Step, deliveryCount: 2);
        receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([first])
            .ReturnsAsync([again]);
        var drain = Drain();

        await drain.DrainAsync(10, TimeSpan.FromSeconds(1), default);
        var second = await drain.DrainAsync(10, TimeSpan.FromSeconds(1), default);

        Assert.Equal(new ServiceBusDrain.Outcome(1, 0, 0), second);
        Assert.Equal(1, handler.Applied);
    }

    [Fact]
    public async Task The_inbox_drains_each_office_subscription_until_a_drain_comes_back_short()
    {
        var full = Enumerable.Range(0, ServiceBusInbox.MessagesPerDrain).Select(_ => Received(Step with { Id = Guid.NewGuid() })).ToArray();
        receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(full)
            .ReturnsAsync([Received(Step)]);
        var other = new Mock<ServiceBusReceiver>();
        other.Setup(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var inbox = new ServiceBusInbox([Drain(), new ServiceBusDrain(other.Object, Topics.Referrals, handler, NullLogger.Instance)]);

        var handled = await inbox.DrainAsync(default);

        Assert.Equal(ServiceBusInbox.MessagesPerDrain + 1, handled);
        receiver.Verify(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        other.Verify(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private ServiceBusDrain Drain() => new(receiver.Object, Topics.Referrals, handler, NullLogger.Instance);

    private void Receive(params ServiceBusReceivedMessage[] messages) =>
        receiver.Setup(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>())).ReturnsAsync(messages);

    internal static ServiceBusReceivedMessage Received(ExchangeMessage message, int deliveryCount = 1)
    {
        var sent = ServiceBusContract.ToServiceBus(message);
        return ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body,
            messageId: sent.MessageId,
            correlationId: sent.CorrelationId,
            subject: sent.Subject,
            contentType: sent.ContentType,
            properties: sent.ApplicationProperties,
            deliveryCount: deliveryCount);
    }

    /// <summary>Answers as told and applies each message id once, as a real handler de-duplicates.</summary>
    private sealed class ScriptedHandler : IMessageHandler
    {
        private readonly HashSet<Guid> applied = [];

        public string Topic => Topics.Referrals;

        public Delivery Answer { get; set; } = Delivery.Handled;

        public bool Throws { get; set; }

        public List<ExchangeMessage> Seen { get; } = [];

        public int Applied => applied.Count;

        public Task<Delivery> HandleAsync(ExchangeMessage message, CancellationToken cancellationToken)
        {
            Seen.Add(message);
            if (Throws)
            {
                throw new TimeoutException("the store did not answer");
            }

            if (Answer.Outcome == DeliveryOutcome.Handled)
            {
                applied.Add(message.Id);
            }

            return Task.FromResult(Answer);
        }
    }
}
