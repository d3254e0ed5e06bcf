using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqliteCaseStoreContract : CaseStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosCaseStoreContract : CaseStoreContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="ICaseStore"/>, and that a case write and its audit entries are stored together or not at all.</summary>
public abstract class CaseStoreContract : StorageContract
{
    private const string Office = "mx-ifdp-tapachula";
    private const string OtherOffice = "gt-idpp-guatemala";

    private ICaseStore Store => Storage.Cases;

    [Fact]
    public async Task Created_case_is_found_with_all_its_data()
    {
        var @case = TestCases.Make(Office, priority: Priority.High, aliases: ["La Flaca"]);

        Assert.True(await Store.TryCreateAsync(@case, TestNumber, [], default));

        var found = await Store.FindAsync(Office, @case.Id, default);
        Assert.NotNull(found);
        Assert.Equal(@case.Reference, found.Reference);
        Assert.Equal(@case.Version, found.Version);
        Assert.Equal(@case.CreatedAt, found.CreatedAt);
        Assert.Equal(Priority.High, found.Priority);
        Assert.Equal(["La Flaca"], found.Details.Client.Aliases);
        Assert.Equal(LegalIssueType.Asylum, Assert.Single(found.Details.LegalIssues).Type);
    }

    [Fact]
    public async Task Missing_case_is_not_found()
    {
        Assert.Null(await Store.FindAsync(Office, Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Duplicate_create_is_refused_and_keeps_the_first()
    {
        var first = TestCases.Make(Office, fullName: "First Name");
        Assert.True(await Store.TryCreateAsync(first, TestNumber, [], default));

        Assert.False(await Store.TryCreateAsync(first with { Details = TestCases.Make(Office, fullName: "Second Name").Details }, TestNumber, [], default));

        Assert.Equal("First Name", (await Store.FindAsync(Office, first.Id, default))!.Details.Client.FullName);
    }

    [Fact]
    public async Task Replace_with_current_version_stores_the_new_version()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        var changed = @case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value!;

        Assert.True(await Store.TryReplaceAsync(changed, @case.Version, [], default));

        var found = await Store.FindAsync(Office, @case.Id, default);
        Assert.Equal(2, found!.Version);
        Assert.Equal(CaseStatus.Triaged, found.Status);
    }

    [Fact]
    public async Task A_case_read_before_and_after_a_replace_is_found_at_each_version()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        Assert.Equal(CaseStatus.Intake, (await Store.FindAsync(Office, @case.Id, default))!.Status);
        Assert.Equal(CaseStatus.Intake, (await Store.FindAsync(Office, @case.Id, default))!.Status);

        await Store.TryReplaceAsync(@case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value!, 1, [], default);

        var found = await Store.FindAsync(Office, @case.Id, default);
        Assert.Equal((2, CaseStatus.Triaged), (found!.Version, found.Status));
    }

    [Fact]
    public async Task Two_offices_holding_a_case_id_at_the_same_version_each_read_their_own()
    {
        var ours = TestCases.Make(Office, fullName: "Ana Gómez");
        var theirs = TestCases.Make(OtherOffice, fullName: "José Pérez") with { Id = ours.Id };
        Assert.True(await Store.TryCreateAsync(ours, new CaseNumber(Office, 2026, 1), [], default));
        Assert.True(await Store.TryCreateAsync(theirs, new CaseNumber(OtherOffice, 2026, 1), [], default));

        Assert.Equal("Ana Gómez", (await Store.FindAsync(Office, ours.Id, default))!.Details.Client.FullName);
        Assert.Equal("José Pérez", (await Store.FindAsync(OtherOffice, ours.Id, default))!.Details.Client.FullName);
        Assert.Equal("Ana Gómez", (await Store.FindAsync(Office, ours.Id, default))!.Details.Client.FullName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_replacement_that_does_not_carry_the_next_version_is_refused_and_writes_nothing(long version)
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        var changed = @case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value! with { Version = version };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryReplaceAsync(changed, 1, [], default));

        Assert.Equal(CaseStatus.Intake, (await Store.FindAsync(Office, @case.Id, default))!.Status);
    }

    [Fact]
    public async Task Replace_with_stale_version_is_refused()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        var first = @case.WithDetails(@case.Details, TestCases.Start.AddMinutes(1));
        Assert.True(await Store.TryReplaceAsync(first, @case.Version, [], default));

        var second = @case.WithDetails(@case.Details, TestCases.Start.AddMinutes(2));
        Assert.False(await Store.TryReplaceAsync(second, @case.Version, [], default));

        Assert.Equal(first.UpdatedAt, (await Store.FindAsync(Office, @case.Id, default))!.UpdatedAt);
    }

