using System.Security.Cryptography;
using System.Text;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Standalone.Demo;

/// <summary>
/// A few demonstration cases, flagged <c>demo</c> and named "DEMO ...", so a newcomer has something to
/// look at. Their ids are fixed, so seeding again after a restart adds nothing. Each is stored with its
/// <c>case-created</c> audit entry by the system caller <c>system:demo-seed</c>, like any other case.
/// Registered after the storage, so it runs once the schema and the office directory exist.
/// </summary>
public sealed class DemoCases(ICaseStore store, ICaseReferenceSequence references, IOfficeDirectory offices, CaseAuditor auditor, TimeProvider clock) : IHostedService
{
    public const string SeedProcess = "demo-seed";

    private static readonly (string OfficeId, string Key, IntakeInput Input)[] Samples =
    [
        ("gt-idpp-guatemala", "gt-1", Sample("DEMO Ana Ejemplo", "HN", "es", "deportation", "detained", "Orden de deportación (caso de demostración)", "GT")),
        ("gt-idpp-guatemala", "gt-2", Sample("DEMO Jean Exemple", "HT", "ht", "asylum", "chronic-illness", "Solicitud de asilo (caso de demostración)", "GT")),
        ("gt-idpp-guatemala", "gt-3", Sample("DEMO Niño Ejemplo", "SV", "es", "child-protection", "unaccompanied-minor", "Niño no acompañado (caso de demostración)", "GT")),
        ("mx-ifdp-tapachula", "mx-1", Sample("DEMO Carlos Muestra", "GT", "es", "detention", "detained", "Detención migratoria (caso de demostración)", "MX")),
        ("mx-ifdp-tapachula", "mx-2", Sample("DEMO Maria Exemplo", "BR", "pt", "regularization", "pregnant", "Regularización (caso de demostración)", "MX")),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine("Seeding demo data...");
        var now = clock.GetUtcNow();
        foreach (var (officeId, key, input) in Samples)
        {
            var office = await offices.FindAsync(officeId, cancellationToken);
            var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-case/{key}")).AsSpan(0, 16));
            if (office is null || await store.FindAsync(officeId, id, cancellationToken) is not null)
            {
                continue;
            }

            var details = CaseDetailsValidator.Validate(input, DateOnly.FromDateTime(now.UtcDateTime));
            if (!details.IsSuccess)
            {
                throw new InvalidOperationException($"Demo case {key} is invalid: {string.Join("; ", details.Failure.Errors!.Keys)}");
            }

            var number = await references.NextAsync(officeId, now.Year, cancellationToken);
            var reference = $"{office.ReferencePrefix}-{now.Year}-{number.Number:D6}";
            var seed = new CallContext(new SystemCaller(SeedProcess, officeId), $"demo-seed-{key}");
            var demo = Case.Open(id, officeId, reference, IntakeChannel.Staff, details.Value, seed.Caller.Id, now) with { Demo = true };
            await store.TryCreateAsync(demo, number, auditor.Entries(seed, officeId, id, AuditAction.CaseCreated), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IntakeInput Sample(string name, string nationality, string language, string issue, string vulnerability, string description, string country) =>
        new()
        {
            Client = new ClientInput
            {
                FullName = name,
                Nationalities = [nationality],
                Languages = [language],
                CurrentLocation = new LocationInput { Country = country },
            },
            Vulnerabilities = [vulnerability],
            LegalIssues = [new LegalIssueInput { Type = issue, Description = description }],
        };
}
