using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Tests.Referrals;

/// <summary>
/// The action table, exhaustively: every status x action x side x role (staff holding each role,
/// none, or defender and supervisor together; the system) -> the next status, or Forbidden (403),
/// or InvalidTransition (409). The expectations are written out here, not derived from the table.
/// </summary>
public class ReferralActionTableTests
{
    // (status, action, side) -> next status; every other triple is not allowed in that status.
    // Sides: S sending office, R receiving office, Y system.
    private static readonly Dictionary<(ReferralStatus, ReferralAction, char), ReferralStatus> Next = new()
    {
        [(ReferralStatus.Sent, ReferralAction.Acknowledge, 'R')] = ReferralStatus.Acknowledged,
        [(ReferralStatus.Acknowledged, ReferralAction.Accept, 'R')] = ReferralStatus.Accepted,
        [(ReferralStatus.Acknowledged, ReferralAction.Decline, 'R')] = ReferralStatus.Declined,
        [(ReferralStatus.Accepted, ReferralAction.Assign, 'R')] = ReferralStatus.Assigned,
        [(ReferralStatus.Assigned, ReferralAction.Assign, 'R')] = ReferralStatus.Assigned,
        [(ReferralStatus.InProgress, ReferralAction.Assign, 'R')] = ReferralStatus.InProgress,
        [(ReferralStatus.Assigned, ReferralAction.FirstContact, 'R')] = ReferralStatus.InProgress,
        [(ReferralStatus.InProgress, ReferralAction.Outcome, 'R')] = ReferralStatus.Completed,
        [(ReferralStatus.Completed, ReferralAction.Close, 'S')] = ReferralStatus.Closed,
        [(ReferralStatus.Declined, ReferralAction.Close, 'S')] = ReferralStatus.Closed,
        [(ReferralStatus.Sent, ReferralAction.Revoke, 'S')] = ReferralStatus.Revoked,
        [(ReferralStatus.Acknowledged, ReferralAction.Revoke, 'S')] = ReferralStatus.Revoked,
        [(ReferralStatus.Accepted, ReferralAction.Revoke, 'S')] = ReferralStatus.Revoked,
        [(ReferralStatus.Assigned, ReferralAction.Revoke, 'S')] = ReferralStatus.Revoked,
        [(ReferralStatus.InProgress, ReferralAction.Revoke, 'S')] = ReferralStatus.Revoked,
        [(ReferralStatus.Sent, ReferralAction.Revoke, 'Y')] = ReferralStatus.Revoked,
        [(ReferralStatus.Acknowledged, ReferralAction.Revoke, 'Y')] = ReferralStatus.Revoked,
        [(ReferralStatus.Accepted, ReferralAction.Revoke, 'Y')] = ReferralStatus.Revoked,
        [(ReferralStatus.Assigned, ReferralAction.Revoke, 'Y')] = ReferralStatus.Revoked,
        [(ReferralStatus.InProgress, ReferralAction.Revoke, 'Y')] = ReferralStatus.Revoked,
    };

    // (action, side) -> the staff roles admitted (D defender, S supervisor); "system" for the system
    // side. Missing = that side never takes that action, whatever the status or role.
    private static readonly Dictionary<(ReferralAction, char), string> Admitted = new()
    {
        [(ReferralAction.Acknowledge, 'R')] = "DS",
        [(ReferralAction.Accept, 'R')] = "DS",
        [(ReferralAction.Decline, 'R')] = "DS",
        [(ReferralAction.Assign, 'R')] = "S",
        [(ReferralAction.FirstContact, 'R')] = "DS",
        [(ReferralAction.Outcome, 'R')] = "DS",
        [(ReferralAction.Close, 'S')] = "DS",
        [(ReferralAction.Revoke, 'S')] = "DS",
        [(ReferralAction.Revoke, 'Y')] = "system",
    };

    // Staff callers by their roles: none, each role alone, and defender with supervisor (the demo supervisors).
    private static readonly string[] StaffRoleSets = [string.Empty, "D", "S", "A", "R", "DS"];

