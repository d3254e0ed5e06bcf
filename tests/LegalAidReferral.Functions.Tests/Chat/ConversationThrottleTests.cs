using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>Burst 3, then 6 a minute (a turn every 10 s, a full bucket in 30 s), at most 3 conversations.</summary>
public sealed class ConversationThrottleTests : IDisposable
{
    private static readonly TimeSpan PerTurn = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Refilled = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider clock = new(ChatScenario.Start);
    private readonly CapturingLoggerProvider logs = new();
    private readonly ILoggerFactory loggers;
    private readonly ConversationThrottle throttle;

    public ConversationThrottleTests()
    {
        loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var options = new BotFrameworkOptions { TurnBurst = 3, TurnsPerMinute = 6, MaxThrottledConversations = 3 };
        throttle = new ConversationThrottle(Options.Create(options), clock, loggers.CreateLogger<ConversationThrottle>());
    }

    [Fact]
    public void A_conversation_takes_its_burst_then_one_turn_per_interval()
    {
        Burst("conversation-0");

        Assert.Equal(PerTurn, throttle.Admit("webchat", "conversation-0"));
        clock.Advance(PerTurn);
        Assert.Null(throttle.Admit("webchat", "conversation-0"));
        Assert.Equal(PerTurn, throttle.Admit("webchat", "conversation-0"));
    }

    [Fact]
    public void The_same_conversation_id_on_another_channel_has_its_own_bucket()
    {
        Burst("conversation-0");

        Assert.Null(throttle.Admit("directline", "conversation-0"));
    }

    [Fact]
    public void At_capacity_a_new_conversation_is_refused_until_the_least_recently_used_refills_while_counted_ones_go_on()
    {
        Fill();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(throttle.Admit("webchat", "conversation-1"));

        Assert.Equal(Refilled - TimeSpan.FromSeconds(5), throttle.Admit("webchat", "one-too-many"));
        Assert.Null(throttle.Admit("webchat", "conversation-0"));
    }

    [Fact]
    public void A_conversation_idle_until_its_bucket_refilled_makes_room_and_comes_back_with_a_full_burst()
    {
        Fill();
        clock.Advance(Refilled);

        Assert.Null(throttle.Admit("webchat", "after-the-refill"));
        Burst("conversation-0");
    }

    [Fact]
    public void Refusals_at_capacity_are_logged_once_without_the_conversation_until_there_is_room_again()
    {
        Fill();
        throttle.Admit("webchat", "one-too-many");
        throttle.Admit("webchat", "two-too-many");

        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.DoesNotContain("too-many", line, StringComparison.Ordinal);

        clock.Advance(Refilled);
        Fill();
        throttle.Admit("webchat", "three-too-many");
        Assert.Equal(2, logs.Lines.Count);
    }

    public void Dispose() => loggers.Dispose();

    private void Fill()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Admit("webchat", $"conversation-{i}"));
        }
    }

    private void Burst(string conversationId)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(throttle.Admit("webchat", conversationId));
        }
    }
}
