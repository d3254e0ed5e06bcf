using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Tests.Cases;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ReferralCaseEffectsTests
{
    private static readonly DateTimeOffset AcceptedAt = Utc("2026-12-02T15:00");

    [Theory]
    [InlineData(CaseStatus.Triaged)]
    [InlineData(CaseStatus.Open)]
    public void Staff_cannot_move_a_case_to_referred_out_themselves(CaseStatus from)
    {
        var result = CaseSamples.NewCase(from).TransitionTo(CaseStatus.ReferredOut, "Moved to Mexico", "gt-defender", Now);

        Assert.Equal(FailureKind.InvalidTransition, result.Failure!.Kind);
        Assert.DoesNotContain(CaseStatus.ReferredOut, CaseTransitions.AllowedFrom(from));
    }

    [Theory]
    [InlineData(CaseStatus.Intake)]
    [InlineData(CaseStatus.Triaged)]
    [InlineData(CaseStatus.Open)]
    [InlineData(CaseStatus.NotEligible)]
    public void An_accepted_representation_referral_moves_the_case_to_referred_out_naming_the_referral(CaseStatus from)
    {
        var (@case, referral, accept) = Accepted(ReferralKind.Representation, from);

        var after = ReferralCaseEffects.Apply(@case, referral, accept, AcceptedAt);

        Assert.Equal(CaseStatus.ReferredOut, after.Status);
        Assert.Equal(
            new StatusChange(from, CaseStatus.ReferredOut, AcceptedAt, "mx-defender", $"Representation referral {ReferralId:D} accepted by office 'mx-ifdp-tapachula'."),
            after.StatusHistory[^1]);
        Assert.Equal(@case.Version + 1, after.Version);
    }

    [Theory]
    [InlineData(ReferralKind.Documents, CaseStatus.Open)]
    [InlineData(ReferralKind.Representation, CaseStatus.Closed)]
    [InlineData(ReferralKind.Representation, CaseStatus.ReferredOut)]
    public void A_cooperation_request_or_a_closed_or_already_referred_case_is_left_as_it_is(ReferralKind kind, CaseStatus from)
    {
        var (@case, referral, accept) = Accepted(kind, from);

        Assert.Same(@case, ReferralCaseEffects.Apply(@case, referral, accept, AcceptedAt));
    }

    [Fact]
    public void An_acceptance_moves_the_case_once_so_a_redelivered_step_does_not_undo_a_later_reopening()
    {
        var (@case, referral, accept) = Accepted(ReferralKind.Representation, CaseStatus.Open);
        var reopened = ReferralCaseEffects.Apply(@case, referral, accept, AcceptedAt)
            .TransitionTo(CaseStatus.Open, "The receiving office could not continue.", "gt-supervisor", AcceptedAt.AddDays(3)).Value!;

        Assert.Same(reopened, ReferralCaseEffects.Apply(reopened, referral, accept, AcceptedAt.AddDays(4)));
    }

    [Fact]
    public void Other_steps_leave_the_case_as_it_is()
    {
        var (@case, referral, _) = Accepted(ReferralKind.Representation, CaseStatus.Open);

        Assert.Same(@case, ReferralCaseEffects.Apply(@case, referral, referral.Steps[1], AcceptedAt));
    }

    [Theory]
    [InlineData(ReferralKind.Representation, true)]
    [InlineData(ReferralKind.Documents, false)]
    public void Only_the_acceptance_of_a_representation_referral_changes_its_case(ReferralKind kind, bool changes)
    {
        var (_, referral, accept) = Accepted(kind, CaseStatus.Open);

        Assert.Equal(changes, ReferralCaseEffects.Changes(referral, accept));
        Assert.All(referral.Steps.Where(s => s.Action != ReferralAction.Accept), step => Assert.False(ReferralCaseEffects.Changes(referral, step)));
    }

    private static (Case Case, Referral Referral, ReferralStep Accept) Accepted(ReferralKind kind, CaseStatus status)
    {
        var @case = CaseWith(ShareConsent(Tapachula));
        var sent = Sent(@case, Request() with { Kind = kind });
        var receiving = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-01T16:00")).Referral;
        var accept = receiving.Take(ReferralAction.Accept, ReceivingDefender, AcceptedAt).Step;
        var sending = ReferralExchange.Receive(ReferralExchange.Receive(sent.Referral, receiving.Steps[1], AcceptedAt).Referral, accept, AcceptedAt).Referral!;
        return (@case with { Status = status }, sending, accept);
    }
}
