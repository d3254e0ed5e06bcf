using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Tests.Access;

/// <summary>
/// The default access table, exhaustively: every use case x caller (staff in each role, the system,
/// a client) x the caller's own office or another's. The expectations are written out here on their
/// own, not derived from the table they test.
/// </summary>
public class AccessPolicyMatrixTests
{
    private const string Own = "gt-idpp-guatemala";
    private const string Other = "mx-ifdp-tapachula";
    private static readonly Guid OwnCase = Guid.Parse("0b5a3c62-8f1e-4f55-9b44-3d2f7a0c1e01");
    private static readonly Guid OtherCase = Guid.Parse("0b5a3c62-8f1e-4f55-9b44-3d2f7a0c1e02");

    private enum Target
    {
        Office,
        Case,
    }

    private enum Outcome
    {
        Allowed,
        Forbidden,
        NotFound,
    }

    // Use case -> the callers admitted (staff roles D defender, S supervisor, A office admin, R regional
    // reviewer; c a client, y the system), what the use case touches, and what admitted callers get for
    // another office's data.
    private static readonly Dictionary<UseCase, (string Roles, Target Target, Outcome OtherOffice)> Expected = new()
    {
        [UseCase.IntakeCase] = ("DSc", Target.Office, Outcome.Forbidden),
        [UseCase.ListCases] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.SearchCases] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.GetCase] = ("DSc", Target.Case, Outcome.NotFound),
        [UseCase.UpdateCase] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.ChangeCaseStatus] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.RecordConsent] = ("DSc", Target.Case, Outcome.NotFound),
        [UseCase.WithdrawConsent] = ("DSc", Target.Case, Outcome.NotFound),
        [UseCase.GetCaseHistory] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.RunConflictCheck] = ("DSy", Target.Case, Outcome.NotFound),
        [UseCase.RecordConflictOutcome] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.RunTriage] = ("DSy", Target.Case, Outcome.NotFound),
        [UseCase.OverrideTriage] = ("S", Target.Case, Outcome.NotFound),
        [UseCase.ListOffices] = ("DSAR", Target.Office, Outcome.Allowed),
        [UseCase.GetOffice] = ("DSAR", Target.Office, Outcome.Allowed),
        [UseCase.UpdateTriagePolicy] = ("A", Target.Office, Outcome.Forbidden),
        [UseCase.SendReferral] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.ListReferrals] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.GetReferral] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.ActOnReferral] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.PostReferralMessage] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.ListReferralMessages] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.ListAlerts] = ("DS", Target.Office, Outcome.Forbidden),
        [UseCase.AcknowledgeAlert] = ("DS", Target.Office, Outcome.Forbidden),

        // Protocol settings (issue 7).
        [UseCase.GetProtocolSettings] = ("DSAR", Target.Office, Outcome.Allowed),
        [UseCase.UpdateProtocolSettings] = ("A", Target.Office, Outcome.Forbidden),

        // Case documents (issue 8).
        [UseCase.UploadDocument] = ("DSc", Target.Case, Outcome.NotFound),
        [UseCase.ListDocuments] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.GetDocument] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.GetReferralDocument] = ("DS", Target.Office, Outcome.Forbidden),

        // The chat (issue 10).
        [UseCase.BindChatConversation] = ("c", Target.Case, Outcome.NotFound),
        [UseCase.OpenChatHandOff] = ("c", Target.Case, Outcome.NotFound),
        [UseCase.RequestErasure] = ("c", Target.Case, Outcome.NotFound),
        [UseCase.PostClientChatMessage] = ("c", Target.Case, Outcome.NotFound),
        [UseCase.ListChatMessages] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.PostChatMessage] = ("DS", Target.Case, Outcome.NotFound),
        [UseCase.CloseChatHandOff] = ("DS", Target.Case, Outcome.NotFound),
        // Adherence review.
        [UseCase.GetAdherence] = ("R", Target.Office, Outcome.Allowed),
        [UseCase.ListReviewEvents] = ("R", Target.Office, Outcome.Allowed),
    };

    private static readonly Dictionary<char, Role> RoleLetters = new()
    {
        ['D'] = Role.Defender,
        ['S'] = Role.Supervisor,
        ['A'] = Role.OfficeAdmin,
        ['R'] = Role.RegionalReviewer,
    };

    public static TheoryData<UseCase, string, bool> Cells()
    {
        var cells = new TheoryData<UseCase, string, bool>();
        var callers = RoleLetters.Keys.Select(letter => $"staff:{letter}").Append("system").Append("client");
        foreach (var useCase in Enum.GetValues<UseCase>())
        {
            foreach (var caller in callers)
            {
                cells.Add(useCase, caller, true);
                cells.Add(useCase, caller, false);
            }
        }

        return cells;
    }

    [Fact]
    public void Every_use_case_has_a_rule_and_an_expectation()
    {
        Assert.Equal(Enum.GetValues<UseCase>().Order(), AccessRules.Default.Keys.Order());
        Assert.Equal(Enum.GetValues<UseCase>().Order(), Expected.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_what_the_table_says(UseCase useCase, string callerName, bool ownOffice)
    {
        var (roles, target, otherOffice) = Expected[useCase];
        var caller = CallerNamed(callerName);
        var admitted = caller switch
        {
            StaffCaller staff => staff.Roles.Any(role => roles.Contains(RoleLetters.Single(l => l.Value == role).Key, StringComparison.Ordinal)),
            ClientCaller => roles.Contains('c', StringComparison.Ordinal),
            _ => roles.Contains('y', StringComparison.Ordinal),
        };

        // A client reaches their own case only, never an office as such: a client's intake asks only for
        // admission, since the case it creates does not exist yet.
        var expected = !admitted || (caller is ClientCaller && target == Target.Office) ? Outcome.Forbidden
            : ownOffice ? Outcome.Allowed
            : otherOffice;

        var policy = new AccessPolicy(new NoReferrals());
        var failure = await policy.CheckAsync(useCase, caller, TargetOf(target, ownOffice), CancellationToken.None);

        Assert.Equal(expected, OutcomeOf(failure));
        Assert.Equal(admitted, policy.Admit(useCase, caller) is null);
    }

    private static Caller CallerNamed(string name) => name switch
    {
        "system" => new SystemCaller("test-timer", Own),
        "client" => new ClientCaller(OwnCase, Own),
        _ => new StaffCaller("user-1", Own, new HashSet<Role> { RoleLetters[name[^1]] }),
    };

    private static AccessTarget TargetOf(Target target, bool ownOffice) => target == Target.Case
        ? new AccessTarget(ownOffice ? Own : Other, ownOffice ? OwnCase : OtherCase)
        : new AccessTarget(ownOffice ? Own : Other);

    private static Outcome OutcomeOf(Failure? failure) => failure?.Kind switch
    {
        null => Outcome.Allowed,
        FailureKind.Forbidden => Outcome.Forbidden,
        FailureKind.NotFound => Outcome.NotFound,
        var other => throw new InvalidOperationException($"Unexpected failure {other}."),
    };
}
