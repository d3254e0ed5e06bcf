using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>The thread in the SQLite referral store: a copy stored before threads existed reads with an empty thread (the rest of the store is in the contract suite).</summary>
public sealed class SqliteReferralStoreTests : TempDatabase
{
    private const string Guatemala = "gt-idpp-guatemala";
    private const string Tapachula = "mx-ifdp-tapachula";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

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