    [Fact]
    public async Task Replace_of_a_missing_case_is_refused()
    {
        Assert.False(await Store.TryReplaceAsync(TestCases.Make(Office) with { Version = 2 }, 1, [], default));
    }

    [Fact]
    public async Task Cases_of_another_office_are_never_found_nor_listed_nor_replaced()
    {
        var theirs = TestCases.Make(OtherOffice, fullName: "José Pérez");
        await Store.TryCreateAsync(theirs, TestNumber, [], default);

        Assert.Null(await Store.FindAsync(Office, theirs.Id, default));
        Assert.False(await Store.TryReplaceAsync(theirs with { OfficeId = Office, Version = 2 }, 1, [], default));
        var page = await Store.ListAsync(Office, new CaseQuery(null, null, "jose"), new PageRequest(100, null), default);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Listing_pages_return_every_case_exactly_once_newest_first()
    {
        // Three cases share one creation time, so the id must break the tie consistently across pages.
        var created = new List<Case>();
        for (var i = 0; i < 8; i++)
        {
            var @case = TestCases.Make(Office, createdAt: TestCases.Start.AddMinutes(i < 3 ? 0 : i));
            created.Add(@case);
            await Store.TryCreateAsync(@case, TestNumber, [], default);
        }

        await Store.TryCreateAsync(TestCases.Make(OtherOffice, createdAt: TestCases.Start.AddMinutes(4)), TestNumber, [], default);

        var listed = new List<CaseSummary>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(3, token), default);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        var expected = created
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id.ToString("D"), StringComparer.Ordinal)
            .Select(c => c.Id);
        Assert.Equal(expected, listed.Select(s => s.Id));
    }

    [Fact]
    public async Task Last_full_page_has_no_continuation_token()
    {
        for (var i = 0; i < 3; i++)
        {
            await Store.TryCreateAsync(TestCases.Make(Office, createdAt: TestCases.Start.AddMinutes(i)), TestNumber, [], default);
        }

        var page = await Store.ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(3, null), default);

        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task Listing_filters_by_status_and_priority()
    {
        var openHigh = TestCases.Make(Office, status: CaseStatus.Open, priority: Priority.High);
        var openLow = TestCases.Make(Office, status: CaseStatus.Open, priority: Priority.Low);
        var intakeHigh = TestCases.Make(Office, status: CaseStatus.Intake, priority: Priority.High);
        foreach (var c in new[] { openHigh, openLow, intakeHigh })
        {
            await Store.TryCreateAsync(c, TestNumber, [], default);
        }

        Assert.Equal(
            [openHigh.Id, openLow.Id],
            (await List(new CaseQuery(CaseStatus.Open, null, null))).OrderBy(id => id == openLow.Id));
        Assert.Equal(
            [intakeHigh.Id, openHigh.Id],
            (await List(new CaseQuery(null, Priority.High, null))).OrderBy(id => id == openHigh.Id));
        Assert.Equal([openHigh.Id], await List(new CaseQuery(CaseStatus.Open, Priority.High, null)));
        Assert.Empty(await List(new CaseQuery(CaseStatus.Closed, null, null)));
    }

    [Theory]
    [InlineData("jose perez")]
    [InlineData("JOSÉ   Pérez")]
    [InlineData("perez")]
    [InlineData("el guero")]
    [InlineData("mx-2026-0004")]
    public async Task Text_search_ignores_case_and_accents_and_covers_aliases_and_reference(string text)
    {
        var jose = TestCases.Make(Office, fullName: "José Pérez", aliases: ["El Güero"], reference: "MX-2026-000417");
        await Store.TryCreateAsync(jose, TestNumber, [], default);
        await Store.TryCreateAsync(TestCases.Make(Office, fullName: "María López", reference: "MX-2026-000001"), TestNumber, [], default);

        Assert.Equal([jose.Id], await List(new CaseQuery(null, null, text)));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("pérez maría")]
    public async Task Text_search_takes_wildcards_literally_and_never_matches_across_fields(string text)
    {
        await Store.TryCreateAsync(TestCases.Make(Office, fullName: "José Pérez", aliases: ["María"]), TestNumber, [], default);

        Assert.Empty(await List(new CaseQuery(null, null, text)));
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("bm8tc2VwYXJhdG9y")]
    public async Task Undecodable_continuation_token_is_rejected(string token)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Store.ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(10, token), default));
    }

    [Theory]
    [InlineData("123|not-a-guid")]
    [InlineData("-5|6a1d3c2e-0f4b-4c59-9b6e-0d7f1f0e2a11")]
    [InlineData("|6a1d3c2e-0f4b-4c59-9b6e-0d7f1f0e2a11")]
    public async Task Continuation_token_with_a_wrong_position_is_rejected(string position)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => Store.ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(10, ContinuationTokens.Encode(position)), default));
    }

    [Fact]
    public async Task Listing_shows_the_replaced_status()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        await Store.TryReplaceAsync(@case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value!, 1, [], default);

        Assert.Empty(await List(new CaseQuery(CaseStatus.Intake, null, null)));
        Assert.Equal([@case.Id], await List(new CaseQuery(CaseStatus.Triaged, null, null)));
    }

    [Fact]
    public async Task Created_case_is_stored_with_its_audit_entries()
    {
        var @case = TestCases.Make(Office);

        Assert.True(await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default));

        Assert.Equal([AuditAction.CaseCreated], await ActionsAsync(@case));
    }

    [Fact]
    public async Task Refused_create_writes_no_audit_entry()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default);

        Assert.False(await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default));

        Assert.Equal([AuditAction.CaseCreated], await ActionsAsync(@case));
    }

    [Fact]
    public async Task Replacement_is_stored_with_its_audit_entries_and_a_stale_one_writes_none()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default);
        var triaged = @case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value!;

        Assert.True(await Store.TryReplaceAsync(triaged, @case.Version, [Entry(@case, AuditAction.CaseStatusChanged)], default));
        Assert.False(await Store.TryReplaceAsync(triaged, @case.Version, [Entry(@case, AuditAction.CaseUpdated)], default));

        Assert.Equal([AuditAction.CaseCreated, AuditAction.CaseStatusChanged], await ActionsAsync(@case));
    }

    [Fact]
    public async Task Of_two_concurrent_writers_at_one_version_exactly_one_succeeds()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [], default);
        var writers = Enumerable.Range(1, 2)
            .Select(i => @case.WithDetails(@case.Details, TestCases.Start.AddMinutes(i)))
            .Select(changed => Task.Run(() => Store.TryReplaceAsync(changed, @case.Version, [], default)));

        var results = await Task.WhenAll(writers);

        Assert.Single(results, won => won);
        Assert.Equal(2, (await Store.FindAsync(Office, @case.Id, default))!.Version);
    }

    private async Task<AuditAction[]> ActionsAsync(Case @case)
    {
        var page = await Storage.Audit.ListForCaseAsync(Office, @case.Id, new PageRequest(PageRequest.MaxLimit, null), default);
        return page.Items.Select(e => e.Action).ToArray();
    }

    // Listed oldest first: each action has its own minute, so the expected order is the actions' order.
    private static AuditEntry Entry(Case @case, AuditAction action) =>
        new(Guid.CreateVersion7(), Office, @case.Id, action, "defender-1", Office, TestCases.Start.AddMinutes((int)action), "correlation-1", []);

    private async Task<IEnumerable<Guid>> List(CaseQuery query) =>
        (await Store.ListAsync(Office, query, new PageRequest(PageRequest.MaxLimit, null), default)).Items.Select(s => s.Id);
}
