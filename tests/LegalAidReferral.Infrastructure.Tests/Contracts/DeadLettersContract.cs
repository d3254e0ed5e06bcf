using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteDeadLettersContract : DeadLettersContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosDeadLettersContract : DeadLettersContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IDeadLetters"/>: a message is kept once, until it is older than the purge's cut-off.</summary>
public abstract class DeadLettersContract : StorageContract
{
    private static readonly DateTimeOffset Cutoff = TestCases.Start.AddDays(30);

    private IDeadLetters DeadLetters => Storage.DeadLetters;

    [Fact]
    public async Task Messages_set_aside_before_the_cutoff_are_deleted_in_batches_and_later_ones_are_kept()
    {
        var old = Enumerable.Range(0, 3).Select(i => Message(TestCases.Start.AddDays(i))).ToArray();
        var recent = Message(Cutoff.AddSeconds(1));
        foreach (var message in old.Append(recent))
        {
            await DeadLetters.SetAsideAsync(message, "rejected", message.CreatedAt, default);
        }

        var first = await DeadLetters.DeleteExpiredAsync(Cutoff, 2, default);
        var second = await DeadLetters.DeleteExpiredAsync(Cutoff, 2, default);
        var third = await DeadLetters.DeleteExpiredAsync(Cutoff, 2, default);
        var everything = await DeadLetters.DeleteExpiredAsync(DateTimeOffset.MaxValue, 10, default);

        Assert.Equal((2, 1, 0, 1), (first, second, third, everything));
    }

    [Fact]
    public async Task A_message_set_aside_twice_is_kept_once()
    {
        var message = Message(TestCases.Start);

        await DeadLetters.SetAsideAsync(message, "rejected", TestCases.Start, default);
        await DeadLetters.SetAsideAsync(message, "retry-limit", TestCases.Start.AddMinutes(1), default);

        Assert.Equal(1, await DeadLetters.DeleteExpiredAsync(DateTimeOffset.MaxValue, 10, default));
    }

    private static ExchangeMessage Message(DateTimeOffset at) =>
        new(Guid.NewGuid(), Topics.Referrals, "referral-sent", "gt-idpp-guatemala", "mx-ifdp-tapachula", Guid.NewGuid().ToString("D"), "{}", at);
}
