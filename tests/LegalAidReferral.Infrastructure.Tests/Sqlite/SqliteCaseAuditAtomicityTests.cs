using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>
/// A case write whose audit entry SQLite refuses is not stored (the portable half of this contract is
/// in <see cref="Contracts.CaseStoreContract"/>).
/// </summary>
public sealed class SqliteCaseAuditAtomicityTests : TempDatabase
{
    private const string Office = "mx-ifdp-tapachula";

    private SqliteCaseStore Store => new(Database);

    [Fact]
    public async Task Case_whose_audit_entry_cannot_be_written_is_not_stored()
    {
        var @case = TestCases.Make(Office);

        await Assert.ThrowsAnyAsync<Exception>(() => Store.TryCreateAsync(@case, TestNumber, [Entry(@case, AuditAction.CaseCreated), Unwritable(@case)], default));

        Assert.Null(await Store.FindAsync(Office, @case.Id, default));
        Assert.Empty(await ActionsAsync(@case));
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
