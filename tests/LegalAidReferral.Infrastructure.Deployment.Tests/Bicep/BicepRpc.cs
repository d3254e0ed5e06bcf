using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

/// <summary>
/// One Bicep CLI process in JSON-RPC mode (<c>bicep jsonrpc --stdio</c>, Content-Length framed), so
/// every compilation and snapshot of a test run shares one start-up instead of paying it per file.
/// Calls are sequential.
/// </summary>
public sealed class BicepRpc : IAsyncDisposable
{
    private readonly Process process;
    private int nextId;

    private BicepRpc(Process process) => this.process = process;

    public static BicepRpc Start(IReadOnlyDictionary<string, string> environment)
    {
        var process = BicepCli.Start(environment, "jsonrpc", "--stdio");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new BicepRpc(process);
    }

    public async Task<JsonNode> CallAsync(string method, JsonObject parameters)
    {
        var id = ++nextId;
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        var input = process.StandardInput.BaseStream;
        await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await input.WriteAsync(body);
        await input.FlushAsync();

        var answer = JsonNode.Parse(await ReadMessageAsync())!;
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"bicep {method} failed: {error.ToJsonString()}");
        }

        return answer["result"]!;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }

    private async Task<byte[]> ReadMessageAsync()
    {
        var output = process.StandardOutput.BaseStream;
        var length = 0;
        for (var header = await ReadLineAsync(output); header.Length > 0; header = await ReadLineAsync(output))
        {
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await output.ReadExactlyAsync(body);
        return body;
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }
}
