using System.Text.Json.Nodes;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using static LegalAidReferral.Functions.Tests.Cases.CoreUseCases;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>
/// The case use cases of Core, resolved from the Functions app's services and run on its SQLite
/// storage: what they store, what they refuse and what they record on the audit trail.
/// </summary>
public class CaseUseCaseTests
{
    [Fact]
    public async Task Intake_opens_the_case_with_the_next_reference_of_the_office_and_year_and_audits_it()
    {
        await using var harness = await StartAsync();

        var first = await harness.IntakeAsync(Intake());
        var second = await harness.IntakeAsync(Intake("Cliente Ficticio Dos", channel: "partner"));

        Assert.False(first.Value!.Replayed);
        var created = first.Value.Case;
        Assert.Equal(("GT-2026-000001", CaseStatus.Intake, IntakeChannel.Staff, 1L), (created.Reference, created.Status, created.Channel, created.Version));
        Assert.Equal((Now, Now, "defender-1"), (created.CreatedAt, created.UpdatedAt, created.CreatedBy));
        Assert.Equal(("GT-2026-000002", IntakeChannel.Partner), (second.Value!.Case.Reference, second.Value.Case.Channel));
        var entry = Assert.Single(await harness.HistoryAsync(created.Id));
        Assert.Equal((AuditAction.CaseCreated, "defender-1", Office, "correlation-1", Now), (entry.Action, entry.UserId, entry.ActorOfficeId, entry.CorrelationId, entry.At));
    }

