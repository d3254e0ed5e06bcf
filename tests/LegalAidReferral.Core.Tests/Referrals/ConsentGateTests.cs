using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ConsentGateTests
{
    [Fact]
    public void A_consent_naming_the_office_lets_the_referral_leave_and_is_recorded_on_it()
    {
        var consent = ShareConsent(Tapachula);

        var sent = Sent(CaseWith(consent));

        Assert.Equal(new ConsentBasis(consent.Id, null), sent.Referral.Consent);
        Assert.False(sent.Delivery.Consent.Overridden);
    }

    [Fact]
    public void A_consent_for_any_office_covers_the_office()
    {
        var any = ShareConsent(null);

        Assert.Equal(any.Id, ConsentGate.Check(CaseWith(any), Tapachula, null, SendingDefender, Now).Value!.ConsentId);
    }

    [Fact]
    public void A_named_consent_is_preferred_to_an_any_office_one_and_the_newest_first()
    {
        var any = ShareConsent(null, Now.AddHours(-1));
        var older = ShareConsent(Tapachula, Now.AddDays(-3));
        var newer = ShareConsent(Tapachula, Now.AddDays(-2));

        Assert.Equal(newer.Id, ConsentGate.Covering([any, older, newer], Tapachula)!.Id);
    }

    public static TheoryData<string, Consent[]> Blocking() => new()
    {
        { "no consent", [] },
        { "another office", [ShareConsent(Juarez)] },
        { "refused", [ShareConsent(Tapachula, given: false)] },
        { "withdrawn", [ShareConsent(Tapachula) with { WithdrawnAt = Now.AddHours(-1), WithdrawnBy = "gt-defender" }] },
        { "another purpose", [ShareConsent(Tapachula) with { Purpose = ConsentPurpose.ContactByChat }, ShareConsent(null) with { Purpose = ConsentPurpose.StoreAndProcess }] },
    };

    [Theory]
    [MemberData(nameof(Blocking))]
    public void Without_a_covering_consent_in_force_the_gate_blocks_and_names_the_missing_consent(string why, Consent[] consents)
    {
        var result = ReferralSending.Send(ReferralId, SendStepId, CaseWith(consents), Request(), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, SendingDefender, Now);

        Assert.Equal(FailureKind.ConsentRequired, result.Failure!.Kind);
        Assert.Equal(["share-with-office:mx-ifdp-tapachula"], result.Failure.Errors!["consent"]);
        Assert.Contains("'mx-ifdp-tapachula'", result.Failure.Detail, StringComparison.Ordinal);
        Assert.NotNull(why);
    }

    [Fact]
    public void A_supervisor_overrides_the_gate_with_a_reason_and_the_referral_carries_the_flag()
    {
        var result = ReferralSending.Send(
            ReferralId, SendStepId, CaseWith(), Request("Hearing tomorrow; client unreachable."), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, SendingSupervisor, Now);

        var basis = result.Value!.Referral.Consent;
        Assert.Equal(new ConsentBasis(null, new ConsentOverride("Hearing tomorrow; client unreachable.", "gt-supervisor", Now)), basis);
        Assert.True(basis.Overridden);
        Assert.True(result.Value.Delivery.Consent.Overridden);
    }

    [Fact]
    public void A_defender_cannot_override_the_gate()
    {
        var result = ReferralSending.Send(ReferralId, SendStepId, CaseWith(), Request("Urgent."), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, SendingDefender, Now);

        Assert.Equal(FailureKind.Forbidden, result.Failure!.Kind);
    }

    [Fact]
    public void An_override_where_a_consent_covers_the_office_is_refused_so_the_flag_never_misleads()
    {
        var result = ConsentGate.Check(CaseWith(ShareConsent(Tapachula)), Tapachula, "Urgent.", SendingSupervisor, Now);

        Assert.Equal(["consentOverride"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void Withdrawing_the_covering_consent_revokes_open_referrals_to_that_office()
    {
        var consent = ShareConsent(Tapachula);
        var @case = CaseWith(consent);
        var referral = Sent(@case).Referral;
        var after = @case.WithdrawConsent(consent.Id, ConsentChannel.Chat, "client", Now.AddDays(1)).Value!;

        Assert.True(ConsentGate.MustRevoke(after, after.Consents[0], referral));
    }

    [Fact]
    public void Withdrawal_spares_referrals_another_consent_still_covers_other_offices_and_ended_ones()
    {
        var named = ShareConsent(Tapachula);
        var any = ShareConsent(null);
        var @case = CaseWith(named, any);
        var referral = Sent(@case).Referral;

        var namedWithdrawn = @case.WithdrawConsent(named.Id, ConsentChannel.Chat, "client", Now).Value!;
        Assert.False(ConsentGate.MustRevoke(namedWithdrawn, namedWithdrawn.Consents[0], referral));

        var juarezOnly = CaseWith(ShareConsent(Juarez), any);
        var juarezWithdrawn = juarezOnly.WithdrawConsent(juarezOnly.Consents[0].Id, ConsentChannel.Chat, "client", Now).Value!;
        Assert.False(ConsentGate.MustRevoke(juarezWithdrawn, juarezWithdrawn.Consents[0], Sent(juarezOnly).Referral));

        var both = namedWithdrawn.WithdrawConsent(any.Id, ConsentChannel.Chat, "client", Now).Value!;
        Assert.True(ConsentGate.MustRevoke(both, both.Consents[1], referral));
        Assert.False(ConsentGate.MustRevoke(both, both.Consents[1], referral with { Status = ReferralStatus.Completed }));
        Assert.False(ConsentGate.MustRevoke(both, both.Consents[1], referral with { CaseId = Guid.NewGuid() }));
    }

    [Fact]
    public void Withdrawal_of_any_office_consent_revokes_an_overridden_referral_too()
    {
        var any = ShareConsent(null) with { Given = true };
        var overridden = ReferralSending.Send(
            ReferralId, SendStepId, CaseWith(), Request("Urgent."), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, SendingSupervisor, Now).Value!.Referral;
        var after = CaseWith(any) with { Id = overridden.CaseId!.Value };
        after = after.WithdrawConsent(any.Id, ConsentChannel.Chat, "client", Now).Value!;

        Assert.True(ConsentGate.MustRevoke(after, after.Consents[0], overridden));
    }
}
