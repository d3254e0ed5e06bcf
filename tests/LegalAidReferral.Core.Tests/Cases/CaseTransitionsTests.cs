using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Tests.Cases;

public class CaseTransitionsTests
{
    // The whole table: every status against every target. Listed = allowed; the value says whether a
    // written reason is required.
    private static readonly Dictionary<(CaseStatus, CaseStatus), bool> ReasonRequired = new()
    {
        [(CaseStatus.Intake, CaseStatus.Triaged)] = false,
        [(CaseStatus.Intake, CaseStatus.Closed)] = true,
        [(CaseStatus.Triaged, CaseStatus.Open)] = false,
        [(CaseStatus.Triaged, CaseStatus.NotEligible)] = true,
        [(CaseStatus.Triaged, CaseStatus.Intake)] = true,
        [(CaseStatus.Open, CaseStatus.Closed)] = true,
        [(CaseStatus.NotEligible, CaseStatus.Open)] = true,
        [(CaseStatus.NotEligible, CaseStatus.Closed)] = false,
        [(CaseStatus.ReferredOut, CaseStatus.Open)] = true,
        [(CaseStatus.ReferredOut, CaseStatus.Closed)] = false,
        [(CaseStatus.Closed, CaseStatus.Open)] = true,
    };

    public static TheoryData<CaseStatus, CaseStatus> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseStatus>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transition_is_allowed_exactly_when_the_table_says_so(CaseStatus from, CaseStatus to)
    {
        var result = CaseSamples.NewCase(from).TransitionTo(to, "a written reason", "user-1", CaseSamples.Now.AddHours(1));

        var allowed = ReasonRequired.ContainsKey((from, to));
        Assert.Equal(allowed, result.IsSuccess);
        if (allowed)
        {
            Assert.Equal(to, result.Value!.Status);
        }
        else
        {
            Assert.Equal(FailureKind.InvalidTransition, result.Failure!.Kind);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_transition_without_a_reason_succeeds_exactly_when_the_table_needs_none(CaseStatus from, CaseStatus to)
    {
        if (!ReasonRequired.TryGetValue((from, to), out var required))
        {
            Assert.Null(CaseTransitions.Find(from, to));
            return;
        }

        var result = CaseSamples.NewCase(from).TransitionTo(to, null, "user-1", CaseSamples.Now.AddHours(1));

        Assert.Equal(required, CaseTransitions.Find(from, to)!.ReasonRequired);
        Assert.Equal(!required, result.IsSuccess);
        if (required)
        {
            Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
            Assert.Equal(["reason"], result.Failure.Errors!.Keys);
        }
        else
        {
            Assert.Null(result.Value!.StatusHistory[^1].Reason);
        }
    }

    [Fact]
    public void Every_status_can_eventually_be_closed_and_a_closed_case_reopened()
    {
        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed))
        {
            Assert.True(Reachable(status, CaseStatus.Closed), $"{status} cannot reach closed");
        }

        Assert.Contains(CaseStatus.Open, CaseTransitions.AllowedFrom(CaseStatus.Closed));
    }

    [Fact]
    public void Transition_that_requires_a_reason_is_refused_without_one()
    {
        var result = CaseSamples.NewCase(CaseStatus.Open).TransitionTo(CaseStatus.Closed, "  ", "user-1", CaseSamples.Now);

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Contains("reason", result.Failure.Errors!.Keys);
    }

    [Fact]
    public void Transition_records_who_when_and_why_and_bumps_the_version()
    {
        var before = CaseSamples.NewCase();
        var at = CaseSamples.Now.AddMinutes(5);

        var after = before.TransitionTo(CaseStatus.Closed, "Duplicate of another case", "gt-supervisor", at).Value!;

        var change = Assert.Single(after.StatusHistory);
        Assert.Equal(new StatusChange(CaseStatus.Intake, CaseStatus.Closed, at, "gt-supervisor", "Duplicate of another case"), change);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(at, after.UpdatedAt);
    }

    private static bool Reachable(CaseStatus from, CaseStatus target)
    {
        var seen = new HashSet<CaseStatus> { from };
        var queue = new Queue<CaseStatus>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in CaseTransitions.AllowedFrom(current).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen.Contains(target);
    }
}
