using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Tests.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>Referral copies between two seeded offices, made by the domain's own sending and receiving rules.</summary>
internal static class TestReferrals
{
    public const string Guatemala = "gt-idpp-guatemala";
    public const string Tapachula = "mx-ifdp-tapachula";

    private static readonly StaffCaller Defender = new("gt-defender", Guatemala, new HashSet<Role> { Role.Defender });

    /// <summary>The sending copy (Guatemala's) of a new referral of <paramref name="caseId"/>, sent at <paramref name="at"/>.</summary>
    public static Referral Sending(Guid? caseId = null, DateTimeOffset? at = null) => Sent(caseId, at).Referral;

    /// <summary>The receiving copy (Tapachula's) of a new referral.</summary>
    public static Referral Receiving(DateTimeOffset? at = null) => Copies(at).Receiving;

    /// <summary>Both copies of one new referral.</summary>
    public static (Referral Sending, Referral Receiving) Copies(DateTimeOffset? at = null)
    {
        var sent = Sent(null, at);
        return (sent.Referral, ReferralExchange.Receive(null, sent.Delivery, at ?? TestCases.Start).Referral!);
    }

    public static ExchangeMessage Message(Referral copy, string subject = "referral-sent", DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), Topics.Referrals, subject, copy.FromOfficeId, copy.ToOfficeId, copy.Id.ToString("D"), """{"v":1}""", at ?? copy.UpdatedAt);

    /// <summary>The copy one version on, as a step would leave it.</summary>
    public static Referral Next(Referral copy, DateTimeOffset at) => copy with { Version = copy.Version + 1, UpdatedAt = at };

    private static SentReferral Sent(Guid? caseId, DateTimeOffset? at)
    {
        var consent = new Consent(Guid.NewGuid(), ConsentPurpose.ShareWithOffice, Tapachula, true, TestCases.Start.AddDays(-1), ConsentChannel.InPerson, "es", "gt-defender", null, null);
        var @case = TestCases.Make(Guatemala, status: CaseStatus.Open) with { Consents = [consent] };
        if (caseId is { } id)
        {
            @case = @case with { Id = id };
        }

        var request = new ReferralRequest(Tapachula, ReferralKind.Representation, null, "Client moved to Tapachula", ["client.fullName", "legalIssues"], [], null);
        var result = ReferralSending.Send(
            Guid.NewGuid(), Guid.NewGuid(), @case, request, Office(Guatemala, "GT", "America/Guatemala"), Office(Tapachula, "MX", "America/Mexico_City"),
            DeadlineCalculator.For(ProtocolDefaults.For(Tapachula), "America/Mexico_City"), Defender, at ?? TestCases.Start);
        Assert.True(result.IsSuccess, result.Failure?.Detail);
        return result.Value!;
    }

    private static Office Office(string id, string country, string timeZone) => new()
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
        AcceptsCrossBorderReferrals = true,
    };
}
