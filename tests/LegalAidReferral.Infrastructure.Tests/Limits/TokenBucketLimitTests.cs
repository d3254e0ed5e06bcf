using LegalAidReferral.Infrastructure.Limits;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Infrastructure.Tests.Limits;

/// <summary>Burst 2, a token every 10 s (a full bucket in 20 s), at most 2 keys.</summary>
public sealed class TokenBucketLimitTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly TokenBucketLimit<int> limit;

    public TokenBucketLimitTests() => limit = new TokenBucketLimit<int>(clock, 2, TimeSpan.FromSeconds(10), 2);

    [Fact]
    public void Over_its_burst_a_key_is_refused_with_the_time_to_its_next_token_and_only_the_first_refusal_says_so()
    {
        limit.TryAdmit(1);
        limit.TryAdmit(1);
        clock.Advance(TimeSpan.FromSeconds(4));

        var first = limit.TryAdmit(1);
        var second = limit.TryAdmit(1);

        Assert.Equal((WindowRefusal.OverLimit, TimeSpan.FromSeconds(6), true), (first.Refusal, first.RetryAfter, first.FirstRefusal));
        Assert.Equal((WindowRefusal.OverLimit, false), (second.Refusal, second.FirstRefusal));
    }

    [Fact]
    public void After_an_admission_the_next_refusal_is_a_first_one_again()
    {
        limit.TryAdmit(1);
        limit.TryAdmit(1);
        limit.TryAdmit(1);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(limit.TryAdmit(1).IsAdmitted);
        Assert.True(limit.TryAdmit(1).FirstRefusal);
    }

    [Fact]
    public void A_key_used_again_moves_behind_the_others_so_the_least_recently_used_one_makes_room_first()
    {
        limit.TryAdmit(1);
        clock.Advance(TimeSpan.FromSeconds(5));
        limit.TryAdmit(2);
        clock.Advance(TimeSpan.FromSeconds(10));
        limit.TryAdmit(1);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(WindowRefusal.Full, limit.TryAdmit(3).Refusal);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limit.TryAdmit(3).IsAdmitted);
        Assert.Equal(WindowRefusal.Full, limit.TryAdmit(4).Refusal);
    }
}
