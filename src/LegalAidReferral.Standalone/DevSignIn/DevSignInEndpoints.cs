using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Functions.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LegalAidReferral.Standalone.DevSignIn;

public static class DevSignInEndpoints
{
    /// <summary>The API document with how to get a development token, for the reference page while dev sign-in is on.</summary>
    public const string OpenApiPath = "/dev/openapi.json";

    private const string SignInHelp = """
        **Development sign-in is on.** Get a token for a demo user with `POST /dev/token` and the body
        `{ "userId": "gt-idpp-guatemala-supervisor" }` (`GET /dev/users` lists every demo user, their roles
        and office), then enter its `accessToken` as the Bearer token under Authentication. It is valid
        for 8 hours.
        """;

    private static readonly Lazy<string> DocumentWithSignInHelp = new(() =>
    {
        var document = JsonNode.Parse(OpenApiDocument.Bytes)!.AsObject();
        var info = document["info"]!.AsObject();
        info["description"] = $"{SignInHelp}\n\n{info["description"]?.GetValue<string>()}";
        return document.ToJsonString();
    });

    /// <summary>
    /// <c>GET /dev/users</c> lists the demo users; <c>POST /dev/token</c> with <c>{ "userId" }</c>
    /// issues an access token for one; <c>GET /dev/openapi.json</c> is the API document that says so.
    /// For the standalone host only: anyone can sign in as anyone.
    /// </summary>
    public static RouteGroupBuilder MapDevSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // A token and the user list are for the caller alone: no cache may keep them. Anonymous, so
        // limited per client address like the API's anonymous routes.
        var group = endpoints.MapGroup("/dev").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            ResponseHeaders.NoStore(http.Response);
            if (http.RequestServices.GetRequiredService<RequestThrottle>().Admit(http) is { } tooMany)
            {
                await tooMany.WriteAsync(http);
                return Results.Empty;
            }

            return await next(context);
        });
        group.MapGet("/users", ListUsers);
        group.MapGet("/openapi.json", () => Results.Text(DocumentWithSignInHelp.Value, "application/json; charset=utf-8"));
        group.MapPost("/token", IssueTokenAsync);
        return group;
    }

    private static Ok<DevUserResponse[]> ListUsers(DemoUsers users) =>
        TypedResults.Ok(users.All.Select(DevUserResponse.From).ToArray());

    private static async Task<Results<Ok<DevTokenResponse>, ValidationProblem>> IssueTokenAsync(
        HttpContext context, DemoUsers users, DevIssuer issuer)
    {
        DevTokenRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<DevTokenRequest>(
                context.Request.Body, WireJson.StrictInput, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Invalid(context, WireJson.FieldOf(exception), "The request body is not valid JSON of the form { \"userId\": \"...\" }.");
        }

        if (string.IsNullOrWhiteSpace(request?.UserId))
        {
            return Invalid(context, "userId", "userId is required.");
        }

        var user = users.Find(request.UserId);
        if (user is null)
        {
            return Invalid(context, "userId", "No demo user has this id; GET /dev/users lists them.");
        }

        var token = issuer.IssueToken(user, DevIssuer.DefaultLifetime);
        return TypedResults.Ok(new DevTokenResponse(token, "Bearer", (int)DevIssuer.DefaultLifetime.TotalSeconds));
    }

    private static ValidationProblem Invalid(HttpContext context, string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            detail: "The request has invalid fields.",
            title: "Invalid request",
            type: ProblemTypes.Validation,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier,
            });

    private sealed record DevTokenRequest(string? UserId);

    private sealed record DevUserResponse(string UserId, string DisplayName, string[] Roles, string OfficeId)
    {
        // Role names as Entra ID app roles spell them, not the API's kebab-case enums.
        public static DevUserResponse From(DemoUser user) =>
            new(user.UserId, user.DisplayName, [.. user.Roles.Select(role => role.ToString())], user.OfficeId);
    }

    private sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn);
}
