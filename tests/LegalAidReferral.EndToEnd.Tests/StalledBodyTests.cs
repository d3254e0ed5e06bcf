using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

public class StalledBodyTests
{
    [Fact]
    public async Task A_body_that_stops_arriving_gets_a_408_problem_and_a_one_line_warning()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartAsync(data.Path, "--Api:BodyReadTimeout=00:00:02");
        var token = await TokenAsync(host);
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = client.GetStream();
        var partial = "{ \"client\": { \"fullName\": \"Ana";
        var head = $"POST /api/cases HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n{partial}";

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("HTTP/1.1 408 Request Timeout", statusLine);
        var problem = JsonNode.Parse(response[response.IndexOf('{')..(response.LastIndexOf('}') + 1)])!;
        Assert.EndsWith("/request-timeout", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        await host.WaitForOutputAsync(l => l.Contains("the body was sent too slowly", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Output, l => l.StartsWith("fail", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(StandaloneProcess host)
    {
        using var http = host.CreateClient();
        var response = await http.PostAsJsonAsync("/dev/token", new { userId = Samples.GuatemalaDefender });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }
}
