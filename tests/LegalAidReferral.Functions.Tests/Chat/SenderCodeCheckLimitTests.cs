using LegalAidReferral.Core.Chat;
using LegalAidReferral.Functions.Tests.Cases;
using LegalAidReferral.Infrastructure.BotFramework;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Chat;

public sealed class SenderCodeCheckLimitTests : IDisposable
{
    private static readonly ChatAddress Sender = new("webchat", "conversation-1", "sender-account-7f3a");

    private readonly FakeTimeProvider clock = new(ChatScenario.Start);
    private readonly CapturingLoggerProvider logs = new();
    private readonly ILoggerFactory loggers;
    private readonly SenderCodeCheckLimit limit;

    public SenderCodeCheckLimitTests()
    {
        loggers = LoggerFactory.Create(logging => logging.AddProvider(logs));
        limit = new SenderCodeCheckLimit(clock, loggers.CreateLogger<SenderCodeCheckLimit>());
    }

    [Fact]
    public void Ten_checks_in_fifteen_minutes_are_admitted_and_the_eleventh_is_refused()
    {
        Assert.All(Enumerable.Range(0, ChatOptions.MaxCodeChecksPerSender), _ => Assert.True(limit.TryAdmit(Sender)));
        clock.Advance(TimeSpan.FromMinutes(14));

        Assert.False(limit.TryAdmit(Sender));
    }

    [Fact]
    public void Checks_of_one_sender_count_across_conversations()
    {
        for (var i = 0; i < ChatOptions.MaxCodeChecksPerSender; i++)
        {
            Assert.True(limit.TryAdmit(Sender with { ConversationId = $"conversation-{i}" }));
        }

        Assert.False(limit.TryAdmit(Sender with { ConversationId = "another" }));
    }

    [Fact]
    public void Another_sender_or_the_same_account_on_another_channel_is_counted_apart()
    {
        Exhaust();

        Assert.True(limit.TryAdmit(Sender with { UserId = "someone-else" }));
        Assert.True(limit.TryAdmit(Sender with { ChannelId = "directline" }));
    }

    [Fact]
    public void The_window_starts_again_fifteen_minutes_after_it_began()
    {
        Exhaust();
        clock.Advance(ChatOptions.CodeCheckWindow);

        Assert.All(Enumerable.Range(0, ChatOptions.MaxCodeChecksPerSender), _ => Assert.True(limit.TryAdmit(Sender)));
        Assert.False(limit.TryAdmit(Sender));
    }

    [Fact]
    public void The_first_refusal_of_a_window_is_logged_once_without_the_sender()
    {
        Exhaust();
        limit.TryAdmit(Sender);
        limit.TryAdmit(Sender);

        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Sender.UserId, line, StringComparison.Ordinal);
        Assert.DoesNotContain(Sender.ConversationId, line, StringComparison.Ordinal);
    }

    [Fact]
    public void At_capacity_a_new_sender_is_refused_while_senders_already_counted_go_on()
    {
        FillToCapacity();

        Assert.False(limit.TryAdmit(Sender with { UserId = "one-too-many" }));
        Assert.True(limit.TryAdmit(Sender with { UserId = "sender-0" }));
    }

    [Fact]
    public void Windows_that_are_over_make_room_for_new_senders()
    {
        FillToCapacity();
        clock.Advance(ChatOptions.CodeCheckWindow);

        Assert.True(limit.TryAdmit(Sender with { UserId = "after-the-window" }));
    }

    [Fact]
    public void Refusals_at_capacity_are_logged_once_until_there_is_room_again()
    {
        FillToCapacity();
        limit.TryAdmit(Sender with { UserId = "one-too-many" });
        limit.TryAdmit(Sender with { UserId = "two-too-many" });

        var line = Assert.Single(logs.Lines);
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.DoesNotContain("too-many", line, StringComparison.Ordinal);
    }

    public void Dispose() => loggers.Dispose();

    private void FillToCapacity()
    {
        for (var i = 0; i < ChatOptions.MaxCodeCheckSenders; i++)
        {
            Assert.True(limit.TryAdmit(Sender with { UserId = $"sender-{i}" }));
        }
    }

    private void Exhaust()
    {
        for (var i = 0; i <= ChatOptions.MaxCodeChecksPerSender; i++)
        {
            limit.TryAdmit(Sender);
        }
    }
}
