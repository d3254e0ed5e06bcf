using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;
using LegalAidReferral.Functions.Tests.Cases;
using static LegalAidReferral.Functions.Tests.Cases.CoreUseCases;

namespace LegalAidReferral.Functions.Tests.Triage;

/// <summary>Triage, its override and policy changes through Core's use cases, on the Functions app's seeded storage.</summary>
public class TriageUseCaseTests
{
    private static readonly CallContext Supervisor = new(new StaffCaller("supervisor-1", Office, new HashSet<Role> { Role.Supervisor }), "correlation-3");

    private static async Task<Result<Case>> TriageAsync(FunctionHarness harness, Guid caseId) =>
        await harness.Get<RunTriage>().HandleAsync(new RunTriage.Command(caseId, null), Defender, CancellationToken.None);

    private static async Task<Result<Case>> OverrideAsync(FunctionHarness harness, Guid caseId, TriageOverrideInput input) =>
        await harness.Get<OverrideTriage>().HandleAsync(new OverrideTriage.Command(caseId, input, null), Supervisor, CancellationToken.None);

    [Fact]
    public async Task The_first_triage_audits_the_move_to_triaged_and_a_second_only_the_new_result()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();

        var first = await TriageAsync(harness, created.Id);
        var second = await TriageAsync(harness, created.Id);

        Assert.Equal((CaseStatus.Triaged, 2L, 3L), (first.Value!.Status, first.Value.Version, second.Value!.Version));
        Assert.Equal((Office, "defender-1", Now), (first.Value.Triage!.PolicyOfficeId, first.Value.Triage.EvaluatedBy, first.Value.Triage.EvaluatedAt));
        var changes = (await harness.HistoryAsync(created.Id)).Where(e => e.Action == AuditAction.CaseTriaged).Select(e => string.Join(' ', e.Changes));
        Assert.Equal(["triage", "triage status:intake->triaged"], changes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_override_without_a_priority_keeps_the_evaluated_one_and_needs_a_known_decision_and_a_reason()
    {
        await using var harness = await StartAsync();
        var created = await harness.CreateAsync();
        var evaluated = (await TriageAsync(harness, created.Id)).Value!.Triage!.Priority;

        var kept = await OverrideAsync(harness, created.Id, new TriageOverrideInput { Decision = "eligible", Reason = "Verified in person" });
        var invalid = await OverrideAsync(harness, created.Id, new TriageOverrideInput { Decision = "maybe", Priority = "soon" });

        Assert.Equal((TriageDecision.Eligible, evaluated, "supervisor-1", Now), (kept.Value!.Triage!.Override!.Decision, kept.Value.Priority, kept.Value.Triage.Override.By, kept.Value.Triage.Override.At));
        Assert.Equal(["decision", "priority", "reason"], invalid.Failure!.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["triage.override"], Assert.Single(await harness.HistoryAsync(created.Id), e => e.Action == AuditAction.TriageOverridden).Changes);
    }

    [Fact]
    public async Task Only_an_admin_of_the_office_changes_its_policy_and_each_change_is_the_next_version()
    {
        await using var harness = await StartAsync();
        var policies = harness.Get<ITriagePolicyStore>();
        var current = (await policies.FindCurrentAsync(Office, CancellationToken.None))!;
        var input = new TriagePolicyInput
        {
            Criteria = [new TriageCriterionInput { Id = "conflict", Kind = "conflict-of-interest" }],
            DefaultPriority = "normal",
            Referral = new ReferralSettingsInput { RecommendOffices = false, MaxOffices = 1 },
        };
        var update = harness.Get<UpdateTriagePolicy>();
        var otherAdmin = new CallContext(new StaffCaller("admin-2", "mx-ifdp-tapachula", new HashSet<Role> { Role.OfficeAdmin }), "correlation-4");
        var unknownAdmin = new CallContext(new StaffCaller("admin-3", "xx-no-such-office", new HashSet<Role> { Role.OfficeAdmin }), "correlation-5");

        var forbidden = await update.HandleAsync(new UpdateTriagePolicy.Command(Office, input, null), otherAdmin, CancellationToken.None);
        var defender = await update.HandleAsync(new UpdateTriagePolicy.Command(Office, input, null), Defender, CancellationToken.None);
        var unknown = await update.HandleAsync(new UpdateTriagePolicy.Command("xx-no-such-office", input, null), unknownAdmin, CancellationToken.None);
        var updated = await update.HandleAsync(new UpdateTriagePolicy.Command(Office, input, ExpectedVersion.OneOf(current.Version)), Admin, CancellationToken.None);
        var stale = await update.HandleAsync(new UpdateTriagePolicy.Command(Office, input, ExpectedVersion.OneOf(current.Version)), Admin, CancellationToken.None);
        var unconditional = await update.HandleAsync(new UpdateTriagePolicy.Command(Office, input, null), Admin, CancellationToken.None);

        Assert.Equal((FailureKind.Forbidden, FailureKind.Forbidden, FailureKind.NotFound), (forbidden.Failure!.Kind, defender.Failure!.Kind, unknown.Failure!.Kind));
        Assert.Equal((current.Version + 1, "admin-1", (DateTimeOffset?)Now), (updated.Value!.Version, updated.Value.UpdatedBy, updated.Value.UpdatedAt));
        Assert.Equal(FailureKind.PreconditionFailed, stale.Failure!.Kind);
        Assert.Equal(current.Version + 2, unconditional.Value!.Version);
    }
}
