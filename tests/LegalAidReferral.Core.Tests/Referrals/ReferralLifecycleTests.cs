using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>
/// A referral from Guatemala City to Tapachula (Mexico City time, UTC-6, default settings), sent on
/// Tuesday 1 December 2026 at 09:00 local, taken step by step on the receiving copy and mirrored on
/// the sending copy through the exchange rule. Due instants are pinned.
/// </summary>
public class ReferralLifecycleTests
{
    private static readonly DateTimeOffset Acknowledged = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Accepted = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Assigned = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstContact = new(2026, 12, 8, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Completed = new(2026, 12, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sending_records_the_first_step_and_the_receiving_office_deadlines()
    {
        var sent = Sent();

        var step = Assert.Single(sent.Referral.Steps);
        Assert.Equal((ReferralAction.Send, ReferralSide.SendingOffice, (ReferralStatus?)null, ReferralStatus.Sent), (step.Action, step.Side, step.From, step.To));
        Assert.Equal(("gt-defender", Now), (step.By, step.At));
        Assert.Equal(
            [(DeadlineKind.Acknowledge, Utc("2026-12-04T06:00")), (DeadlineKind.Decide, Utc("2026-12-09T06:00"))],
            sent.Referral.Deadlines.Select(d => (d.Kind, d.DueAt)));
        Assert.Equal(sent.Referral.Deadlines, step.Starts);
        Assert.Equal((1L, ReferralStatus.Sent, Priority.Normal), (sent.Referral.Version, sent.Referral.Status, sent.Referral.Priority));
        Assert.Equal(("GT", "MX"), (sent.Referral.FromCountry, sent.Referral.ToCountry));
    }

    [Fact]
    public void The_whole_path_records_who_when_note_and_due_times_and_both_copies_agree()
    {
        var sent = Sent();
        var sending = sent.Referral;
        var receiving = ReceivingCopy(sent);

        foreach (var (action, caller, at, details) in new (ReferralAction, StaffCaller, DateTimeOffset, ReferralActionDetails)[]
        {
            (ReferralAction.Acknowledge, ReceivingDefender, Acknowledged, new("Received, reviewing.", null, null, null)),
            (ReferralAction.Accept, ReceivingDefender, Accepted, new(null, null, null, null)),
            (ReferralAction.Assign, ReceivingSupervisor, Assigned, new(null, null, "mx-defender-7", null)),
            (ReferralAction.FirstContact, ReceivingDefender, FirstContact, new(null, null, null, null)),
            (ReferralAction.Outcome, ReceivingDefender, Completed, new(null, null, null, new ReferralOutcome(false, "services-no-longer-needed"))),
        })
        {
            var change = receiving.Take(action, caller, at, details);
            receiving = change.Referral;
            var receipt = ReferralExchange.Receive(sending, change.Step, at.AddMinutes(1));
            Assert.Equal(ReceiptKind.Applied, receipt.Kind);
            sending = receipt.Referral!;
        }

        var closed = sending.Take(ReferralAction.Close, SendingDefender, Completed.AddDays(1));
        receiving = ReferralExchange.Receive(receiving, closed.Step, Completed.AddDays(1)).Referral!;
        sending = closed.Referral;

        Assert.Equal(ReferralStatus.Closed, sending.Status);
        Assert.Equal(sending.Steps, receiving.Steps);
        Assert.Equal(sending.Deadlines, receiving.Deadlines);
        Assert.Equal((7L, 7L), (sending.Version, receiving.Version));
        Assert.Equal("mx-defender-7", receiving.AssignedDefenderId);
        Assert.Equal(new ReferralOutcome(false, "services-no-longer-needed"), sending.Outcome);

        Assert.Equal(
            new (ReferralAction, string, ReferralStatus, DateTimeOffset?, bool?)[]
            {
                (ReferralAction.Send, "gt-defender", ReferralStatus.Sent, null, null),
                (ReferralAction.Acknowledge, "mx-defender", ReferralStatus.Acknowledged, Utc("2026-12-04T06:00"), true),
                (ReferralAction.Accept, "mx-defender", ReferralStatus.Accepted, Utc("2026-12-09T06:00"), true),
                (ReferralAction.Assign, "mx-supervisor", ReferralStatus.Assigned, null, null),
                (ReferralAction.FirstContact, "mx-defender", ReferralStatus.InProgress, Utc("2026-12-08T06:00"), false),
                (ReferralAction.Outcome, "mx-defender", ReferralStatus.Completed, Utc("2027-01-02T06:00"), true),
                (ReferralAction.Close, "gt-defender", ReferralStatus.Closed, null, null),
            },
            sending.Steps.Select(s => (s.Action, s.By, s.To, s.DueAt, s.WithinDeadline)));
        Assert.Equal("Received, reviewing.", sending.Steps[1].Note);

        Assert.Equal(
            new (DeadlineKind, DateTimeOffset, DateTimeOffset?)[]
            {
                (DeadlineKind.Acknowledge, Utc("2026-12-04T06:00"), Acknowledged),
                (DeadlineKind.Decide, Utc("2026-12-09T06:00"), Accepted),
                (DeadlineKind.FirstContact, Utc("2026-12-08T06:00"), FirstContact),
                (DeadlineKind.OutcomeReport, Utc("2027-01-02T06:00"), Completed),
            },
            sending.Deadlines.Select(d => (d.Kind, d.DueAt, d.MetAt)));
        Assert.Equal(30, sending.Deadlines[^1].RepeatEveryDays);
        Assert.All(sending.Deadlines, d => Assert.Null(d.CancelledAt));
    }

    [Fact]
    public void A_step_at_its_due_instant_is_late()
    {
        var receiving = ReceivingCopy(Sent());

        var late = receiving.Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-04T06:00"));
        var justInTime = receiving.Take(ReferralAction.Acknowledge, ReceivingDefender, Utc("2026-12-04T05:59:59"));

        Assert.False(late.Step.WithinDeadline);
        Assert.True(justInTime.Step.WithinDeadline);
    }

    [Fact]
    public void A_critical_referral_counts_hours_around_the_clock()
    {
        var critical = CaseWith(ShareConsent(Tapachula)) with { Priority = Priority.Critical };
        var sending = Sent(critical, at: Utc("2026-12-04T23:30")).Referral;

        Assert.Equal(Priority.Critical, sending.Priority);
        Assert.Equal([Utc("2026-12-05T23:30"), Utc("2026-12-06T23:30")], sending.Deadlines.Select(d => d.DueAt));
    }

    [Fact]
    public void A_decline_meets_the_decision_deadline_and_a_revoke_cancels_every_open_one()
    {
        var receiving = ReceivingCopy(Sent()).Take(ReferralAction.Acknowledge, ReceivingDefender, Acknowledged).Referral;
        var declined = receiving.Take(ReferralAction.Decline, ReceivingDefender, Accepted, new(null, "No capacity this month.", null, null, DeclineReason.NoCapacity));

        Assert.Equal(("No capacity this month.", DeclineReason.NoCapacity), (declined.Step.Reason, declined.Step.ReasonCode));
        Assert.Equal(Accepted, declined.Referral.Deadlines.Single(d => d.Kind == DeadlineKind.Decide).MetAt);

        var revoked = Sent().Referral.Take(ReferralAction.Revoke, SendingDefender, Acknowledged, new(null, "Client found another lawyer.", null, null)).Referral;
        Assert.All(revoked.Deadlines, d => Assert.Equal((null, Acknowledged), (d.MetAt, d.CancelledAt)));
    }

    [Fact]
    public void A_due_time_stored_on_the_referral_does_not_move_when_the_settings_change()
    {
        var receiving = ReceivingCopy(Sent()).Take(ReferralAction.Acknowledge, ReceivingDefender, Acknowledged).Referral;
        var tighter = ProtocolDefaults.For(Tapachula) with
        {
            Version = 2,
            Deadlines = ProtocolDefaults.For(Tapachula).Deadlines with { Decide = new BusinessDaysDeadline(1, 12) },
        };

        var accepted = receiving.Act(
            ReferralAction.Accept, Details(ReferralAction.Accept), ReceivingDefender, Guid.NewGuid(), Accepted,
            DeadlineCalculator.For(tighter, "America/Mexico_City")).Value!;

        Assert.Equal(Utc("2026-12-09T06:00"), accepted.Step.DueAt);
        Assert.True(accepted.Step.WithinDeadline);
    }

    [Fact]
    public void Consent_withdrawal_revokes_as_the_system_and_blanks_the_receiving_copy_but_keeps_its_shell()
    {
        var sent = Sent();
        var receiving = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, Acknowledged).Referral;
        var sending = ReferralExchange.Receive(sent.Referral, receiving.Steps[1], Acknowledged).Referral!;

        var revoked = sending.RevokeForWithdrawnConsent(SendingSystem, Guid.NewGuid(), Accepted);
        var receipt = ReferralExchange.Receive(receiving, revoked.Value!.Step, Accepted.AddMinutes(1));

        Assert.Equal(("system:consent-withdrawal", ReferralStep.ConsentWithdrawnReason, ReferralSide.System), (revoked.Value.Step.By, revoked.Value.Step.Reason, revoked.Value.Step.Side));
        var blanked = receipt.Referral!;
        Assert.Equal(ReferralStatus.Revoked, blanked.Status);
        Assert.Equal(Accepted, blanked.Package!.WithdrawnAt);
        Assert.Equal("{}", blanked.Package.Values.GetRawText());
        Assert.Equal(["client.fullName", "legalIssues"], blanked.Package.Fields);
        Assert.Equal(3, blanked.Steps.Count);
        Assert.Equal("Client moved to Tapachula", blanked.Reason);
    }

    [Fact]
    public void A_staff_revoke_leaves_the_shared_package_in_place()
    {
        var sent = Sent();
        var receiving = ReceivingCopy(sent);
        var revoked = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, Acknowledged, new(null, "Sent by mistake.", null, null));

        var after = ReferralExchange.Receive(receiving, revoked.Step, Acknowledged).Referral!;

        Assert.Null(after.Package!.WithdrawnAt);
        Assert.Equal(receiving.Package!.Values.GetRawText(), after.Package.Values.GetRawText());
    }

    [Fact]
    public void The_sending_copy_keeps_the_case_id_and_no_package_and_the_receiving_copy_the_reverse()
    {
        var sent = Sent();
        var receiving = ReceivingCopy(sent);

        Assert.Equal((ReferralCopy.Sending, Guatemala), (sent.Referral.Copy, sent.Referral.HolderOfficeId));
        Assert.NotNull(sent.Referral.CaseId);
        Assert.Null(sent.Referral.Package);
        Assert.Equal((ReferralCopy.Receiving, Tapachula), (receiving.Copy, receiving.HolderOfficeId));
        Assert.Null(receiving.CaseId);
        Assert.NotNull(receiving.Package);
        Assert.Equal(sent.Referral.Steps, receiving.Steps);
        Assert.Equal(sent.Referral.Deadlines, receiving.Deadlines);
    }

    internal static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture);
}
