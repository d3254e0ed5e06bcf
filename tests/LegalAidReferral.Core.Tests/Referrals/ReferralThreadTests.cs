using System.Text;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using static LegalAidReferral.Core.Tests.Referrals.ReferralLifecycleTests;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>The thread rules: who posts where and when, delivery once with a receipt, withdrawal, paging.</summary>
public class ReferralThreadTests
{
    private const string Text = "La clienta prefiere llamadas después de las 18:00, al +502 5559 8877.";
    private static readonly DateTimeOffset T1 = Utc("2026-12-01T16:00");
    private static readonly DateTimeOffset T2 = Utc("2026-12-02T16:00");
    private static readonly DateTimeOffset T3 = Utc("2026-12-03T16:00");

    [Fact]
    public void Staff_of_either_office_post_on_their_own_copy_as_themselves()
    {
        var sent = Sent();

        var fromSender = Posted(sent.Referral, SendingDefender, T1);
        var fromReceiver = Posted(ReceivingCopy(sent), ReceivingSupervisor, T1);

        Assert.Equal((Guatemala, "gt-defender", Text), (fromSender.Message.FromOfficeId, fromSender.Message.AuthorId, fromSender.Message.Text));
        Assert.Equal((Tapachula, "mx-supervisor"), (fromReceiver.Message.FromOfficeId, fromReceiver.Message.AuthorId));
        Assert.Equal(sent.Referral.Version + 1, fromSender.Referral.Version);
        Assert.Equal([fromSender.Message], fromSender.Referral.Thread);
        Assert.Equal((T1, (DateTimeOffset?)null, (DateTimeOffset?)null), (fromSender.Message.At, fromSender.Message.DeliveredAt, fromSender.Message.ReceivedAt));
    }

    [Fact]
    public void Staff_of_a_third_office_the_system_or_the_other_office_on_this_copy_find_no_referral()
    {
        var copy = Sent().Referral;

        foreach (var caller in new Identity.Caller[] { Staff(Juarez, "juarez-defender", Identity.Role.Defender), SendingSystem, ReceivingDefender })
        {
            Assert.Equal(FailureKind.NotFound, ReferralThread.Post(copy, caller, Guid.NewGuid(), Text, T1).Failure!.Kind);
        }
    }

    [Theory]
    [InlineData(ReferralStatus.Sent, true)]
    [InlineData(ReferralStatus.Acknowledged, true)]
    [InlineData(ReferralStatus.Accepted, true)]
    [InlineData(ReferralStatus.Declined, true)]
    [InlineData(ReferralStatus.Assigned, true)]
    [InlineData(ReferralStatus.InProgress, true)]
    [InlineData(ReferralStatus.Completed, true)]
    [InlineData(ReferralStatus.Closed, false)]
    [InlineData(ReferralStatus.Revoked, false)]
    public void Posting_is_open_until_the_referral_is_closed_or_revoked(ReferralStatus status, bool allowed)
    {
        foreach (var (copy, caller) in new[] { (ReferralCopy.Sending, SendingDefender), (ReferralCopy.Receiving, ReceivingDefender) })
        {
            var result = ReferralThread.Post(InStatus(status, copy), caller, Guid.NewGuid(), Text, T1);

            Assert.Equal(allowed, result.IsSuccess);
            Assert.Equal(allowed ? null : FailureKind.InvalidTransition, result.Failure?.Kind);
        }
    }

    [Fact]
    public void A_full_thread_refuses_another_post()
    {
        var copy = Sent().Referral;
        for (var i = 0; i < ReferralThread.MaxMessages; i++)
        {
            copy = Posted(copy, SendingDefender, T1.AddMinutes(i)).Referral;
        }

        var refused = ReferralThread.Post(copy, SendingDefender, Guid.NewGuid(), Text, T2);

        Assert.Equal(FailureKind.Conflict, refused.Failure!.Kind);
    }

