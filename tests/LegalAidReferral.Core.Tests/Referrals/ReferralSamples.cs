using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Core.Tests.Cases;

namespace LegalAidReferral.Core.Tests.Referrals;

internal static class ReferralSamples
{
    public const string Guatemala = "gt-idpp-guatemala";
    public const string Tapachula = "mx-ifdp-tapachula";
    public const string Juarez = "mx-ifdp-ciudad-juarez";

    /// <summary>Tuesday 1 December 2026, 15:00 UTC (09:00 in Guatemala and Mexico City).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);

    public static readonly Guid ReferralId = Guid.Parse("5f0c8a2e-1b7d-4c3e-9a6f-2d4b8e0c1a01");
    public static readonly Guid SendStepId = Guid.Parse("5f0c8a2e-1b7d-4c3e-9a6f-2d4b8e0c1a02");

    public static readonly StaffCaller SendingDefender = Staff(Guatemala, "gt-defender", Role.Defender);
    public static readonly StaffCaller SendingSupervisor = Staff(Guatemala, "gt-supervisor", Role.Defender, Role.Supervisor);
    public static readonly StaffCaller ReceivingDefender = Staff(Tapachula, "mx-defender", Role.Defender);
    public static readonly StaffCaller ReceivingSupervisor = Staff(Tapachula, "mx-supervisor", Role.Defender, Role.Supervisor);
    public static readonly SystemCaller SendingSystem = new("consent-withdrawal", Guatemala);

    public static Office GuatemalaOffice { get; } = Office(Guatemala, "GT", "America/Guatemala");

    public static Office TapachulaOffice { get; } = Office(Tapachula, "MX", "America/Mexico_City");

    public static StaffCaller Staff(string officeId, string userId, params Role[] roles) => new(userId, officeId, roles.ToHashSet());

    public static Office Office(string id, string country, string timeZone, bool acceptsCrossBorder = true) => new()
    {
        Id = id,
        Name = id,
        Institution = id,
        Country = country,
        Locality = id,
        TimeZone = timeZone,
        Languages = ["es"],
        FocalPoint = new FocalPoint("Focal point", "focal@example.org", "+000"),
        Mandate = [LegalIssueType.Deportation],
        AcceptsCrossBorderReferrals = acceptsCrossBorder,
    };

    /// <summary>Tapachula's calendar: the default settings in Mexico City time.</summary>
    public static DeadlineCalculator TapachulaCalendar { get; } = DeadlineCalculator.For(ProtocolDefaults.For(Tapachula), "America/Mexico_City");

    public static Consent ShareConsent(string? officeId, DateTimeOffset? recordedAt = null, bool given = true) =>
        new(Guid.NewGuid(), ConsentPurpose.ShareWithOffice, officeId, given, recordedAt ?? Now.AddDays(-1), ConsentChannel.InPerson, "es", "gt-defender", null, null);

    public static Case CaseWith(params Consent[] consents) => CaseSamples.NewCase(CaseStatus.Open) with { Consents = consents };

    public static ReferralRequest Request(string? overrideReason = null, params string[] fields) =>
        new(Tapachula, ReferralKind.Representation, null, "Client moved to Tapachula", fields.Length == 0 ? ["client.fullName", "legalIssues"] : fields, [], overrideReason);

    public static SentReferral Sent(Case? @case = null, ReferralRequest? request = null, DateTimeOffset? at = null, StaffCaller? by = null)
    {
        var result = ReferralSending.Send(
            ReferralId, SendStepId, @case ?? CaseWith(ShareConsent(Tapachula)), request ?? Request(), GuatemalaOffice, TapachulaOffice, TapachulaCalendar,
            by ?? SendingDefender, at ?? Now);
        Assert.True(result.IsSuccess, result.Failure?.Detail);
        return result.Value;
    }

    public static Referral ReceivingCopy(SentReferral sent)
    {
        var receipt = ReferralExchange.Receive(null, sent.Delivery, Now);
        Assert.Equal(ReceiptKind.Applied, receipt.Kind);
        return receipt.Referral!;
    }

    /// <summary>A copy forced into <paramref name="status"/>, for the table tests (like <see cref="CaseSamples.NewCase"/>).</summary>
    public static Referral InStatus(ReferralStatus status, ReferralCopy copy)
    {
        var sent = Sent();
        return (copy == ReferralCopy.Sending ? sent.Referral : ReceivingCopy(sent)) with { Status = status };
    }

    /// <summary>Takes the step, asserting it succeeds.</summary>
    public static ReferralChange Take(
        this Referral referral, ReferralAction action, Caller caller, DateTimeOffset at, ReferralActionDetails? details = null, Guid? stepId = null)
    {
        var result = referral.Act(action, details ?? new ReferralActionDetails(null, null, null, null), caller, stepId ?? Guid.NewGuid(), at, TapachulaCalendar);
        Assert.True(result.IsSuccess, result.Failure?.Detail);
        return result.Value;
    }

    public static ReferralActionDetails Details(ReferralAction action) => action switch
    {
        ReferralAction.Decline => new(null, "A reason", null, null, DeclineReason.NoCapacity),
        ReferralAction.Revoke => new(null, "A reason", null, null),
        ReferralAction.Assign => new(null, null, "mx-defender-2", null),
        ReferralAction.Outcome => new(null, null, null, new ReferralOutcome(true, null)),
        _ => new(null, null, null, null),
    };
}
