using System.Text.Json.Nodes;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>
/// The case use cases of Core, resolved from the Functions app's services and run on its SQLite
/// storage: what they store, what they refuse and what they record on the audit trail.
/// </summary>
public class CaseUseCaseTests
{
    private const string Office = "gt-idpp-guatemala";
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    private static CallContext Defender { get; } = new(new Actor("defender-1", Office, new HashSet<Role> { Role.Defender }), "correlation-1");

    private static CallContext Admin { get; } = new(new Actor("admin-1", Office, new HashSet<Role> { Role.OfficeAdmin }), "correlation-2");

    private static IntakeInput Intake(string name = "Cliente Ficticio Uno", string? channel = null) => new()
    {
        Channel = channel,
        Client = new ClientInput { FullName = name },
        LegalIssues = [new LegalIssueInput { Type = "asylum" }],
    };

    private static async Task<FunctionHarness> StartAsync()
    {
        var harness = new FunctionHarness(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        await harness.StartAsync();
        return harness;
    }

    private static T Get<T>(FunctionHarness harness)
        where T : notnull => harness.Provider.GetRequiredService<T>();

    private static async Task<Result<IntakeCase.Outcome>> IntakeAsync(FunctionHarness harness, IntakeInput input, string? key = null, string hash = "hash-1") =>
        await Get<IntakeCase>(harness).HandleAsync(new IntakeCase.Command(input, key, hash), Defender, CancellationToken.None);

    private static async Task<Case> CreateAsync(FunctionHarness harness, string name = "Cliente Ficticio Uno") =>
        (await IntakeAsync(harness, Intake(name))).Value!.Case;

    private static async Task<IReadOnlyList<AuditEntry>> HistoryAsync(FunctionHarness harness, Guid caseId) =>
        (await Get<IAuditTrail>(harness).ListForCaseAsync(Office, caseId, new PageRequest(100, null), CancellationToken.None)).Items;

    [Fact]
    public async Task Intake_opens_the_case_with_the_next_reference_of_the_office_and_year_and_audits_it()
    {
        await using var harness = await StartAsync();

        var first = await IntakeAsync(harness, Intake());
        var second = await IntakeAsync(harness, Intake("Cliente Ficticio Dos", channel: "partner"));

        Assert.False(first.Value!.Replayed);
        var created = first.Value.Case;
        Assert.Equal(("GT-2026-000001", CaseStatus.Intake, IntakeChannel.Staff, 1L), (created.Reference, created.Status, created.Channel, created.Version));
        Assert.Equal((Now, Now, "defender-1"), (created.CreatedAt, created.UpdatedAt, created.CreatedBy));
        Assert.Equal(("GT-2026-000002", IntakeChannel.Partner), (second.Value!.Case.Reference, second.Value.Case.Channel));
        var entry = Assert.Single(await HistoryAsync(harness, created.Id));
        Assert.Equal((AuditAction.CaseCreated, "defender-1", Office, "correlation-1", Now), (entry.Action, entry.UserId, entry.ActorOfficeId, entry.CorrelationId, entry.At));
    }

    [Fact]
    public async Task Intake_with_an_unknown_channel_and_an_invalid_field_reports_both_and_stores_nothing()
    {
        await using var harness = await StartAsync();

        var result = await IntakeAsync(harness, Intake(channel: "fax") with { LegalIssues = [] });

        Assert.Equal(FailureKind.Validation, result.Failure!.Kind);
        Assert.Equal(["channel", "legalIssues"], result.Failure.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("GT-2026-000001", (await CreateAsync(harness)).Reference);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_first_case_and_uses_no_reference()
    {
        await using var harness = await StartAsync();

        var first = await IntakeAsync(harness, Intake(), key: "key-1");
        var retry = await IntakeAsync(harness, Intake(), key: "key-1");
        var reused = await IntakeAsync(harness, Intake("Otro Cliente"), key: "key-1", hash: "hash-2");

        Assert.True(retry.Value!.Replayed);
        Assert.Equal(first.Value!.Case.Id, retry.Value.Case.Id);
        Assert.Equal(FailureKind.IdempotencyKeyReused, reused.Failure!.Kind);
        Assert.Equal("GT-2026-000002", (await CreateAsync(harness)).Reference);
    }

    [Fact]
    public async Task An_idempotency_key_has_one_to_a_hundred_characters()
    {
        await using var harness = await StartAsync();

        var longest = await IntakeAsync(harness, Intake(), key: new string('k', IdempotencyGuard.MaxKeyLength));
        var tooLong = await IntakeAsync(harness, Intake(), key: new string('k', IdempotencyGuard.MaxKeyLength + 1));
        var empty = await IntakeAsync(harness, Intake(), key: "");

        Assert.True(longest.IsSuccess);
        Assert.Equal(["Idempotency-Key"], tooLong.Failure!.Errors!.Keys);
        Assert.Equal(["Idempotency-Key"], empty.Failure!.Errors!.Keys);
    }

    [Fact]
    public async Task Reading_a_case_its_history_and_a_listing_are_each_audited()
    {
        await using var harness = await StartAsync();
        var created = await CreateAsync(harness);

        var read = await Get<GetCase>(harness).HandleAsync(created.Id, Defender, CancellationToken.None);
        var listed = await Get<ListCases>(harness).HandleAsync(new ListCases.Command(null, null, new PageRequest(10, null)), Defender, CancellationToken.None);
        var history = await Get<GetCaseHistory>(harness).HandleAsync(created.Id, new PageRequest(10, null), Defender, CancellationToken.None);

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

        var read = await Get<GetCase>(harness).HandleAsync(unknown, Defender, CancellationToken.None);
        var history = await Get<GetCaseHistory>(harness).HandleAsync(unknown, new PageRequest(10, null), Defender, CancellationToken.None);
        var moved = await Get<ChangeCaseStatus>(harness).HandleAsync(new ChangeCaseStatus.Command(unknown, "closed", "Duplicada", null), Defender, CancellationToken.None);

        Assert.Equal([FailureKind.NotFound, FailureKind.NotFound, FailureKind.NotFound], [read.Failure!.Kind, history.Failure!.Kind, moved.Failure!.Kind]);
        Assert.Empty(await HistoryAsync(harness, unknown));
    }

    [Fact]
    public async Task Only_defenders_and_supervisors_work_on_cases()
    {
        await using var harness = await StartAsync();
        var created = await CreateAsync(harness);
        var page = new PageRequest(10, null);
        var none = CancellationToken.None;

        Failure?[] failures =
        [
            (await Get<IntakeCase>(harness).HandleAsync(new IntakeCase.Command(Intake(), null, "hash"), Admin, none)).Failure,
            (await Get<GetCase>(harness).HandleAsync(created.Id, Admin, none)).Failure,
            (await Get<ListCases>(harness).HandleAsync(new ListCases.Command(null, null, page), Admin, none)).Failure,
            (await Get<SearchCases>(harness).HandleAsync(new CaseSearchInput { Q = "Cliente" }, Admin, none)).Failure,
            (await Get<GetCaseHistory>(harness).HandleAsync(created.Id, page, Admin, none)).Failure,
            (await Get<ChangeCaseStatus>(harness).HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", null), Admin, none)).Failure,
            (await Get<UpdateCase>(harness).HandleAsync(new UpdateCase.Command(created.Id, new JsonObject(), "\"1\""), Admin, none)).Failure,
        ];

        Assert.All(failures, f => Assert.Equal(FailureKind.Forbidden, f!.Kind));
        Assert.Equal([AuditAction.CaseCreated], (await HistoryAsync(harness, created.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_status_change_is_stored_with_both_statuses_on_the_audit_trail_and_needs_the_current_etag()
    {
        await using var harness = await StartAsync();
        var created = await CreateAsync(harness);
        var change = Get<ChangeCaseStatus>(harness);

        var closed = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", "\"1\""), Defender, CancellationToken.None);
        var stale = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "open", "Reabierta", "\"1\""), Defender, CancellationToken.None);
        var invalid = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "archived", null, null), Defender, CancellationToken.None);

        Assert.Equal((CaseStatus.Closed, 2L), (closed.Value!.Status, closed.Value.Version));
        Assert.Equal(FailureKind.PreconditionFailed, stale.Failure!.Kind);
        Assert.Equal(["to"], invalid.Failure!.Errors!.Keys);
        var entry = Assert.Single(await HistoryAsync(harness, created.Id), e => e.Action == AuditAction.CaseStatusChanged);
        Assert.Equal("status:intake->closed", Assert.Single(entry.Changes));
        Assert.Equal(CaseStatus.Closed, (await Get<ICaseStore>(harness).FindAsync(Office, created.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_status_change_without_an_etag_applies_to_the_current_version()
    {
        await using var harness = await StartAsync();
        var created = await CreateAsync(harness);
        var change = Get<ChangeCaseStatus>(harness);
        await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "closed", "Duplicada", null), Defender, CancellationToken.None);

        var reopened = await change.HandleAsync(new ChangeCaseStatus.Command(created.Id, "open", "Reabierta", null), Defender, CancellationToken.None);

        Assert.Equal((CaseStatus.Open, 3L), (reopened.Value!.Status, reopened.Value.Version));
    }

    [Fact]
    public async Task An_update_records_the_changed_fields_and_a_patch_that_changes_nothing_writes_nothing()
    {
        await using var harness = await StartAsync();
        var created = await CreateAsync(harness);
        var update = Get<UpdateCase>(harness);
        JsonObject Rename(string name) => new() { ["client"] = new JsonObject { ["fullName"] = name } };

        var renamed = await update.HandleAsync(new UpdateCase.Command(created.Id, Rename("Cliente Corregido"), "\"1\""), Defender, CancellationToken.None);
        var same = await update.HandleAsync(new UpdateCase.Command(created.Id, Rename("Cliente Corregido"), "\"2\""), Defender, CancellationToken.None);
        var unknownField = await update.HandleAsync(new UpdateCase.Command(created.Id, new JsonObject { ["colour"] = "red" }, "\"2\""), Defender, CancellationToken.None);
        var invalid = await update.HandleAsync(new UpdateCase.Command(created.Id, new JsonObject { ["legalIssues"] = new JsonArray() }, "\"2\""), Defender, CancellationToken.None);

        Assert.Equal(("Cliente Corregido", 2L, Now), (renamed.Value!.Details.Client.FullName, renamed.Value.Version, renamed.Value.UpdatedAt));
        Assert.Equal(2L, same.Value!.Version);
        Assert.Equal(["colour"], unknownField.Failure!.Errors!.Keys);
        Assert.Equal(["legalIssues"], invalid.Failure!.Errors!.Keys);
        var history = await HistoryAsync(harness, created.Id);
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
            cases.Add(await CreateAsync(harness, $"Cliente Ficticio {i}"));
        }

        await Get<ChangeCaseStatus>(harness).HandleAsync(new ChangeCaseStatus.Command(cases[1].Id, "closed", "Duplicada", null), Defender, CancellationToken.None);
        var list = Get<ListCases>(harness);

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
        var wanted = await CreateAsync(harness, "Rosalía Ficticia Monterroso");
        await CreateAsync(harness, "Cliente Ficticio Dos");
        var search = Get<SearchCases>(harness);

        var found = await search.HandleAsync(new CaseSearchInput { Q = "Monterroso" }, Defender, CancellationToken.None);
        var invalid = await search.HandleAsync(new CaseSearchInput { Q = " ", Limit = 0 }, Defender, CancellationToken.None);

        Assert.Equal(wanted.Id, Assert.Single(found.Value!.Items).Id);
        Assert.Equal(["limit", "q"], invalid.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(AuditAction.CaseListed, (await HistoryAsync(harness, wanted.Id)).Select(e => e.Action));
    }
}
