using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Tests.Cases;
using static LegalAidReferral.Core.Tests.Referrals.ReferralSamples;

namespace LegalAidReferral.Core.Tests.Referrals;

public class ReferralSendingTests
{
    [Fact]
    public void The_package_holds_exactly_the_listed_fields_shaped_as_in_the_case()
    {
        var sent = Sent(request: Request(null, "client.fullName", "client.languages", "keyDates.hearingDate", "legalIssues"));

        Assert.Equal(
            """{"client":{"fullName":"María José Pérez López","languages":["es"]},"keyDates":{"hearingDate":"2026-12-02"},"legalIssues":[{"type":"deportation","description":"Removal order"}]}""",
            sent.Delivery.Package.Values.GetRawText());
        Assert.Equal(["client.fullName", "client.languages", "keyDates.hearingDate", "legalIssues"], sent.Delivery.Package.Fields);
        Assert.Null(sent.Delivery.Package.WithdrawnAt);
    }

    [Fact]
    public void Birth_date_and_identity_documents_never_reach_the_package_unless_listed()
    {
        var unlisted = Sent(request: Request(null, SharedFields.Allowed.Where(f => f is not ("client.birthDate" or "client.identityDocuments")).ToArray()));
        var json = JsonSerializer.Serialize(unlisted.Delivery, WireJson.Options);

        Assert.DoesNotContain("1994-03-12", json, StringComparison.Ordinal);
        Assert.DoesNotContain("HN1234567", json, StringComparison.Ordinal);
        Assert.DoesNotContain("birthDate", json, StringComparison.Ordinal);
        Assert.DoesNotContain("identityDocuments", json, StringComparison.Ordinal);

        var listed = Sent(request: Request(null, "client.birthDate", "client.identityDocuments")).Delivery.Package.Values.GetRawText();
        Assert.Equal(
            """{"client":{"birthDate":"1994-03-12","birthDateApproximate":false,"identityDocuments":[{"type":"passport","number":"HN1234567","issuingCountry":"HN"}]}}""",
            listed);
    }

    [Fact]
    public void A_listed_field_the_case_lacks_is_null_in_the_package()
    {
        var noHousehold = CaseWith(ShareConsent(Tapachula)) with { Details = CaseSamples.ValidDetails() with { Household = null } };

        Assert.Equal("""{"household":null}""", Sent(noHousehold, Request(null, "household")).Delivery.Package.Values.GetRawText());
    }

    [Fact]
    public void The_sending_copy_lists_the_fields_but_keeps_no_values()
    {
        var json = JsonSerializer.Serialize(Sent().Referral, WireJson.Options);

        Assert.DoesNotContain("María", json, StringComparison.Ordinal);
        Assert.Contains("\"sharedFields\":[\"client.fullName\",\"legalIssues\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_allowed_path_projects_and_no_path_outside_the_list_does()
    {
        Assert.Equal(18, SharedFields.Allowed.Count);
        foreach (var path in SharedFields.Allowed)
        {
            Assert.Equal([path], SharedFields.Project(CaseSamples.ValidDetails(), [path]).Fields);
        }

        foreach (var path in new[] { "client", "keyDates", "client.contact", "reference", "consents", "triage", "conflictCheck", "client.birthDateApproximate", "Client.FullName" })
        {
            Assert.False(SharedFields.IsAllowed(path));
            Assert.Throws<ArgumentException>(() => SharedFields.Project(CaseSamples.ValidDetails(), [path]));
        }
    }

    [Fact]
    public void The_referral_takes_the_case_priority_and_coarse_categories()
    {
        var @case = CaseWith(ShareConsent(Tapachula)) with { Priority = Priority.High };

        var referral = Sent(@case).Referral;

        Assert.Equal(Priority.High, referral.Priority);
        Assert.Equal((GenderCategory.Female, AgeBand.Adult), (referral.Categories.Gender, referral.Categories.AgeBand));
        Assert.Equal([Vulnerability.Detained], referral.Categories.VulnerableGroups);
    }

    [Fact]
    public void A_closed_case_cannot_be_referred()
    {
        var closed = CaseWith(ShareConsent(Tapachula)) with { Status = CaseStatus.Closed };

        var result = ReferralSending.Send(ReferralId, SendStepId, closed, Request(), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, SendingDefender, Now);

        Assert.Equal(FailureKind.InvalidTransition, result.Failure!.Kind);
    }

    [Fact]
    public void An_office_that_takes_no_cross_border_referrals_gets_none_from_another_country()
    {
        var closedBorder = Office(Tapachula, "MX", "America/Mexico_City", acceptsCrossBorder: false);

        var result = ReferralSending.Send(ReferralId, SendStepId, CaseWith(ShareConsent(Tapachula)), Request(), GuatemalaOffice, closedBorder, TapachulaCalendar, SendingDefender, Now);

        Assert.Equal(["toOfficeId"], result.Failure!.Errors!.Keys);
    }

    [Fact]
    public void Only_defenders_and_supervisors_of_the_case_office_send()
    {
        var admin = Staff(Guatemala, "gt-admin", Role.OfficeAdmin);
        var other = Staff(Juarez, "juarez", Role.Defender);
        var @case = CaseWith(ShareConsent(Tapachula));

        Assert.Equal(FailureKind.Forbidden, ReferralSending.Send(ReferralId, SendStepId, @case, Request(), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, admin, Now).Failure!.Kind);
        Assert.Equal(FailureKind.NotFound, ReferralSending.Send(ReferralId, SendStepId, @case, Request(), GuatemalaOffice, TapachulaOffice, TapachulaCalendar, other, Now).Failure!.Kind);
    }
}