    [Fact]
    public void A_posted_message_is_stored_once_on_the_other_copy_and_its_receipt_marks_it_delivered_once()
    {
        var sent = Sent();
        var post = Posted(sent.Referral, SendingDefender, T1);
        var posted = Carried(post);

        var received = ReferralThread.Receive(ReceivingCopy(sent), posted, Guid.NewGuid(), T2);
        var again = ReferralThread.Receive(received.Referral, posted, Guid.NewGuid(), T3);

        Assert.Equal((ReceiptKind.Applied, ReceiptKind.Duplicate), (received.Kind, again.Kind));
        Assert.Empty(again.Sends);
        var stored = Assert.Single(received.Referral!.Thread);
        Assert.Equal((post.Message.Id, Guatemala, "gt-defender", T1, Text, T2), (stored.Id, stored.FromOfficeId, stored.AuthorId, stored.At, stored.Text, stored.ReceivedAt));
        var back = Assert.Single(received.Sends);
        Assert.Equal((ReferralMessages.ReceiptSubject, Tapachula, Guatemala), (back.Subject, back.FromOfficeId, back.ToOfficeId));
        Assert.DoesNotContain("18:00", back.Body, StringComparison.Ordinal);

        Assert.True(ReferralMessages.TryReadReceipt(back, out var receipt));
        var delivered = ReferralThread.Confirm(post.Referral, receipt, T2);
        var twice = ReferralThread.Confirm(delivered.Referral, receipt, T3);
        Assert.Equal((ReceiptKind.Applied, ReceiptKind.Duplicate), (delivered.Kind, twice.Kind));
        Assert.Equal(T2, Assert.Single(delivered.Referral!.Thread).DeliveredAt);
    }

    [Fact]
    public void A_message_that_arrives_before_its_referral_waits_and_a_foreign_one_is_rejected()
    {
        var sent = Sent();
        var posted = Carried(Posted(sent.Referral, SendingDefender, T1));

        Assert.Equal(ReceiptKind.NotYetApplicable, ReferralThread.Receive(null, posted, Guid.NewGuid(), T1).Kind);
        Assert.Equal(ReceiptKind.Rejected, ReferralThread.Receive(sent.Referral, posted, Guid.NewGuid(), T1).Kind);
        Assert.Equal(ReceiptKind.Rejected, ReferralThread.Receive(ReceivingCopy(sent), posted with { ReferralId = Guid.NewGuid() }, Guid.NewGuid(), T1).Kind);
        Assert.Equal(ReceiptKind.Rejected, ReferralThread.Confirm(ReceivingCopy(sent), new MessageReceipt(sent.Referral.Id, posted.Id, T1), T1).Kind);
    }

    [Theory]
    [InlineData("too-long")]
    [InlineData("control")]
    [InlineData("blank")]
    [InlineData("author")]
    public void A_received_message_a_post_here_would_have_refused_is_rejected_and_stores_nothing(string breach)
    {
        var sent = Sent();
        var posted = Carried(Posted(sent.Referral, SendingDefender, T1));
        var broken = breach switch
        {
            "too-long" => posted with { Text = new string('a', ReferralThread.MaxText + 1) },
            "control" => posted with { Text = "hola\u0007" },
            "blank" => posted with { Text = "   " },
            _ => posted with { AuthorId = new string('x', 5000) },
        };

        var received = ReferralThread.Receive(ReceivingCopy(sent), broken, Guid.NewGuid(), T2);

        Assert.Equal(ReceiptKind.Rejected, received.Kind);
        Assert.Null(received.Referral);
        Assert.Empty(received.Sends);
    }

    [Fact]
    public void The_other_office_gets_no_more_than_its_share_of_a_copy_however_many_messages_it_sends()
    {
        var sent = Sent();
        var copy = ReceivingCopy(sent);
        for (var i = 0; i < ReferralThread.MaxMessages; i++)
        {
            copy = ReferralThread.Receive(copy, Carried(Posted(sent.Referral, SendingDefender, T1.AddMinutes(i))), Guid.NewGuid(), T2).Referral!;
        }

        var extra = ReferralThread.Receive(copy, Carried(Posted(sent.Referral, SendingDefender, T3)), Guid.NewGuid(), T3);

        Assert.Equal(ReceiptKind.Rejected, extra.Kind);
        Assert.Equal(ReferralThread.MaxMessages, copy.Thread.Count);
    }

    [Fact]
    public void Texts_are_bounded_in_bytes_per_office_so_a_copy_with_both_offices_threads_stays_under_two_megabytes()
    {
        var sent = Sent();
        var wide = new string('語', ReferralThread.MaxText);
        var own = sent.Referral;
        var theirs = ReceivingCopy(sent);
        var posts = 0;
        while (ReferralThread.Post(own, SendingDefender, Guid.NewGuid(), wide, T1.AddMinutes(posts)) is { IsSuccess: true } post)
        {
            own = post.Value.Referral;
            theirs = ReferralThread.Receive(theirs, Carried(post.Value), Guid.NewGuid(), T2).Referral!;
            posts++;
        }

        var refused = ReferralThread.Post(own, SendingDefender, Guid.NewGuid(), wide, T3);
        var forged = Carried(Posted(sent.Referral, SendingDefender, T3)) with { Text = wide };

        Assert.Equal(FailureKind.Conflict, refused.Failure!.Kind);
        Assert.InRange(posts, 1, ReferralThread.MaxMessages - 1);
        Assert.Equal(posts, theirs.Thread.Count);
        Assert.Equal(ReceiptKind.Rejected, ReferralThread.Receive(theirs, forged, Guid.NewGuid(), T3).Kind);
    }

