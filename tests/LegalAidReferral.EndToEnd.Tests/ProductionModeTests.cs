using System.Net;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>What a host started as Production offers when nobody asks for the development features.</summary>
public class ProductionModeTests
{
    private const string RealTenant = "3c5a1a3e-9d7b-4f0e-8a62-2f1b6c4d9e01";
    private const string RealClient = "9a1d6b2c-0f4e-4c3a-b5d7-1e2f3a4b5c6d";

    [Fact]
    public async Task Production_host_without_flags_has_no_dev_routes_and_no_demo_data()
    {
        using var data = new TempFolder();
        await using var host = await StandaloneProcess.StartWithoutFlagsAsync(data.Path);
        using var http = host.CreateClient();

        var users = await http.GetAsync("/dev/users");
        var token = await http.PostAsync("/dev/token", new StringContent("""{"userId":"gt-idpp-guatemala-supervisor"}""", System.Text.Encoding.UTF8, "application/json"));

        var directLine = await http.PostAsync("/v3/directline/tokens/generate", null);
        var chatPage = await http.GetAsync("/chat");

        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, directLine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, chatPage.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, CountCases(data.Path));
        Assert.Contains(host.Output, line => line.StartsWith("Mode: production", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Output, line => line.Contains("development sign-in is ON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--dev-sign-in")]
    [InlineData("--seed-demo-data")]
    public async Task Development_flag_with_a_real_Entra_ID_configuration_refuses_to_start(string flag)
    {
        using var data = new TempFolder();

        var (exitCode, output, errors) = await StandaloneProcess.RunUntilExitAsync(
            data.Path, flag, "true", "--AzureAd:TenantId", RealTenant, "--AzureAd:ClientId", RealClient);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"Refusing to start: {flag} is on, but AzureAd:TenantId names a real Entra ID or Cosmos DB configuration.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_Entra_ID_configuration_alone_starts_in_production_mode()
    {
        using var data = new TempFolder();

        await using var host = await StandaloneProcess.StartWithoutFlagsAsync(data.Path, "--AzureAd:TenantId", RealTenant, "--AzureAd:ClientId", RealClient);

        Assert.Contains("Mode: production: Entra ID sign-in.", host.Output);
    }

    private static long CountCases(string dataFolder)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, SqliteDatabase.FileName),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM cases;";
        return (long)count.ExecuteScalar()!;
    }
}
