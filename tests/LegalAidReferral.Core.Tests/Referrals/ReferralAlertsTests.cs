using LegalAidReferral.Core.Referrals;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>Which missed-deadline alerts a copy has open at an instant (sent Tuesday 1 December 2026 to Tapachula; acknowledge due 4 December 06:00 UTC, decide 9 December 06:00 UTC).</summary>
public class ReferralAlertsTests
{
    [Fact]
    public void Nothing_is_open_before_the_first_due_time()
    {
        Assert.Empty(ReferralAlerts.OpenAt(Sent().Referral, Utc("2026-12-04T05:59:59")));
    }

    [Fact]
    public void A_missed_deadline_opens_one_alert_for_each_office_on_its_own_copy()
    {
        var sent = Sent();

        var sending = Assert.Single(ReferralAlerts.OpenAt(sent.Referral, Utc("2026-12-04T06:00")));
        var receiving = Assert.Single(ReferralAlerts.OpenAt(ReceivingCopy(sent), Utc("2026-12-04T06:00")));

        Assert.Equal((Guatemala, DeadlineKind.Acknowledge, 1, Utc("2026-12-04T06:00")), (sending.OfficeId, sending.Deadline, sending.Occurrence, sending.DueAt));
        Assert.Equal((Tapachula, ReferralId), (receiving.OfficeId, receiving.ReferralId));
        Assert.NotEqual(sending.Id, receiving.Id);
    }

    [Fact]
    public void The_sending_offices_alert_names_its_own_case_and_the_receiving_offices_only_the_sending_office()
    {
        var sent = Sent();
        var sending = Assert.Single(ReferralAlerts.OpenAt(sent.Referral, Utc("2026-12-04T06:00")));
        var receiving = Assert.Single(ReferralAlerts.OpenAt(ReceivingCopy(sent), Utc("2026-12-04T06:00")));

        Assert.Equal((Tapachula, sent.Referral.CaseId, "GT-2026-000001"), (sending.OtherOfficeId, sending.CaseId, sending.CaseReference));
        Assert.Equal((Guatemala, null, null), (receiving.OtherOfficeId, receiving.CaseId, receiving.CaseReference));
    }

    [Fact]
    public void The_same_missed_deadline_is_the_same_alert_at_every_sweep()
    {
        var referral = Sent().Referral;

        var first = ReferralAlerts.OpenAt(referral, Utc("2026-12-04T06:00"));
        var later = ReferralAlerts.OpenAt(referral, Utc("2026-12-09T07:00"));

        Assert.Equal(first[0], later[0]);
        Assert.Equal([DeadlineKind.Acknowledge, DeadlineKind.Decide], later.Select(a => a.Deadline));
        Assert.Equal(8, (later[0].Id.ToByteArray(bigEndian: true)[6] >> 4));
    }

    [Fact]
    public void A_step_done_late_clears_its_alert_and_keeps_the_others()
    {
        var acknowledged = ReceivingCopy(Sent()).Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-05T10:00")).Referral;

        var open = ReferralAlerts.OpenAt(acknowledged, Utc("2026-12-10T00:00"));

        Assert.Equal([DeadlineKind.Decide], open.Select(a => a.Deadline));
    }

    [Fact]
    public void A_final_step_clears_every_alert()
    {
        var revoked = Sent().Referral.Take(ReferralAction.Revoke, SendingDefender, Utc("2026-12-10T00:00"), Details(ReferralAction.Revoke)).Referral;

        Assert.Empty(ReferralAlerts.OpenAt(revoked, Utc("2026-12-11T00:00")));
    }

    [Fact]
    public void An_outcome_report_not_made_opens_one_alert_per_missed_report_until_the_outcome()
    {
        var accepted = ReceivingCopy(Sent())
            .Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-01T16:00")).Referral
            .Take(ReferralAction.Accept, ReceivingDefender, Utc("2026-12-02T15:00")).Referral
            .Take(ReferralAction.Assign, ReceivingSupervisor, Utc("2026-12-02T16:00"), Details(ReferralAction.Assign)).Referral
            .Take(ReferralAction.FirstContact, ReceivingDefender, Utc("2026-12-03T16:00")).Referral;

        var open = ReferralAlerts.OpenAt(accepted, Utc("2027-02-01T06:00"));
        Assert.Equal(
            [(DeadlineKind.OutcomeReport, 1, Utc("2027-01-02T06:00")), (DeadlineKind.OutcomeReport, 2, Utc("2027-02-01T06:00"))],
            open.Select(a => (a.Deadline, a.Occurrence, a.DueAt)));

        var completed = accepted.Take(ReferralAction.Outcome, ReceivingDefender, Utc("2027-02-02T00:00"), Details(ReferralAction.Outcome)).Referral;
        Assert.Empty(ReferralAlerts.OpenAt(completed, Utc("2027-06-01T00:00")));
    }
}
