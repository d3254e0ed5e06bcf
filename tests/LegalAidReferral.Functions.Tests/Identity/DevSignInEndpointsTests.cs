using LegalAidReferral.Functions.Http;
using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Infrastructure.Identity;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Identity;

/// <summary>The /dev endpoints, invoked through their route handlers without a listening server.</summary>
public sealed class DevSignInEndpointsTests : IAsyncDisposable
{
    private const string Office = "gt-idpp-guatemala";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"lar-devsignin-{Guid.NewGuid():N}");
    private readonly WebApplication _app;

    public DevSignInEndpointsTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "3c5a1a3e-9d7b-4f0e-8a62-2f1b6c4d9e01",
            ["AzureAd:ClientId"] = "9a1d6b2c-0f4e-4c3a-b5d7-1e2f3a4b5c6d",
        });
        builder.Services.AddEntraIdAuthentication(builder.Configuration);
        builder.Services.AddDevSignIn(_dataFolder, [Office]);
        _app = builder.Build();
        _app.MapDevSignIn();
    }

    [Fact]
    public async Task Users_lists_three_users_per_office_and_the_regional_reviewer()
    {
        var (status, _, body) = await SendAsync("GET", "/dev/users");

        Assert.Equal(StatusCodes.Status200OK, status);
        var users = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            [$"{Office}-defender", $"{Office}-supervisor", $"{Office}-admin", DemoUsers.ReviewerUserId],
            users.Select(user => user.GetProperty("userId").GetString()));
        var supervisor = users[1];
        Assert.Equal(Office, supervisor.GetProperty("officeId").GetString());
        Assert.Equal(["Defender", "Supervisor"], supervisor.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(supervisor.GetProperty("displayName").GetString()));
    }

    [Fact]
    public async Task Token_for_a_demo_user_authenticates_as_that_user()
    {
        var (status, _, body) = await SendAsync("POST", "/dev/token", $$"""{ "userId": "{{Office}}-supervisor" }""");

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("Bearer", body.RootElement.GetProperty("tokenType").GetString());
        Assert.Equal(8 * 3600, body.RootElement.GetProperty("expiresIn").GetInt32());
        var outcome = await AuthenticateAsync(body.RootElement.GetProperty("accessToken").GetString()!);
        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal($"{Office}-supervisor", outcome.Actor.UserId);
        Assert.Equal(new HashSet<Role> { Role.Defender, Role.Supervisor }, outcome.Actor.Roles);
    }

    [Fact]
    public async Task Unknown_user_gets_a_validation_problem()
    {
        var (status, contentType, body) = await SendAsync("POST", "/dev/token", """{ "userId": "nobody" }""");

        var errors = AssertValidationProblem(status, contentType, body);
        Assert.NotEmpty(errors.GetProperty("userId").EnumerateArray());
    }

    [Fact]
    public async Task Malformed_json_gets_a_validation_problem()
    {
        var (status, contentType, body) = await SendAsync("POST", "/dev/token", """{ "userId": """);

        var errors = AssertValidationProblem(status, contentType, body);
        Assert.NotEmpty(errors.EnumerateObject());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    private static JsonElement AssertValidationProblem(int status, string? contentType, JsonDocument body)
    {
        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.Validation, body.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(body.RootElement.GetProperty("detail").GetString()));
        return body.RootElement.GetProperty("errors");
    }

    private async Task<(int Status, string? ContentType, JsonDocument Body)> SendAsync(string method, string path, string? json = null)
    {
        var endpoint = ((IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Single(candidate => candidate.RoutePattern.RawText == path
                && candidate.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains(method));

        using var scope = _app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = path;
        if (json is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await endpoint.RequestDelegate!(context);
        responseBody.Position = 0;
        return (context.Response.StatusCode, context.Response.ContentType, await JsonDocument.ParseAsync(responseBody));
    }

    private async Task<AuthenticationOutcome> AuthenticateAsync(string token)
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Headers.Authorization = $"Bearer {token}";
        return await _app.Services.GetRequiredService<CallerAuthenticator>().AuthenticateAsync(context);
    }
}