    [Fact]
    public async Task Intake_with_an_unknown_channel_and_an_invalid_field_reports_both_and_stores_nothing()
    {
        await using var harness = await StartAsync();

        var result = await harness.IntakeAsync(Intake(channel: "fax") with { LegalIssues = [] });

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(["channel", "legalIssues"], result.Failure.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("GT-2026-000001", (await harness.CreateAsync()).Reference);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_first_case_and_uses_no_reference()
    {
        await using var harness = await StartAsync();

        var first = await harness.IntakeAsync(Intake(), key: "key-1");
        var retry = await harness.IntakeAsync(Intake(), key: "key-1");
        var reused = await harness.IntakeAsync(Intake("Otro Cliente"), key: "key-1", hash: "hash-2");

        Assert.True(retry.Value!.Replayed);
        Assert.Equal(first.Value!.Case.Id, retry.Value.Case.Id);
        Assert.Equal(FailureKind.IdempotencyKeyReused, reused.Failure!.Kind);
        Assert.Equal("GT-2026-000002", (await harness.CreateAsync()).Reference);
    }

    [Fact]
    public async Task An_idempotency_key_has_one_to_a_hundred_characters()
    {
        await using var harness = await StartAsync();

        var longest = await harness.IntakeAsync(Intake(), key: new string('k', IdempotencyGuard.MaxKeyLength));
        var tooLong = await harness.IntakeAsync(Intake(), key: new string('k', IdempotencyGuard.MaxKeyLength + 1));
        var empty = await harness.IntakeAsync(Intake(), key: "");

        Assert.True(longest.IsSuccess);
        Assert.Equal(["Idempotency-Key"], tooLong.Failure!.Errors!.Keys);
        Assert.Equal(["Idempotency-Key"], empty.Failure!.Errors!.Keys);
    }

    [Theory]
    [InlineData("k\t1")]
    [InlineData("k\u00001")]
    [InlineData("clé-1")]
    public async Task An_idempotency_key_with_a_character_other_than_printable_ASCII_is_refused(string key)
    {
        await using var harness = await StartAsync();

        var refused = await harness.IntakeAsync(Intake(), key: key);

        Assert.Equal(["Idempotency-Key"], refused.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task Reading_a_case_its_history_and_a_listing_are_each_audited()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var read = await harness.Get<GetCase>().HandleAsync(created.Id, Defender, CancellationToken.None);
        var listed = await harness.Get<ListCases>().HandleAsync(new ListCases.Command(null, null, new PageRequest(10, null)), Defender, CancellationToken.None);
        var history = await harness.Get<GetCaseHistory>().HandleAsync(created.Id, new PageRequest(10, null), Defender, CancellationToken.None);

        Assert.Equal(created.Id, read.Value!.Id);
        Assert.Equal(created.Id, Assert.Single(listed.Value!.Items).Id);
        // Every entry has the same (fake) time, so the trail's order among them is not defined.
        Assert.Equal(
            [AuditAction.CaseCreated, AuditAction.CaseRead, AuditAction.CaseListed, AuditAction.HistoryRead],
            history.Value!.Entries.Items.Select(e => e.Action).Order());
        Assert.All(history.Value.Entries.Items, e => Assert.Equal(("defender-1", "correlation-1"), (e.UserId, e.CorrelationId)));
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_and_nothing_is_audited()
    {
        await using var harness = await StartAsync();
        var unknown = Guid.NewGuid();

        var read = await harness.Get<GetCase>().HandleAsync(unknown, Defender, CancellationToken.None);
        var history = await harness.Get<GetCaseHistory>().HandleAsync(unknown, new PageRequest(10, null), Defender, CancellationToken.None);
        var moved = await harness.Get<ChangeCaseStatus>().HandleAsync(new ChangeCaseStatus.Command(unknown, "closed", "Duplicada", null), Defender, CancellationToken.None);

        Assert.Equal([FailureKind.NotFound, FailureKind.NotFound, FailureKind.NotFound], [read.Failure!.Kind, history.Failure!.Kind, moved.Failure!.Kind]);
        Assert.Empty(await harness.HistoryAsync(unknown));
    }

    [Fact]
    public async Task Only_defenders_and_supervisors_work_on_cases()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var page = new PageRequest(10, null);
        var none = CancellationToken.None;

        Failure?[] failures =
        [
            (await harness.Get<IntakeCase>().HandleAsync(new IntakeCase.Command(Intake(), null, "hash"), Admin, none)).Failure,
            (await harness.Get<GetCase>().HandleAsync(created.Id, Admin, none)).Failure,
            (await harness.Get<ListCases>().HandleAsync(new ListCases.Command(null, null, page), Admin, none)).Failure,
            (await harness.Get<SearchCases>().HandleAsync(new CaseSearchInput { Q = "Cliente" }, Admin, none)).Failure,
            (await harness.Get<GetCaseHistory>().HandleAsync(created.Id, page, Admin, none)).Failure,
            (await harness.Get<ChangeCaseStatus>().HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", null), Admin, none)).Failure,
            (await harness.Get<UpdateCase>().HandleAsync(new UpdateCase.Command(created.Id, new JsonObject(), ExpectedVersion.OneOf(1)), Admin, none)).Failure,
        ];

        Assert.All(failures, f => Assert.Equal(FailureKind.Forbidden, f!.Kind));
        Assert.Equal([AuditAction.CaseCreated], (await harness.HistoryAsync(created.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_status_change_is_stored_with_both_statuses_on_the_audit_trail_and_needs_the_current_etag()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var change = harness.Get<ChangeCaseStatus>();

        var closed = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", ExpectedVersion.OneOf(1)), Defender, CancellationToken.None);
        var stale = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "open", "Reabierta", ExpectedVersion.OneOf(1)), Defender, CancellationToken.None);
        var invalid = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "archived", null, null), Defender, CancellationToken.None);

        Assert.Equal((CaseStatus.Closed, 2L), (closed.Value!.Status, closed.Value.Version));
        Assert.Equal(FailureKind.PreconditionFailed, stale.Failure!.Kind);
        Assert.Equal(["to"], invalid.Failure!.Errors!.Keys);
        var entry = Assert.Single(await harness.HistoryAsync(created.Id), e => e.Action == AuditAction.CaseStatusChanged);
        Assert.Equal("status:intake->closed", Assert.Single(entry.Changes));
        Assert.Equal(CaseStatus.Closed, (await harness.Get<ICaseStore>().FindAsync(Office, created.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_status_change_without_an_etag_applies_to_the_current_version()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var change = harness.Get<ChangeCaseStatus>();
        await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", null), Defender, CancellationToken.None);

        var reopened = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "open", "Reabierta", null), Defender, CancellationToken.None);

        Assert.Equal((CaseStatus.Open, 3L), (reopened.Value!.Status, reopened.Value.Version));
    }

    [Fact]
    public async Task An_update_records_the_changed_fields_and_a_patch_that_changes_nothing_writes_nothing()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var update = harness.Get<UpdateCase>();
        JsonObject Rename(string name) => new() { ["client"] = new JsonObject { ["fullName"] = name } };

        var renamed = await update.HandleAsync(new UpdateCase.Command(created.Id, Rename("Cliente Corregido"), ExpectedVersion.OneOf(1)), Defender, CancellationToken.None);
        var same = await update.HandleAsync(new UpdateCase.Command(created.Id, Rename("Cliente Corregido"), ExpectedVersion.OneOf(2)), Defender, CancellationToken.None);
        var unknownField = await update.HandleAsync(new UpdateCase.Command(created.Id, new JsonObject { ["colour"] = "red" }, ExpectedVersion.OneOf(2)), Defender, CancellationToken.None);
        var invalid = await update.HandleAsync(new UpdateCase.Command(created.Id, new JsonObject { ["legalIssues"] = new JsonArray() }, ExpectedVersion.OneOf(2)), Defender, CancellationToken.None);

        Assert.Equal(("Cliente Corregido", 2L, Now), (renamed.Value!.Details.Client.FullName, renamed.Value.Version, renamed.Value.UpdatedAt));
        Assert.Equal(2L, same.Value!.Version);
        Assert.Equal(["colour"], unknownField.Failure!.Errors!.Keys);
        Assert.Equal(["legalIssues"], invalid.Failure!.Errors!.Keys);
        var history = await harness.HistoryAsync(created.Id);
        Assert.Equal([AuditAction.CaseCreated, AuditAction.CaseUpdated], history.Select(e => e.Action).Order());
        Assert.Equal(["client.fullName"], Assert.Single(history, e => e.Action == AuditAction.CaseUpdated).Changes);
    }

    [Fact]
    public async Task Listing_filters_by_status_and_pages_through_every_case_once()
    {
        await using var harness = await StartAsync();
        var cases = new List<Case>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await harness.CreateAsync($"Cliente Ficticio {i}"));
        }

        await harness.Get<ChangeCaseStatus>().HandleAsync(new ChangeCaseStatus.Command(cases[1].Id, "closed", "Duplicada", null), Defender, CancellationToken.None);
        var list = harness.Get<ListCases>();

        var closed = await list.HandleAsync(new ListCases.Command("closed", null, new PageRequest(10, null)), Defender, CancellationToken.None);
        var first = await list.HandleAsync(new ListCases.Command(null, null, new PageRequest(2, null)), Defender, CancellationToken.None);
        var second = await list.HandleAsync(new ListCases.Command(null, null, new PageRequest(2, first.Value!.ContinuationToken)), Defender, CancellationToken.None);
        var invalid = await list.HandleAsync(new ListCases.Command("archived", "urgentest", new PageRequest(2, null)), Defender, CancellationToken.None);

        Assert.Equal(cases[1].Id, Assert.Single(closed.Value!.Items).Id);
        Assert.Equal(2, first.Value.Items.Count);
        Assert.Null(second.Value!.ContinuationToken);
        Assert.Equal(cases.Select(c => c.Id).Order(), first.Value.Items.Concat(second.Value.Items).Select(c => c.Id).Order());
        Assert.Equal(["priority", "status"], invalid.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_finds_a_case_by_client_name_and_checks_its_text_and_page()
    {
        await using var harness = await StartAsync();
        var wanted = await harness.CreateAsync("Rosalía Ficticia Monterroso");
        await harness.CreateAsync("Cliente Ficticio Dos");
        var search = harness.Get<SearchCases>();

        var found = await search.HandleAsync(new CaseSearchInput { Q = "Monterroso" }, Defender, CancellationToken.None);
        var invalid = await search.HandleAsync(new CaseSearchInput { Q = " ", Limit = 0 }, Defender, CancellationToken.None);

        Assert.Equal(wanted.Id, Assert.Single(found.Value!.Items).Id);
        Assert.Equal(["limit", "q"], invalid.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(AuditAction.CaseListed, (await harness.HistoryAsync(wanted.Id)).Select(e => e.Action));
    }
}