    private enum Expected
    {
        Allowed,
        Forbidden,
        InvalidTransition,
    }

    public static TheoryData<ReferralStatus, ReferralAction, char, string> Cells()
    {
        var cells = new TheoryData<ReferralStatus, ReferralAction, char, string>();
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            foreach (var action in Enum.GetValues<ReferralAction>())
            {
                foreach (var roles in StaffRoleSets)
                {
                    cells.Add(status, action, 'S', roles);
                    cells.Add(status, action, 'R', roles);
                }

                cells.Add(status, action, 'Y', "system");
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_status_action_side_and_role_is_allowed_or_refused_as_written(ReferralStatus status, ReferralAction action, char side, string roles)
    {
        var copy = ReferralSamples.InStatus(status, side == 'R' ? ReferralCopy.Receiving : ReferralCopy.Sending);
        var result = copy.Act(action, ReferralSamples.Details(action), Caller(side, roles), Guid.NewGuid(), ReferralSamples.Now.AddHours(1), ReferralSamples.TapachulaCalendar);

        var expected = ExpectedOf(status, action, side, roles);
        Assert.Equal(expected, result.IsSuccess ? Expected.Allowed : KindOf(result.Failure!.Kind));
        if (expected == Expected.Allowed)
        {
            Assert.Equal(Next[(status, action, side)], result.Value!.Referral.Status);
            Assert.Equal(Next[(status, action, side)], result.Value.Step.To);
            Assert.Equal(status, result.Value.Step.From);
        }
    }

    [Fact]
    public void The_table_has_exactly_the_written_rows()
    {
        var rows = ReferralActions.Rules.Select(r => ((r.From, r.Action, SideLetter(r.Side)), r.To)).ToHashSet();

        Assert.Equal(Next.Select(e => (e.Key, e.Value)).ToHashSet(), rows);
        Assert.Equal(ReferralActions.Rules.Count, rows.Count);
    }

    [Fact]
    public void Send_is_not_an_action_a_caller_can_name()
    {
        Assert.DoesNotContain(ReferralAction.Send, ReferralActions.Requestable);
        Assert.Equal(Enum.GetValues<ReferralAction>().Length - 1, ReferralActions.Requestable.Count);
    }

    [Fact]
    public void A_refused_action_names_the_status_and_the_actions_allowed_now()
    {
        var result = ReferralSamples.InStatus(ReferralStatus.Sent, ReferralCopy.Receiving)
            .Act(ReferralAction.Accept, ReferralSamples.Details(ReferralAction.Accept), ReferralSamples.ReceivingDefender, Guid.NewGuid(), ReferralSamples.Now, ReferralSamples.TapachulaCalendar);

        Assert.Equal("A referral in status 'sent' cannot take the step 'accept'. Allowed now: acknowledge.", result.Failure!.Detail);
    }

    [Fact]
    public void Assign_by_a_defender_is_refused_as_a_supervisor_task()
    {
        var result = ReferralSamples.InStatus(ReferralStatus.Accepted, ReferralCopy.Receiving)
            .Act(ReferralAction.Assign, ReferralSamples.Details(ReferralAction.Assign), ReferralSamples.ReceivingDefender, Guid.NewGuid(), ReferralSamples.Now, ReferralSamples.TapachulaCalendar);

        Assert.Equal("Only a supervisor of the receiving office can 'assign' a referral.", result.Failure!.Detail);
    }

    [Theory]
    [InlineData(ReferralStatus.Sent, "revoke")]
    [InlineData(ReferralStatus.Completed, "close")]
    [InlineData(ReferralStatus.Revoked, "")]
    public void Allowed_actions_list_what_the_caller_may_do_now(ReferralStatus status, string expected)
    {
        var copy = ReferralSamples.InStatus(status, ReferralCopy.Sending);

        Assert.Equal(expected, string.Join(",", copy.AllowedActions(ReferralSamples.SendingDefender).Select(Kebab<ReferralAction>.Name)));
        Assert.Empty(copy.AllowedActions(ReferralSamples.ReceivingSupervisor));
    }

    [Fact]
    public void A_supervisor_of_the_receiving_office_may_acknowledge_and_assign_where_the_table_allows()
    {
        var receiving = ReferralSamples.InStatus(ReferralStatus.Assigned, ReferralCopy.Receiving);

        Assert.Equal([ReferralAction.Assign, ReferralAction.FirstContact], receiving.AllowedActions(ReferralSamples.ReceivingSupervisor));
        Assert.Equal([ReferralAction.FirstContact], receiving.AllowedActions(ReferralSamples.ReceivingDefender));
    }

    [Fact]
    public void Staff_of_a_third_office_do_not_find_the_referral()
    {
        var third = ReferralSamples.Staff(ReferralSamples.Juarez, "juarez", Role.Defender, Role.Supervisor);
        var result = ReferralSamples.InStatus(ReferralStatus.Sent, ReferralCopy.Receiving)
            .Act(ReferralAction.Acknowledge, ReferralSamples.Details(ReferralAction.Acknowledge), third, Guid.NewGuid(), ReferralSamples.Now, null);

        Assert.Equal(FailureKind.NotFound, result.Failure!.Kind);
        Assert.Null(ReferralSamples.InStatus(ReferralStatus.Sent, ReferralCopy.Sending).SideOf(new ClientCaller(Guid.NewGuid(), ReferralSamples.Guatemala)));
    }

    [Fact]
    public void Each_office_acts_only_on_its_own_copy()
    {
        var receivingOnSendingCopy = ReferralSamples.InStatus(ReferralStatus.Sent, ReferralCopy.Sending)
            .Act(ReferralAction.Acknowledge, ReferralSamples.Details(ReferralAction.Acknowledge), ReferralSamples.ReceivingDefender, Guid.NewGuid(), ReferralSamples.Now, null);
        var systemOnReceivingCopy = ReferralSamples.InStatus(ReferralStatus.Sent, ReferralCopy.Receiving)
            .Act(ReferralAction.Revoke, ReferralSamples.Details(ReferralAction.Revoke), new SystemCaller("consent-withdrawal", ReferralSamples.Tapachula), Guid.NewGuid(), ReferralSamples.Now, null);

        Assert.Equal(FailureKind.NotFound, receivingOnSendingCopy.Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, systemOnReceivingCopy.Failure!.Kind);
    }

    private static Expected ExpectedOf(ReferralStatus status, ReferralAction action, char side, string roles)
    {
        if (action == ReferralAction.Send)
        {
            return Expected.InvalidTransition;
        }

        if (!Admitted.TryGetValue((action, side), out var admitted))
        {
            return Expected.Forbidden;
        }

        if (admitted != "system" && !roles.Any(admitted.Contains))
        {
            return Expected.Forbidden;
        }

        return Next.ContainsKey((status, action, side)) ? Expected.Allowed : Expected.InvalidTransition;
    }

    private static Caller Caller(char side, string roles)
    {
        var roleSet = roles.Select(letter => letter switch
        {
            'D' => Role.Defender,
            'S' => Role.Supervisor,
            'A' => Role.OfficeAdmin,
            _ => Role.RegionalReviewer,
        }).ToArray();
        return side switch
        {
            'S' => ReferralSamples.Staff(ReferralSamples.Guatemala, "gt-user", roleSet),
            'R' => ReferralSamples.Staff(ReferralSamples.Tapachula, "mx-user", roleSet),
            _ => ReferralSamples.SendingSystem,
        };
    }

    private static Expected KindOf(FailureKind kind) => kind switch
    {
        FailureKind.Forbidden => Expected.Forbidden,
        FailureKind.InvalidTransition => Expected.InvalidTransition,
        _ => throw new InvalidOperationException($"Unexpected failure {kind}."),
    };

    private static char SideLetter(ReferralSide side) => side switch
    {
        ReferralSide.SendingOffice => 'S',
        ReferralSide.ReceivingOffice => 'R',
        _ => 'Y',
    };
}
