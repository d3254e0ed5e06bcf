using LegalAidReferral.Core.Referrals;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>The rule a copy follows for steps the other office took: duplicates, out of order, revoke races.</summary>
public class ReferralExchangeTests
{
    private static readonly DateTimeOffset T1 = Utc("2026-12-01T16:00");
    private static readonly DateTimeOffset T2 = Utc("2026-12-02T16:00");
    private static readonly DateTimeOffset T3 = Utc("2026-12-03T16:00");

    [Fact]
    public void A_delivery_received_twice_is_a_duplicate()
    {
        var sent = Sent();
        var copy = ReceivingCopy(sent);

        Assert.Equal(ReceiptKind.Duplicate, ReferralExchange.Receive(copy, sent.Delivery, T1).Kind);
    }

    [Fact]
    public void A_delivery_with_an_id_held_by_another_referral_is_rejected()
    {
        var sent = Sent();
        var copy = ReceivingCopy(sent);
        var clash = sent.Delivery with { Sent = sent.Delivery.Sent with { Id = Guid.NewGuid() } };

        Assert.Equal(ReceiptKind.Rejected, ReferralExchange.Receive(copy, clash, T1).Kind);
    }

    [Fact]
    public void A_step_received_twice_changes_nothing_the_second_time()
    {
        var sent = Sent();
        var acknowledged = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, T1);
        var once = ReferralExchange.Receive(sent.Referral, acknowledged.Step, T1).Referral!;

        var twice = ReferralExchange.Receive(once, acknowledged.Step, T2);

        Assert.Equal(ReceiptKind.Duplicate, twice.Kind);
        Assert.Null(twice.Referral);
    }

    [Fact]
    public void An_accept_that_arrives_before_the_acknowledgement_waits_and_both_then_apply_in_order()
    {
        var sent = Sent();
        var acknowledged = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, T1);
        var accepted = acknowledged.Referral.Take(ReferralAction.Accept, ReceivingDefender, T2);

        var early = ReferralExchange.Receive(sent.Referral, accepted.Step, T2);
        Assert.Equal(ReceiptKind.NotYetApplicable, early.Kind);
        Assert.Null(early.Referral);

        var afterAck = ReferralExchange.Receive(sent.Referral, acknowledged.Step, T3).Referral!;
        var afterAccept = ReferralExchange.Receive(afterAck, accepted.Step, T3);
        Assert.Equal(ReceiptKind.Applied, afterAccept.Kind);
        Assert.Equal(ReferralStatus.Accepted, afterAccept.Referral!.Status);
        Assert.Equal(accepted.Referral.Deadlines, afterAccept.Referral.Deadlines);
    }

    [Fact]
    public void A_step_for_a_referral_not_held_yet_waits_for_its_delivery()
    {
        var sent = Sent();
        var revoke = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, T1, Details(ReferralAction.Revoke));

        Assert.Equal(ReceiptKind.NotYetApplicable, ReferralExchange.Receive(null, revoke.Step, T1).Kind);
    }

    [Fact]
    public void A_revoke_wins_over_receiving_steps_taken_at_the_same_time_on_both_copies()
    {
        var sent = Sent();
        var receiving = ReceivingCopy(sent)
            .Take(ReferralAction.Acknowledge, ReceivingDefender, T1).Referral
            .Take(ReferralAction.Accept, ReceivingDefender, T2).Referral;
        var acknowledge = receiving.Steps[1];
        var accept = receiving.Steps[2];

        // The sending office revokes before either step reached it.
        var revoke = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, T2, Details(ReferralAction.Revoke));

        var atReceiver = ReferralExchange.Receive(receiving, revoke.Step, T3);
        Assert.Equal(ReceiptKind.Applied, atReceiver.Kind);
        Assert.Equal(ReferralStatus.Revoked, atReceiver.Referral!.Status);
        Assert.All(atReceiver.Referral.Deadlines.Where(d => d.MetAt is null), d => Assert.Equal(T2, d.CancelledAt));

        var sending = revoke.Referral;
        foreach (var step in new[] { acknowledge, accept })
        {
            var receipt = ReferralExchange.Receive(sending, step, T3);
            Assert.Equal(ReceiptKind.Superseded, receipt.Kind);
            sending = receipt.Referral!;
        }

        Assert.Equal(ReferralStatus.Revoked, sending.Status);
        Assert.Equal([acknowledge.Id, accept.Id], sending.Superseded.Select(s => s.Id));
        Assert.Equal(4L, sending.Version);
        Assert.Equal(ReceiptKind.Duplicate, ReferralExchange.Receive(sending, accept, T3).Kind);
    }

    [Theory]
    [InlineData(ReferralStatus.Declined)]
    [InlineData(ReferralStatus.Completed)]
    public void A_revoke_reaching_a_declined_or_completed_receiving_copy_still_ends_it_revoked(ReferralStatus status)
    {
        var sent = Sent();
        var receiving = ReceivingCopy(sent) with { Status = status };
        var revoke = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, T1, Details(ReferralAction.Revoke));

        var receipt = ReferralExchange.Receive(receiving, revoke.Step, T2);

        Assert.Equal((ReceiptKind.Applied, ReferralStatus.Revoked), (receipt.Kind, receipt.Referral!.Status));
    }

    [Fact]
    public void A_send_step_outside_a_delivery_is_rejected()
    {
        var sent = Sent();

        Assert.Equal(ReceiptKind.Rejected, ReferralExchange.Receive(ReceivingCopy(sent), sent.Step with { Id = Guid.NewGuid() }, T1).Kind);
    }

    [Fact]
    public void A_copy_rejects_a_step_its_own_office_would_have_taken()
    {
        var sent = Sent();
        var ownRevoke = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, T1, Details(ReferralAction.Revoke));

        Assert.Equal(ReceiptKind.Rejected, ReferralExchange.Receive(sent.Referral, ownRevoke.Step, T1).Kind);
    }

    [Fact]
    public void A_step_from_a_status_the_copy_has_left_for_good_is_rejected()
    {
        var sent = Sent();
        var acknowledged = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, T1);
        var declinedSending = sent.Referral with { Status = ReferralStatus.Declined };
        var accept = acknowledged.Referral.Take(ReferralAction.Accept, ReceivingDefender, T2).Step;

        var receipt = ReferralExchange.Receive(declinedSending, accept, T2);

        Assert.Equal(ReceiptKind.Rejected, receipt.Kind);
        Assert.NotNull(receipt.Detail);
    }

    [Fact]
    public void A_step_whose_status_does_not_follow_the_table_is_rejected()
    {
        var sent = Sent();
        var acknowledge = ReceivingCopy(sent).Take(ReferralAction.Acknowledge, ReceivingDefender, T1).Step;

        var forged = acknowledge with { To = ReferralStatus.Completed };

        Assert.Equal(ReceiptKind.Rejected, ReferralExchange.Receive(sent.Referral, forged, T1).Kind);
    }
}
