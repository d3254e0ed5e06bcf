using System.Net;

namespace LegalAidReferral.EndToEnd.Tests;

public class DurabilityTests
{
    [Fact]
    public async Task Case_acknowledged_with_201_is_there_after_the_process_is_killed_and_restarted()
    {
        using var data = new TempFolder();
        string location;
        await using (var host = await StandaloneProcess.StartAsync(data.Path))
        {
            var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
            var created = await defender.SendAsync(HttpMethod.Post, "/api/cases", Samples.Intake("Durable Ficticio"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            location = created.Headers.Location!.ToString();
            await host.KillAsync();
        }

        await using var restarted = await StandaloneProcess.StartAsync(data.Path);
        var again = await ApiSession.SignInAsync(restarted.CreateClient(), Samples.GuatemalaDefender);
        var read = await again.SendAsync(HttpMethod.Get, location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Durable Ficticio", (await ApiSession.ReadObjectAsync(read))["client"]!["fullName"]!.GetValue<string>());
    }
}
