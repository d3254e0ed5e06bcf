using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>A case write and the audit entries it carries are stored together or not at all.</summary>
public sealed class SqliteCaseAuditAtomicityTests : TempDatabase
{
    private const string Office = "mx-ifdp-tapachula";

    private SqliteCaseStore Store => new(Database);

    [Fact]
    public async Task Created_case_is_stored_with_its_audit_entries()
    {
        var @case = TestCases.Make(Office);

        Assert.True(await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default));

        Assert.Equal([AuditAction.CaseCreated], await ActionsAsync(@case));
    }

    [Fact]
    public async Task Case_whose_audit_entry_cannot_be_written_is_not_stored()
    {
        var @case = TestCases.Make(Office);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated), Unwritable(@case)], default));

        Assert.Null(await Store.FindAsync(Office, @case.Id, default));
        Assert.Empty(await ActionsAsync(@case));
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
    public async Task Replacement_whose_audit_entry_cannot_be_written_leaves_the_case_as_it_was()
    {
        var @case = TestCases.Make(Office);
        await Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated)], default);
        var triaged = @case.TransitionTo(CaseStatus.Triaged, null, "defender-1", TestCases.Start.AddHours(1)).Value!;

        await Assert.ThrowsAnyAsync<Exception>(() => Store.TryReplaceAsync(triaged, @case.Version, [Unwritable(@case)], default));

        Assert.Equal(CaseStatus.Intake, (await Store.FindAsync(Office, @case.Id, default))!.Status);
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

    private async Task<AuditAction[]> ActionsAsync(Case @case)
    {
        var trail = new SqliteAuditTrail(Database);
        var page = await trail.ListForCaseAsync(Office, @case.Id, new PageRequest(PageRequest.MaxLimit, null), default);
        return page.Items.Select(e => e.Action).ToArray();
    }

    // Listed oldest first: each action has its own minute, so the expected order is the actions' order.
    private static AuditEntry Entry(Case @case, AuditAction action) =>
        new(Guid.CreateVersion7(), Office, @case.Id, action, "defender-1", Office, TestCases.Start.AddMinutes((int)action), "correlation-1", []);

    // The audit table requires a user id, so this entry fails after the case row is already written.
    private static AuditEntry Unwritable(Case @case) => Entry(@case, AuditAction.CaseCreated) with { UserId = null! };
}
