using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.CaseParts;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The case page names the offices it mentions (triage's recommendations, the case's referrals), as the work queue does, instead of showing their ids.</summary>
public sealed class CasePageOfficeNamesTests : QueueTestContext
{
    private const string Offices = """
        { "items": [ { "id": "gt-idpp-guatemala", "name": "IDPP Guatemala", "timeZone": "America/Guatemala" },
                     { "id": "mx-ifdp-tapachula", "name": "IFDP Tapachula", "timeZone": "America/Mexico_City" },
                     { "id": "hn-dp-tegucigalpa", "name": "DP Tegucigalpa", "timeZone": "America/Tegucigalpa" } ], "continuationToken": null }
        """;

    private const string Referrals = $$"""
        { "items": [ { "id": "r1", "direction": "outgoing", "caseId": "{{SampleCase.Id}}", "fromOfficeId": "gt-idpp-guatemala", "toOfficeId": "mx-ifdp-tapachula",
          "kind": "representation", "priority": "normal", "reason": "r", "sharedFields": [], "documentIds": [], "status": "sent",
          "steps": [], "deadlines": [], "allowedActions": [], "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z", "version": 1 } ],
          "continuationToken": null }
        """;

    public CasePageOfficeNamesTests()
        : base(offices: Offices, referrals: Referrals)
    {
    }

    [Fact]
    public void Triage_names_the_recommended_offices()
    {
        var triage = new TriageResult(
            "en", "eligible", "Eligible", "normal", "Normal", "eligible", "normal", [], [],
            ["mx-ifdp-tapachula", "hn-dp-tegucigalpa"], DateTimeOffset.UnixEpoch, "gt-idpp-guatemala-defender", false, null);
        var panel = Render<TriagePanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of() with { Triage = triage }, "\"1\"")));

        panel.WaitForAssertion(() => Assert.Contains(
            "Recommended offices: IFDP Tapachula, DP Tegucigalpa", AccessibleNames.Collapse(panel.Find("section").TextContent), StringComparison.Ordinal));
        Assert.DoesNotContain("mx-ifdp-tapachula", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_referrals_name_the_office_each_went_to()
    {
        var panel = Render<CaseReferralsPanel>(p => p.Add(c => c.Context, new CaseContext(SampleCase.Of(), "\"1\"")));

        panel.WaitForAssertion(() => Assert.Equal("Representation → IFDP Tapachula", AccessibleNames.Collapse(panel.Find("a[href='referrals/r1']").TextContent)));
    }
}