    [Fact]
    public void A_message_posted_before_a_revoke_is_still_stored_when_it_arrives_after_it()
    {
        var sent = Sent();
        var posted = Carried(Posted(ReceivingCopy(sent), ReceivingDefender, T1));
        var revoked = sent.Referral.Take(ReferralAction.Revoke, SendingDefender, T1, Details(ReferralAction.Revoke)).Referral;

        var received = ReferralThread.Receive(revoked, posted, Guid.NewGuid(), T2);

        Assert.Equal(ReceiptKind.Applied, received.Kind);
        Assert.Equal(Text, Assert.Single(received.Referral!.Thread).Text);
    }

    [Fact]
    public void A_withdrawn_consent_blanks_every_text_of_the_receiving_copy_and_texts_that_arrive_later()
    {
        var sent = Sent();
        var own = Posted(ReceivingCopy(sent), ReceivingDefender, T1).Referral;
        var theirs = ReferralThread.Receive(own, Carried(Posted(sent.Referral, SendingDefender, T1)), Guid.NewGuid(), T1).Referral!;
        var revoke = sent.Referral.RevokeForWithdrawnConsent(SendingSystem, Guid.NewGuid(), T2).Value!;
        var late = Carried(Posted(sent.Referral, SendingSupervisor, T1.AddMinutes(1)));

        var withdrawn = ReferralExchange.Receive(theirs, revoke.Step, T2).Referral!;
        var afterwards = ReferralThread.Receive(withdrawn, late, Guid.NewGuid(), T3).Referral!;

        Assert.Equal(3, afterwards.Thread.Count);
        Assert.All(afterwards.Thread, m => Assert.Null(m.Text));
        Assert.All(afterwards.Thread, m => Assert.Equal(T2, m.TextWithdrawnAt));
        Assert.Equal(Text, Assert.Single(Posted(sent.Referral, SendingDefender, T1).Referral.RevokeForWithdrawnConsent(SendingSystem, Guid.NewGuid(), T2).Value!.Referral.Thread).Text);
    }

    [Fact]
    public void The_thread_reads_oldest_first_in_pages_whatever_the_order_of_arrival()
    {
        var sent = Sent();
        var later = Posted(ReceivingCopy(sent), ReceivingDefender, T3);
        var earlier = Carried(Posted(sent.Referral, SendingDefender, T1));
        var copy = ReferralThread.Receive(later.Referral, earlier, Guid.NewGuid(), T3).Referral!;
        copy = Posted(copy, ReceivingDefender, T3.AddHours(1)).Referral;

        var first = ReferralThread.Read(copy, new PageRequest(2, null));
        var second = ReferralThread.Read(copy, new PageRequest(2, first.ContinuationToken));

        Assert.Equal([T1, T3], first.Items.Select(m => m.At));
        Assert.Equal([T3.AddHours(1)], second.Items.Select(m => m.At));
        Assert.Null(second.ContinuationToken);
        Assert.Throws<InvalidContinuationTokenException>(() => ReferralThread.Read(copy, new PageRequest(2, "bm90LWEtcG9zaXRpb24")));
    }

    [Fact]
    public void A_post_sends_only_its_message_to_the_other_office_and_no_step_event_ever_carries_a_thread_text()
    {
        var sent = Sent();
        var post = Posted(sent.Referral, SendingDefender, T1);
        var message = ReferralMessages.Of(post.Referral, post.Message);
        var keys = new Pseudonyms(Encoding.ASCII.GetBytes("a deployment secret of 32 bytes!"));

        var revoke = post.Referral.Take(ReferralAction.Revoke, SendingDefender, T2, Details(ReferralAction.Revoke));
        var events = ReferralMessages.Of(revoke.Referral, revoke.Step, null, keys).Where(m => m.Topic == Topics.ProtocolEvents);

        Assert.Equal((Topics.Referrals, ReferralMessages.PostedSubject, Tapachula, post.Message.Id), (message.Topic, message.Subject, message.ToOfficeId, message.Id));
        Assert.All(events, e => Assert.DoesNotContain("18:00", e.Body, StringComparison.Ordinal));
    }

    private static ThreadPost Posted(Referral copy, Identity.Caller caller, DateTimeOffset at)
    {
        var result = ReferralThread.Post(copy, caller, Guid.CreateVersion7(at), Text, at);
        Assert.True(result.IsSuccess, result.Failure?.Detail);
        return result.Value;
    }

    private static PostedMessage Carried(ThreadPost post)
    {
        Assert.True(ReferralMessages.TryReadPosted(ReferralMessages.Of(post.Referral, post.Message), out var posted));
        return posted;
    }
}
