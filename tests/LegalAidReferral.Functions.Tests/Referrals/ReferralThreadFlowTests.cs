using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Referrals;

/// <summary>The message thread of a referral between the two offices, through the same harness as the steps.</summary>
public sealed partial class ReferralFlowTests
{
    private const string Question = "¿Puede llamar a Rosalía al +502 5559 8877 antes de la audiencia?";
    private const string Answer = "Sí, la llamamos mañana por la tarde.";

    [Fact]
    public async Task Guatemala_writes_Tapachula_reads_and_replies_and_Guatemala_sees_the_reply_and_its_message_delivered()
    {
        var sent = await Send(await CaseWithConsentAsync(Tapachula), ["client.fullName"]);
        await RelayAsync();

        var question = await PostAsync(sent.Id, $"{Guatemala}-defender", Question);
        Assert.Equal(Question, question.Value!.Message.Text);
        await RelayAsync();
        var seen = Assert.Single(await ThreadAsync(sent.Id, $"{Tapachula}-defender"));
        Assert.Equal((question.Value.Message.Id, Guatemala, $"{Guatemala}-defender", Question), (seen.Id, seen.FromOfficeId, seen.AuthorId, seen.Text));
        Assert.NotNull(seen.ReceivedAt);

        clock.Advance(TimeSpan.FromMinutes(5));
        var answer = await PostAsync(sent.Id, $"{Tapachula}-supervisor", Answer);
        await RelayAsync();
        var thread = await ThreadAsync(sent.Id, $"{Guatemala}-supervisor");
        await RelayAsync(); // the receipt Guatemala sent back while the answer was relayed

        Assert.Equal([Question, Answer], thread.Select(m => m.Text));
        Assert.NotNull(thread[0].DeliveredAt);
        Assert.Equal((answer.Value!.Message.Id, Tapachula), (thread[1].Id, thread[1].FromOfficeId));
        Assert.NotNull((await ThreadAsync(sent.Id, $"{Tapachula}-defender"))[1].DeliveredAt);
        Assert.All(review.Bodies, m => Assert.DoesNotContain("+502", m.Body, StringComparison.Ordinal));
        var trail = harness.Provider.GetRequiredService<IAuditTrail>();
        var entries = (await trail.ListForCaseAsync(Guatemala, sent.CaseId!.Value, new PageRequest(100, null), default)).Items
            .Concat((await trail.ListForCaseAsync(Tapachula, sent.Id, new PageRequest(100, null), default)).Items)
            .ToArray();
        Assert.Contains(entries, e => e.Action == AuditAction.ReferralMessagePosted && e.OfficeId == Guatemala);
        Assert.Contains(entries, e => e.Action == AuditAction.ReferralMessagesRead && e.OfficeId == Tapachula);
        Assert.All(entries.SelectMany(e => e.Changes), c => Assert.DoesNotContain("+502", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thread_message_delivered_twice_is_stored_once()
    {
        var sent = await Send(await CaseWithConsentAsync(Tapachula), ["client.fullName"]);
        await RelayAsync();
        await PostAsync(sent.Id, $"{Guatemala}-defender", Question);
        var message = (await harness.Provider.GetRequiredService<IOutbox>().PendingAsync(10, default)).Single(m => m.Subject == ReferralMessages.PostedSubject);
        var exchange = harness.Provider.GetRequiredService<IMessagePublisher>();

        await exchange.PublishAsync(message, default);
        await exchange.PublishAsync(message, default);
        await RelayAsync();

        Assert.Single(await ThreadAsync(sent.Id, $"{Tapachula}-defender"));
        Assert.Single(await ThreadAsync(sent.Id, $"{Guatemala}-defender"));
        Assert.Equal(2, (await GetAsync(sent.Id, $"{Tapachula}-defender")).Version);
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_posts_once_and_a_revoked_referral_takes_no_more_messages()
    {
        var sent = await Send(await CaseWithConsentAsync(Tapachula), ["client.fullName"]);
        var first = await PostAsync(sent.Id, $"{Guatemala}-defender", Question, "key-1");
        var retry = await PostAsync(sent.Id, $"{Guatemala}-defender", Question, "key-1");
        Assert.True((await ActAsync(sent.Id, ReferralAction.Revoke, $"{Guatemala}-defender", new() { Reason = "Wrong office" })).IsSuccess);

        var refused = await PostAsync(sent.Id, $"{Guatemala}-defender", Answer);

        Assert.Equal((false, true), (first.Value!.Replayed, retry.Value!.Replayed));
        Assert.Equal(first.Value.Message.Id, retry.Value.Message.Id);
        Assert.Single(await ThreadAsync(sent.Id, $"{Guatemala}-defender"));
        Assert.Equal(FailureKind.InvalidTransition, refused.Failure!.Kind);
    }

    [Fact]
    public async Task A_third_office_can_neither_read_nor_write_the_thread()
    {
        var sent = await Send(await CaseWithConsentAsync(Tapachula), ["client.fullName"]);
        await RelayAsync();

        var posted = await PostAsync(sent.Id, "cl-dpp-santiago-defender", Question);
        var read = await harness.Provider.GetRequiredService<ListReferralMessages>().HandleAsync(
            sent.Id, new PageRequest(10, null), Call("cl-dpp-santiago-defender"), default);

        Assert.Equal((FailureKind.NotFound, FailureKind.NotFound), (posted.Failure!.Kind, read.Failure!.Kind));
    }

    private Task<Result<PostReferralMessage.Outcome>> PostAsync(Guid referralId, string user, string text, string? idempotencyKey = null) =>
        harness.Provider.GetRequiredService<PostReferralMessage>().HandleAsync(
            new PostReferralMessage.Command(referralId, new ReferralMessageInput { Text = text }, idempotencyKey, text), Call(user), default);

    private async Task<IReadOnlyList<ThreadMessage>> ThreadAsync(Guid referralId, string user)
    {
        var page = await harness.Provider.GetRequiredService<ListReferralMessages>().HandleAsync(referralId, new PageRequest(100, null), Call(user), default);
        Assert.True(page.IsSuccess, page.Failure?.Detail);
        return page.Value.Items;
    }
}
