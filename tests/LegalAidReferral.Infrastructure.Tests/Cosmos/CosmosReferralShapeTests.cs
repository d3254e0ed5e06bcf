using System.Text;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Tests.Contracts;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using Microsoft.Azure.Cosmos;
using static LegalAidReferral.Infrastructure.Tests.Contracts.TestReferrals;

namespace LegalAidReferral.Infrastructure.Tests.Cosmos;

/// <summary>
/// Referral documents are written in storage shape 2 (the thread beside the copy, so lists do not read
/// it) and copies stored in shape 1 (the thread inside the copy) still read, list and change.
/// </summary>
public sealed class CosmosReferralShapeTests
{
    private static readonly StaffCaller Poster = new("gt-defender", Guatemala, new HashSet<Role> { Role.Defender });

    [Fact]
    public async Task A_copy_is_written_with_its_thread_beside_the_copy_that_lists_select()
    {
        await using var storage = await TestStorage.CosmosAsync(seeded: true);
        var posted = ReferralThread.Post(Sending(), Poster, Guid.NewGuid(), "Texto del hilo", TestCases.Start.AddMinutes(1)).Value!;

        Assert.True(await storage.Referrals.TryCreateAsync(posted.Referral, [], [], default));

        var raw = await RawAsync(storage, posted.Referral);
        Assert.Equal(2, (int)raw["schema"]!);
        Assert.Empty(raw["referral"]!["thread"]!.AsArray());
        Assert.Equal(posted.Message.Id.ToString("D"), (string)raw["thread"]![0]!["id"]!);
    }

    [Fact]
    public async Task A_copy_stored_in_shape_1_reads_lists_and_is_rewritten_in_shape_2_when_it_changes()
    {
        await using var storage = await TestStorage.CosmosAsync(seeded: true);
        var posted = ReferralThread.Post(Sending(), Poster, Guid.NewGuid(), "Texto del hilo", TestCases.Start.AddMinutes(1)).Value!;
        Assert.True(await storage.Referrals.TryCreateAsync(posted.Referral, [], [], default));
        var old = await RawAsync(storage, posted.Referral);
        old["referral"]!["thread"] = old["thread"]!.DeepClone();
        old.Remove("thread");
        old["schema"] = 1;
        await WriteRawAsync(storage, posted.Referral, old);

        var found = await storage.Referrals.FindAsync(Guatemala, posted.Referral.Id, default);
        var listed = Assert.Single((await storage.Referrals.ListAsync(Guatemala, new ReferralQuery(ReferralDirection.Outgoing, null), new PageRequest(10, null), default)).Items);
        var replaced = await storage.Referrals.TryReplaceAsync(Next(found!, TestCases.Start.AddMinutes(2)), found!.Version, [], [], default);

        Assert.Equal(posted.Message.Id, Assert.Single(found.Thread).Id);
        Assert.Equal(posted.Referral.Id, listed.Id);
        Assert.True(replaced);
        var rewritten = await RawAsync(storage, posted.Referral);
        Assert.Equal(2, (int)rewritten["schema"]!);
        Assert.Equal(posted.Message.Id.ToString("D"), (string)rewritten["thread"]![0]!["id"]!);
        Assert.Equal(posted.Message.Id, Assert.Single((await storage.Referrals.FindAsync(Guatemala, posted.Referral.Id, default))!.Thread).Id);
    }

    private static async Task<JsonObject> RawAsync(TestStorage storage, Referral copy)
    {
        using var response = await storage.CosmosDatabase.Referrals.ReadItemStreamAsync(copy.Id.ToString("D"), new PartitionKey(copy.HolderOfficeId));
        response.EnsureSuccessStatusCode();
        return (await JsonNode.ParseAsync(response.Content))!.AsObject();
    }

    private static async Task WriteRawAsync(TestStorage storage, Referral copy, JsonObject document)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        using var response = await storage.CosmosDatabase.Referrals.UpsertItemStreamAsync(body, new PartitionKey(copy.HolderOfficeId));
        response.EnsureSuccessStatusCode();
    }
}
