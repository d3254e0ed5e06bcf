using System.Net;

namespace LegalAidReferral.EndToEnd.Tests;

public class PersonalDataInLogsTests
{
    [Fact]
    public async Task Logs_of_intakes_reads_searches_conflict_checks_and_rejections_hold_no_name_birth_date_or_document_number()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(data.Path, "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Debug");
        var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);

        var created = await defender.CreateCaseAsync();
        await defender.SendAsync(HttpMethod.Get, $"/api/cases/{created["id"]}");
        await defender.SendAsync(HttpMethod.Post, "/api/cases/search", new { q = Samples.ClientName });
        var again = await defender.CreateCaseAsync();
        var check = await defender.SendAsync(HttpMethod.Post, $"/api/cases/{again["id"]}/conflict-check");
        Assert.Contains(Samples.ClientName, await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await defender.SendAsync(HttpMethod.Put, $"/api/cases/{again["id"]}/conflict-check/outcome", new { outcome = "confirmed", note = "Same client" });
        var invalid = Samples.Intake();
        invalid["client"]!["birthDate"] = "2999-01-01";
        Assert.Equal(HttpStatusCode.BadRequest, (await defender.SendAsync(HttpMethod.Post, "/api/cases", invalid)).StatusCode);
        await defender.SendAsync(HttpMethod.Post, "/api/cases", "{ \"client\": { \"fullName\": \"" + Samples.ClientName + "\", ");

        var output = string.Join('\n', host.Output);
        Assert.Contains("matched endpoint", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.ClientName, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quintanilla", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Salazar", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Samples.BirthDate, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.DocumentNumber, output, StringComparison.Ordinal);
    }
}
