using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Cases;

/// <summary>Runs Core's use cases as the Functions app wires them, on its SQLite storage, at a fixed time.</summary>
public static class CoreUseCases
{
    public const string Office = "gt-idpp-guatemala";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);

    public static CallContext Defender { get; } = new(new StaffCaller("defender-1", Office, new HashSet<Role> { Role.Defender }), "correlation-1");

    public static CallContext Admin { get; } = new(new StaffCaller("admin-1", Office, new HashSet<Role> { Role.OfficeAdmin }), "correlation-2");

    public static IntakeInput Intake(string name = "Cliente Ficticio Uno", string? channel = null) => new()
    {
        Channel = channel,
        Client = new ClientInput { FullName = name },
        LegalIssues = [new LegalIssueInput { Type = "asylum" }],
    };

    public static async Task<FunctionHarness> StartAsync()
    {
        var harness = new FunctionHarness(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        await harness.StartAsync();
        return harness;
    }

    public static T Get<T>(this FunctionHarness harness)
        where T : notnull => harness.Provider.GetRequiredService<T>();

    public static async Task<Result<IntakeCase.Outcome>> IntakeAsync(this FunctionHarness harness, IntakeInput input, string? key = null, string hash = "hash-1") =>
        await harness.Get<IntakeCase>().HandleAsync(new IntakeCase.Command(input, key, hash), Defender, CancellationToken.None);

    public static async Task<Case> CreateAsync(this FunctionHarness harness, string name = "Cliente Ficticio Uno") =>
        (await harness.IntakeAsync(Intake(name))).Value!.Case;

    public static async Task<IReadOnlyList<AuditEntry>> HistoryAsync(this FunctionHarness harness, Guid caseId) =>
        (await harness.Get<IAuditTrail>().ListForCaseAsync(Office, caseId, new PageRequest(100, null), CancellationToken.None)).Items;
}
