using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

internal static class TestCases
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Case Make(
        string officeId,
        string fullName = "Ana Gómez",
        DateTimeOffset? createdAt = null,
        CaseStatus status = CaseStatus.Intake,
        Priority? priority = null,
        string[]? aliases = null,
        string? reference = null)
    {
        var details = new CaseDetails(
            new Client(fullName, aliases ?? [], null, false, ["HN"], ["es"], null, new Contact("+504 0000 0000", null), new Location("MX", "Tapachula"), []),
            null,
            [Vulnerability.Detained],
            null,
            [new LegalIssue(LegalIssueType.Asylum, null)],
            new KeyDates(null, null, []),
            []);
        var opened = Case.Open(Guid.NewGuid(), officeId, reference ?? $"MX-2026-{Random.Shared.Next(1, 999_999):D6}", IntakeChannel.Staff, details, "defender-1", createdAt ?? Start);
        return opened with { Status = status, Priority = priority };
    }
}
