using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Conflicts.Parties;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>
/// Each hot path of the Cosmos DB adapters is a point read (id and partition key) or a query of one
/// partition, as the requests the client sends show. Query-plan requests are the gateway's metadata,
/// not data reads, and are left out.
/// </summary>
public sealed class CosmosHotPathTests : StorageContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync(seeded: true);

    [Fact]
    public async Task Reading_a_case_is_one_point_read()
    {
        var @case = await CreateCaseAsync();

        await Storage.Cases.FindAsync(Office, @case.Id, default);

        var request = Assert.Single(DataRequests());
        Assert.True(request.IsPointRead, request.ToString());
        Assert.Contains(Office, request.PartitionKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_and_searching_cases_query_one_partition()
    {
        await CreateCaseAsync();

        await Storage.Cases.ListAsync(Office, new CaseQuery(CaseStatus.Intake, null, "ana"), new PageRequest(10, null), default);

        AssertSinglePartitionQueries();
    }

    [Fact]
    public async Task Listing_incoming_referrals_queries_one_partition()
    {
        await Storage.Referrals.TryCreateAsync(TestReferrals.Receiving(), [], [], default);
        Storage.Requests!.Clear();

        await Storage.Referrals.ListAsync(TestReferrals.Tapachula, new ReferralQuery(ReferralDirection.Incoming, null), new PageRequest(10, null), default);

        AssertSinglePartitionQueries();
    }

    [Fact]
    public async Task Listing_alerts_queries_one_partition()
    {
        await Storage.Alerts.SyncAsync(Office, Guid.NewGuid(), [new MissedDeadlineAlert(Guid.NewGuid(), Office, Guid.NewGuid(), DeadlineKind.Acknowledge, 1, TestCases.Start)], TestCases.Start, default);
        Storage.Requests!.Clear();

        await Storage.Alerts.ListOpenAsync(Office, new PageRequest(10, null), default);

        AssertSinglePartitionQueries();
    }

    [Fact]
    public async Task A_conflict_search_queries_one_partition_twice()
    {
        await CreateCaseAsync();

        await Storage.Parties.SearchAsync(Office, Person("Ana Gomez"), Guid.Empty, default);

        Assert.Equal(2, AssertSinglePartitionQueries());
    }

    private async Task<Case> CreateCaseAsync()
    {
        var @case = Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]);
        Assert.True(await Storage.Cases.TryCreateAsync(@case, TestNumber, [], default));
        Storage.Requests!.Clear();
        return @case;
    }

    private int AssertSinglePartitionQueries()
    {
        var requests = DataRequests();
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(r.IsSinglePartitionQuery, r.ToString()));
        return requests.Count;
    }

    private List<CosmosRequest> DataRequests() =>
        Storage.Requests!.Requests.Where(r => !r.IsQueryPlan && (r.IsQuery || r.Path.Contains("/docs", StringComparison.Ordinal))).ToList();
}
