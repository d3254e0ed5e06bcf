using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>
/// The Bot Framework's side on a loopback port: an OpenID configuration with a local signing key
/// (endorsed for a few channels), tokens signed with it, and a Connector that records the activities
/// the bot posts to it and serves an attachment.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "test-bot-app-id";
    public static readonly string[] EndorsedChannels = ["webchat", "directline", "msteams"];

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };

    private FakeBotConnector(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The service URL activities name: the Connector routes of this fake.</summary>
    public string ServiceUrl => $"{BaseUrl}/connector/";

    public string OpenIdConfiguration => $"{BaseUrl}/openid";

    public ConcurrentQueue<(string Path, string? Authorization, JsonNode Body)> Posted { get; } = new();

    public ConcurrentQueue<string?> AttachmentAuthorizations { get; } = new();

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotConnector(app);
        app.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{fake.BaseUrl}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(fake.key.Rsa.ExportParameters(false)) { KeyId = fake.key.KeyId });
            return Results.Json(new
            {
                keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, endorsements = EndorsedChannels } },
            });
        });
        app.MapPost("/connector/v3/conversations/{**rest}", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            fake.Posted.Enqueue((context.Request.Path.Value!, context.Request.Headers.Authorization.ToString(), body!));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        app.MapGet("/connector/v3/attachments/{id}", (HttpContext context) =>
        {
            fake.AttachmentAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            return Results.Bytes([1, 2, 3], "image/png");
        });
        app.MapGet("/elsewhere/photo.png", (HttpContext context) =>
        {
            fake.AttachmentAuthorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            return Results.Bytes([4, 5], "image/png");
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return fake;
    }

    /// <summary>A Connector token; each argument may be changed to make it invalid in one way.</summary>
    public string Token(string? serviceUrl = null, string audience = AppId, string issuer = Issuer, DateTime? expires = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = (expires ?? now.AddMinutes(5)).AddHours(-1),
            IssuedAt = (expires ?? now.AddMinutes(5)).AddHours(-1),
            Expires = expires ?? now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Rsa.Dispose();
    }
}
