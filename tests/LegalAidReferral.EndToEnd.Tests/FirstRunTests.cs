using System.Diagnostics;
using System.Text.RegularExpressions;
using LegalAidReferral.Functions.Operations;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>What a newcomer meets on the first run: progress, a clear port clash, a working walkthrough.</summary>
public partial class FirstRunTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public void Host_prints_its_progress_before_the_address()
    {
        var output = fixture.Host.Output.ToList();

        var storage = output.FindIndex(line => line.StartsWith("Opening storage in ", StringComparison.Ordinal));
        var demo = output.FindIndex(line => line == "Seeding demo data...");
        var running = output.FindIndex(line => line.StartsWith("LegalAidReferral is running.", StringComparison.Ordinal));
        Assert.True(storage >= 0 && storage < demo && demo < running, string.Join('\n', output));
    }

    [Fact]
    public async Task Host_schedules_the_timer_functions_of_the_Functions_app()
    {
        var schedule = PurgeExpiredIdempotencyKeysFunction.Schedule;

        await fixture.Host.WaitForOutputAsync(line =>
            line.Contains($"Timer function PurgeExpiredIdempotencyKeys runs on '{schedule}' (UTC)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Port_in_use_is_one_line_that_says_how_to_choose_another_and_a_failure_exit()
    {
        using var data = new TempFolder();
        var taken = fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority);

        var (exitCode, output, errors) = await StandaloneProcess.RunUntilExitAsync(data.Path, "--urls", taken);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain(" at ", output, StringComparison.Ordinal);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"{taken} is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://localhost:5081", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_page_reads_a_document_that_says_how_to_get_a_development_token()
    {
        using var http = fixture.Host.CreateClient();

        var page = await http.GetStringAsync("/reference/");
        var document = await ApiSession.ReadObjectAsync(await http.GetAsync("/dev/openapi.json"));

        Assert.Contains("\"url\":\"dev/openapi.json\"", page, StringComparison.Ordinal);
        Assert.Contains("POST /dev/token", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            JsonPaths(await ApiSession.ReadObjectAsync(await http.GetAsync("/api/openapi.json"))),
            JsonPaths(document));
    }

    [Fact]
    public async Task Readme_walkthrough_runs_against_the_host()
    {
        foreach (var tool in new[] { "curl", "jq" })
        {
            Assert.True(
                Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(folder => File.Exists(Path.Combine(folder, tool))),
                $"The README walkthrough needs {tool}, which is not installed. On Debian: apt-get install -y curl jq (.ci/run does this).");
        }

        var script = WalkthroughScript(fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        await bash.WaitForExitAsync();

        var output = await stdout;
        Assert.True(bash.ExitCode == 0, $"The walkthrough failed ({bash.ExitCode}):\n{output}\n{await stderr}");
        Assert.Contains("triage-overridden", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every bash block of the README's Walkthrough section, in order, pointed at <paramref name="api"/>;
    /// each curl fails on an HTTP error and the script stops at the first failure.
    /// </summary>
    private static string WalkthroughScript(string api)
    {
        var readme = File.ReadAllText(Path.Combine(StandaloneProcess.RepositoryRoot(), "README.md"));
        var section = Regex.Match(readme, @"^## Walkthrough\n(?<body>.*?)^## ", RegexOptions.Singleline | RegexOptions.Multiline);
        Assert.True(section.Success, "README.md has no Walkthrough section.");
        var blocks = BashBlock().Matches(section.Groups["body"].Value).Select(m => m.Groups["code"].Value).ToList();
        Assert.True(blocks.Count >= 4, "The Walkthrough has fewer code blocks than steps.");
        var script = string.Join('\n', blocks);
        Assert.Matches(ApiLine(), script);
        return "set -euo pipefail\ncurl() { command curl --fail-with-body \"$@\"; }\n" + ApiLine().Replace(script, $"API={api}");
    }

    private static string[] JsonPaths(System.Text.Json.Nodes.JsonObject document) =>
        [.. document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^```bash\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^API=http://localhost:5080$", RegexOptions.Multiline)]
    private static partial Regex ApiLine();
}
