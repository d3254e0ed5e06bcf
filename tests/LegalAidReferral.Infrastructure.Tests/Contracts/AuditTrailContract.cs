using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteAuditTrailContract : AuditTrailContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosAuditTrailContract : AuditTrailContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IAuditTrail"/>.</summary>
public abstract class AuditTrailContract : StorageContract
{
    private const string Office = "mx-ifdp-tapachula";

    private IAuditTrail trail => Storage.Audit;

    [Fact]
    public async Task Recorded_entry_is_listed_with_all_its_fields()
    {
        var entry = Entry(Guid.NewGuid(), TestCases.Start, AuditAction.CaseUpdated, ["client.fullName", "household"]);

        await trail.RecordAsync([entry], default);

        var listed = Assert.Single((await trail.ListForCaseAsync(Office, entry.CaseId, new PageRequest(10, null), default)).Items);
        Assert.Equal(entry with { Changes = listed.Changes }, listed);
        Assert.Equal(["client.fullName", "household"], listed.Changes);
    }

    [Fact]
    public async Task Entries_are_listed_oldest_first_across_pages()
    {
        var caseId = Guid.NewGuid();
        var entries = Enumerable.Range(0, 7)
            .Select(i => Entry(caseId, TestCases.Start.AddSeconds(i < 2 ? 0 : i)))
            .Reverse()
            .ToArray();
        await trail.RecordAsync(entries, default);

        var listed = new List<AuditEntry>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await trail.ListForCaseAsync(Office, caseId, new PageRequest(3, token), default);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(
            entries.OrderBy(e => e.At).ThenBy(e => e.Id.ToString("D"), StringComparer.Ordinal).Select(e => e.Id),
            listed.Select(e => e.Id));
    }

    [Fact]
    public async Task Listing_shows_only_the_case_of_the_office_asked_for()
    {
        var caseId = Guid.NewGuid();
        var mine = Entry(caseId, TestCases.Start);
        await trail.RecordAsync([mine, Entry(Guid.NewGuid(), TestCases.Start), Entry(caseId, TestCases.Start, officeId: "gt-idpp-guatemala")], default);

        var listed = await trail.ListForCaseAsync(Office, caseId, new PageRequest(10, null), default);

        Assert.Equal(mine.Id, Assert.Single(listed.Items).Id);
    }

    [Fact]
    public async Task Concurrent_callers_all_have_their_entries_committed_when_their_task_completes()
    {
        var caseId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => trail.RecordAsync([Entry(caseId, TestCases.Start.AddTicks(i))], default))));

        var listed = await trail.ListForCaseAsync(Office, caseId, new PageRequest(PageRequest.MaxLimit, null), default);
        var second = await trail.ListForCaseAsync(Office, caseId, new PageRequest(PageRequest.MaxLimit, listed.ContinuationToken), default);
        Assert.Equal(200, listed.Items.Count + second.Items.Count);
    }

    [Fact]
    public async Task Recording_the_same_entry_twice_stores_it_once()
    {
        var entry = Entry(Guid.NewGuid(), TestCases.Start);

        await trail.RecordAsync([entry], default);
        await trail.RecordAsync([entry], default);

        Assert.Single((await trail.ListForCaseAsync(Office, entry.CaseId, new PageRequest(10, null), default)).Items);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("MTIzfDQ1Ng")]
    public async Task Invalid_continuation_token_is_rejected(string token)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => trail.ListForCaseAsync(Office, Guid.NewGuid(), new PageRequest(10, token), default));
    }

    private static AuditEntry Entry(Guid caseId, DateTimeOffset at, AuditAction action = AuditAction.CaseRead, string[]? changes = null, string officeId = Office) =>
        new(Guid.NewGuid(), officeId, caseId, action, "defender-1", officeId, at, "correlation-1", changes ?? []);
}
