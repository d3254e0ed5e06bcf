using System.Net;
using System.Text.Json.Nodes;
using static LegalAidReferral.EndToEnd.Tests.Referrals;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// The adherence review on the standalone host: referrals between Guatemala City and Tapachula whose
/// cases, reasons and step notes hold known personal values, then every review output searched for them.
/// </summary>
public class ReviewTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Reason = "Secreto: la cliente vive con su tía en Tapachula";
    private const string Note = "Nota secreta del paso";
    private const string DeclineReason = "Motivo secreto del rechazo";

    [Fact]
    public async Task No_review_output_holds_personal_data_or_ids_and_small_cells_are_suppressed()
    {
        var guatemala = await fixture.SignInAsync(Samples.GuatemalaDefender);
        var tapachula = await fixture.SignInAsync(Samples.TapachulaDefender);
        var reviewer = await fixture.SignInAsync(Samples.Reviewer);
        var secrets = new List<string> { Samples.ClientName, Samples.BirthDate, Samples.DocumentNumber, "Mari Q", "+50255500000", Reason, Note, DeclineReason };

        var referrals = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var caseId = await CaseWithConsentAsync(guatemala);
            var @case = await ApiSession.ReadObjectAsync(await guatemala.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}"));
            secrets.Add(caseId);
            secrets.Add(@case["reference"]!.GetValue<string>());
            var body = Referral();
            body["reason"] = Reason;
            var sent = await guatemala.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/referrals", body);
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            referrals.Add((await ApiSession.ReadObjectAsync(sent))["id"]!.GetValue<string>());
        }

        secrets.AddRange(referrals);
        foreach (var id in referrals)
        {
            await IncomingAsync(tapachula, id);
            Assert.Equal(HttpStatusCode.OK, (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{id}/acknowledge", new { note = Note })).StatusCode);
        }

        Assert.Equal(
            HttpStatusCode.OK,
            (await tapachula.SendAsync(HttpMethod.Post, $"/api/referrals/{referrals[0]}/decline", new { note = Note, reasonCode = "conflict-of-interest", reason = DeclineReason })).StatusCode);
        // This month only: the demo data's synthetic events end before it (docs/review.md).
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"?from={month}&to={month}&officeId={Samples.TapachulaOffice}&corridor=GT-MX";
        await PollAsync("the acknowledgements and the decline in the review", async () =>
        {
            var report = await ApiSession.ReadObjectAsync(await reviewer.SendAsync(HttpMethod.Get, $"/api/review/adherence{query}"));
            var total = report["summary"]!["total"]!;
            return total["acknowledged"]?.GetValue<long>() >= 6 && total["decided"] is null ? report : null;
        });

        var outputs = new List<string>();
        foreach (var path in new[]
        {
            $"/api/review/adherence{query}", $"/api/review/adherence.csv{query}", "/api/review/adherence", "/api/review/adherence.csv",
            "/api/review/adherence?gender=female", "/api/review/adherence.csv?group=detained", "/api/review/events?limit=100",
        })
        {
            var response = await reviewer.SendAsync(HttpMethod.Get, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            outputs.Add(await response.Content.ReadAsStringAsync());
        }

        foreach (var output in outputs)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
            }
        }

        // One decline in this corridor: shown neither as a count in JSON nor as a value in CSV, nor by its code.
        var json = JsonNode.Parse(outputs[0])!;
        Assert.Null(json["summary"]!["total"]!["declined"]);
        Assert.Null(json["summary"]!["total"]!["declinedConflictOfInterest"]);
        Assert.Null(json["summary"]!["byGender"]!.AsArray().Single(g => g!["category"]!.GetValue<string>() == "female")!["indicators"]!["declined"]);
        var csv = outputs[1].Split("\r\n");
        var declined = Array.IndexOf(csv[0].Split(','), "declined");
        Assert.Equal(string.Empty, csv[1].Split(',')[declined]);
        Assert.Equal(string.Empty, csv[1].Split(',')[Array.IndexOf(csv[0].Split(','), "declined_conflict_of_interest")]);
        Assert.DoesNotContain("\"gender\"", outputs[6], StringComparison.Ordinal);
        Assert.DoesNotContain("detained", outputs[6], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_cannot_be_filtered_by_a_category_and_bad_filters_are_reported()
    {
        var reviewer = await fixture.SignInAsync(Samples.Reviewer);

        var byGender = await reviewer.SendAsync(HttpMethod.Get, "/api/review/events?gender=female");
        var bad = await ApiSession.ReadObjectAsync(await reviewer.SendAsync(HttpMethod.Get, "/api/review/adherence?from=2026-13&corridor=gt-mx&group=elderly"));

        Assert.Equal(HttpStatusCode.BadRequest, byGender.StatusCode);
        Assert.Equal(["corridor", "from", "group"], bad["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}
