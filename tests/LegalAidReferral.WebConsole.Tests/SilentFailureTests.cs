using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages;
using LegalAidReferral.WebConsole.Pages.CaseParts;
using LegalAidReferral.WebConsole.Pages.ReferralParts;
using Microsoft.AspNetCore.Components.Forms;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>Reads and checks that failed without a word: each now shows its problem where it happened.</summary>
public sealed class SilentFailureTests : QueueTestContext
{
    [Fact]
    public void The_work_queue_shows_a_failed_read_of_the_triaged_cases()
    {
        Routes.Route("GET", "api/alerts", AlertPage(null));
        Routes.UnreachableOnce("GET", "api/cases?status=triaged");

        var page = Render<WorkQueue>();

        page.WaitForAssertion(() => Assert.Contains("could not be reached", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_referral_thread_that_could_not_be_read_says_so()
    {
        Routes.UnreachableOnce("GET", "api/referrals/r1/messages");

        var thread = Render<ReferralThread>(p => p.Add(c => c.ReferralId, "r1"));

        thread.WaitForAssertion(() => Assert.Contains("could not be reached", thread.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_20_MiB_is_refused_at_the_upload_input_without_sending_it()
    {
        Routes.Route("GET", $"api/cases/{SampleCase.Id}/documents", """{ "items": [], "continuationToken": null }""");
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.CaseId, SampleCase.Id));
        panel.WaitForAssertion(() => Assert.Single(Routes.Requests));

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[(20 * 1024 * 1024) + 2], "scan.pdf", contentType: "application/pdf"));

        panel.WaitForAssertion(() => Assert.Equal("true", panel.Find("#f-file").GetAttribute("aria-invalid")));
        var message = panel.Find($"#{panel.Find("#f-file").GetAttribute("aria-describedby")}");
        Assert.Contains("20 MiB", message.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Routes.Requests, r => r.Method == "POST");
    }
}
