using LegalAidReferral.Core.Cases;
using LegalAidReferral.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LegalAidReferral.Functions.Tests.Cases;

public class CaseFunctionTests
{
    private const string Defender = "gt-idpp-guatemala-defender";
    private const string OtherOfficeDefender = "mx-ifdp-tapachula-defender";
    private const string Name = "Rosalía Ficticia Monterroso";
    private const string BirthDate = "1988-04-17";
    private const string DocumentNumber = "GT99887766";

    private static object Intake() => new
    {
        client = new
        {
            fullName = Name,
            birthDate = BirthDate,
            nationalities = new[] { "GT" },
            identityDocuments = new[] { new { type = "national-id", number = DocumentNumber, issuingCountry = "GT" } },
        },
        legalIssues = new[] { new { type = "asylum" } },
    };

    [Fact]
    public async Task Intake_function_answers_201_with_location_etag_and_the_stored_case()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var request = harness.Request("POST", Defender, Intake());

        var (status, headers, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);

        Assert.Equal(201, status);
        var id = body!["id"]!.GetValue<string>();
        Assert.Equal($"/api/cases/{id}", headers.Location.ToString());
        Assert.Equal("\"1\"", headers.ETag.ToString());
        Assert.False(string.IsNullOrEmpty(headers["X-Correlation-Id"]));
        var stored = await harness.Provider.GetRequiredService<ICaseStore>().FindAsync("gt-idpp-guatemala", Guid.Parse(id), CancellationToken.None);
        Assert.Equal(Name, stored!.Details.Client.FullName);
    }

    [Fact]
    public async Task Get_function_answers_404_for_a_case_of_another_office()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var create = harness.Request("POST", Defender, Intake());
        var (_, _, created) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(create), create);
        var caseId = created!["id"]!.GetValue<string>();

        var own = harness.Request("GET", Defender);
        var other = harness.Request("GET", OtherOfficeDefender);
        var (ownStatus, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<GetCaseFunction>().Run(own, caseId), own);
        var (otherStatus, _, problem) = await FunctionHarness.ExecuteAsync(await harness.Function<GetCaseFunction>().Run(other, caseId), other);

        Assert.Equal(200, ownStatus);
        Assert.Equal(404, otherStatus);
        Assert.DoesNotContain(caseId, problem!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_id_that_is_not_a_guid_is_404()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var request = harness.Request("GET", Defender);

        var (status, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<GetCaseFunction>().Run(request, "GT-2026-000001"), request);

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Logs_of_an_intake_hold_no_name_birth_date_or_document_number()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var request = harness.Request("POST", Defender, Intake());

        var (status, _, _) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);

        Assert.Equal(201, status);
        Assert.NotEmpty(harness.Logs.Lines);
        AssertNoPersonalData(harness.Logs.All);
    }

    [Fact]
    public async Task Storage_failure_is_a_500_problem_and_neither_it_nor_the_log_repeats_the_exception_message()
    {
        var store = new Mock<ICaseStore>();
        store.Setup(s => s.FindAsync(It.IsAny<string>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException($"constraint failed for {Name} born {BirthDate} with {DocumentNumber}"));
        await using var harness = new FunctionHarness(services => services.AddSingleton(store.Object));
        await harness.StartAsync();
        var request = harness.Request("POST", Defender, Intake(), headers: new Dictionary<string, string> { ["Idempotency-Key"] = "k-1" });

        var (status, headers, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);

        Assert.Equal(500, status);
        Assert.EndsWith("/internal", body!["type"]!.GetValue<string>());
        Assert.Equal(headers["X-Correlation-Id"].ToString(), body["traceId"]!.GetValue<string>());
        AssertNoPersonalData(body.ToJsonString());
        Assert.Contains("InvalidOperationException", harness.Logs.All, StringComparison.Ordinal);
        AssertNoPersonalData(harness.Logs.All);
    }

    private static void AssertNoPersonalData(string text)
    {
        Assert.DoesNotContain("Rosal", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Monterroso", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BirthDate, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DocumentNumber, text, StringComparison.Ordinal);
    }
}
