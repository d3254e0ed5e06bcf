using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Tests.Cases;

public class CaseVersionTests
{
    private const long Version = 7;
    private static readonly DateTimeOffset At = CaseSamples.Now.AddHours(2);
    private static readonly Guid ConsentId = Guid.NewGuid();

    // Every change of the aggregate, applied to a case at version 7 that can take it.
    private static readonly Dictionary<string, Func<Case, Case>> Changes = new()
    {
        ["details"] = c => c.WithDetails(c.Details with { Vulnerabilities = [] }, At),
        ["triage-from-intake"] = c => c.WithTriage(Result(c), "defender-1", At).Value!,
        ["triage-again"] = c => (c with { Status = CaseStatus.Triaged }).WithTriage(Result(c), "defender-1", At).Value!,
        ["triage-override"] = c => (c with { Status = CaseStatus.Triaged, Triage = Result(c) })
            .WithTriageOverride(new TriageOverride(TriageDecision.Eligible, Priority.Critical, "Hearing moved", "sup-1", At), At).Value!,
        ["status"] = c => c.TransitionTo(CaseStatus.Closed, "Duplicate", "sup-1", At).Value!,
        ["consent"] = c => c.WithConsent(Consent(), At),
        ["consent-withdrawn"] = c => (c with { Consents = [Consent()] }).WithdrawConsent(ConsentId, ConsentChannel.Chat, "defender-1", At).Value!,
        ["conflict-check"] = c => c.WithConflictCheck([], "defender-1", At),
        ["conflict-check-again"] = c => (c with { ConflictCheck = new ConflictCheck(CaseSamples.Now, "d", [], null, null, null, null) })
            .WithConflictCheck([], "defender-1", At),
        ["conflict-outcome"] = c => (c with { ConflictCheck = new ConflictCheck(CaseSamples.Now, "d", [], null, null, null, null) })
            .WithConflictOutcome(ConflictOutcome.None, null, "defender-1", At).Value!,
    };

    public static TheoryData<string> ChangeNames() => new(Changes.Keys);

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void Every_change_gives_the_next_version_and_the_time_of_the_change(string change)
    {
        var before = CaseSamples.NewCase() with { Version = Version };

        var after = Changes[change](before);

        Assert.Equal(Version + 1, after.Version);
        Assert.Equal(At, after.UpdatedAt);
    }

    private static TriageResult Result(Case c) =>
        new(TriageDecision.Eligible, Priority.High, [], [], [], "gt-idpp-guatemala", 1, At, "defender-1", TriageInputs.Fingerprint(c.Details, c.ConflictOutcome));

    private static Consent Consent() =>
        new(ConsentId, ConsentPurpose.StoreAndProcess, null, true, CaseSamples.Now, ConsentChannel.InPerson, "es", "defender-1", null, null);
}
