using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>The thread in the referral store: kept in the copy's document, a received message and its receipt back saved in one write.</summary>
public sealed class SqliteReferralStoreTests : TempDatabase
{
    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";
    private const string Text = "Llame a la clienta después de las 18:00.";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_received_message_is_stored_with_its_receipt_in_the_outbox_once_however_often_it_arrives()
    {
        var store = new SqliteReferralStore(Database);
        var receiving = Copy(ReferralCopy.Receiving);
        Assert.True(await store.TryCreateAsync(receiving, [], [], default));
        var sending = ReferralThread.Post(Copy(ReferralCopy.Sending), new StaffCaller("gt-defender", Guatemala, new HashSet<Role> { Role.Defender }), Guid.NewGuid(), Text, Now).Value!;
        var message = ReferralMessages.Of(sending.Referral, sending.Message);
        Assert.True(ReferralMessages.TryReadPosted(message, out var posted));

        var receipt = ReferralThread.Receive(receiving, posted, Guid.NewGuid(), Now.AddSeconds(5));
        var first = await store.TryReceiveAsync(receipt.Referral!, receiving.Version, message.Id, receipt.Sends, [], default);
        var again = await store.TryReceiveAsync(receipt.Referral!, receipt.Referral!.Version, message.Id, receipt.Sends, [], default);

        Assert.Equal((true, false), (first, again));
        var stored = await store.FindAsync(Tapachula, receiving.Id, default);
        Assert.Equal(receipt.Referral.Thread, stored!.Thread);
        Assert.Equal(Text, Assert.Single(stored.Thread).Text);
        var pending = await new SqliteOutbox(Database).PendingAsync(10, default);
        Assert.Equal(receipt.Sends, pending);
    }

    [Fact]
    public async Task A_copy_stored_before_threads_existed_reads_with_an_empty_thread()
    {
        var store = new SqliteReferralStore(Database);
        var copy = Copy(ReferralCopy.Sending);
        Assert.True(await store.TryCreateAsync(copy, [], [], default));
        await Database.WriteAsync(
            write =>
            {
                var command = write.Command("UPDATE referrals SET document = json_remove(document, '$.thread');");
                return command.ExecuteNonQuery();
            },
            default);

        Assert.Empty((await store.FindAsync(Guatemala, copy.Id, default))!.Thread);
    }

    private static Referral Copy(ReferralCopy copy) => new()
    {
        Id = Guid.Parse("6a1d0c3e-2b8f-4d5a-9e7c-1f3b5d7a9c01"),
        Copy = copy,
        FromOfficeId = Guatemala,
        ToOfficeId = Tapachula,
        FromCountry = "GT",
        ToCountry = "MX",
        CaseId = copy == ReferralCopy.Sending ? Guid.Parse("6a1d0c3e-2b8f-4d5a-9e7c-1f3b5d7a9c02") : null,
        Kind = ReferralKind.Representation,
        Priority = Priority.Normal,
        Reason = "The client moved to Tapachula",
        SharedFields = ["client.fullName"],
        Consent = new ConsentBasis(Guid.NewGuid(), null),
        Categories = new ReferralCategories(GenderCategory.NotStated, AgeBand.NotStated, []),
        Status = ReferralStatus.Sent,
        Steps = [new ReferralStep(Guid.NewGuid(), ReferralAction.Send, ReferralSide.SendingOffice, null, ReferralStatus.Sent, Now, "gt-defender", null, null, null, null, null, null, [])],
        Deadlines = [],
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };
}
