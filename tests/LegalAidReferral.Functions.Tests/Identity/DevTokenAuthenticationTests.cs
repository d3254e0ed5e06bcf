using LegalAidReferral.Core.Identity;
using LegalAidReferral.Infrastructure.Identity;
using LegalAidReferral.Standalone.DevSignIn;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Functions.Tests.Identity;

/// <summary>
/// Dev tokens through the real Microsoft.Identity.Web bearer pipeline, as the standalone host wires it.
/// Lifetime is checked against the system clock by the JWT handler, so the fake clock starts at "now"
/// and expired tokens come from an issuer whose clock is in the past.
/// </summary>
public sealed class DevTokenAuthenticationTests : IDisposable
{
    private const string Office = "gt-idpp-guatemala";
    private const string TenantId = "3c5a1a3e-9d7b-4f0e-8a62-2f1b6c4d9e01";
    private const string ClientId = "api://legalaidreferral-test";

    private readonly string _dataFolder = NewTempFolder();
    private readonly List<string> _otherFolders = [];
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider _provider;

    public DevTokenAuthenticationTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
                ["AzureAd:TenantId"] = TenantId,
                ["AzureAd:ClientId"] = ClientId,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddEntraIdAuthentication(configuration);
        services.AddDevSignIn(_dataFolder, [Office]);
        _provider = services.BuildServiceProvider();
    }

    private DevIssuer Issuer => _provider.GetRequiredService<DevIssuer>();

    private DemoUsers Users => _provider.GetRequiredService<DemoUsers>();

    [Fact]
    public async Task Dev_token_for_a_defender_maps_to_an_actor_of_their_office()
    {
        var token = Issuer.IssueToken(Users.Find($"{Office}-defender")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal($"{Office}-defender", outcome.Actor.UserId);
        Assert.Equal(Office, outcome.Actor.OfficeId);
        Assert.Equal([Role.Defender], outcome.Actor.Roles);
    }

    [Fact]
    public async Task Supervisor_keeps_both_defender_and_supervisor_roles()
    {
        var token = Issuer.IssueToken(Users.Find($"{Office}-supervisor")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal(new HashSet<Role> { Role.Defender, Role.Supervisor }, outcome.Actor.Roles);
    }

    [Fact]
    public async Task Regional_reviewer_gets_the_regional_reviewer_role_in_the_network_office()
    {
        var token = Issuer.IssueToken(Users.Find(DemoUsers.ReviewerUserId)!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal([Role.RegionalReviewer], outcome.Actor.Roles);
        Assert.Equal(DemoUsers.ReviewerOfficeId, outcome.Actor.OfficeId);
    }

    [Fact]
    public async Task Request_without_a_token_is_unauthenticated()
    {
        var outcome = await AuthenticateAsync(token: null);

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
        Assert.Null(outcome.Actor);
    }

    [Fact]
    public async Task Garbage_bearer_token_is_unauthenticated()
    {
        var outcome = await AuthenticateAsync("not-a-jwt");

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
        Assert.DoesNotContain("not-a-jwt", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_token_is_unauthenticated()
    {
        var pastClock = new FakeTimeProvider(DateTimeOffset.UtcNow - DevIssuer.DefaultLifetime - TimeSpan.FromHours(1));
        var pastIssuer = new DevIssuer(Settings(_dataFolder), pastClock);
        var token = pastIssuer.IssueToken(Users.Find($"{Office}-defender")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
        Assert.Equal("The bearer token has expired.", outcome.Reason);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_unauthenticated()
    {
        var stranger = new DevIssuer(Settings(OtherFolder()), _clock);
        var token = stranger.IssueToken(Users.Find($"{Office}-defender")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthenticated()
    {
        var otherApp = new DevIssuer(Settings(_dataFolder) with { Audience = "api://some-other-app" }, _clock);
        var token = otherApp.IssueToken(Users.Find($"{Office}-defender")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_unauthenticated()
    {
        var token = Mint(DefenderClaims(), issuer: $"https://login.microsoftonline.com/{TenantId}/v2.0");

        var outcome = await AuthenticateAsync(token);

        Assert.Equal(AuthenticationStatus.Unauthenticated, outcome.Status);
    }

    [Fact]
    public async Task Valid_token_without_an_office_claim_is_forbidden()
    {
        var claims = DefenderClaims();
        claims.Remove("officeId");

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.Equal(AuthenticationStatus.Forbidden, outcome.Status);
        Assert.Null(outcome.Actor);
    }

    [Fact]
    public async Task Valid_token_with_only_unknown_roles_is_forbidden()
    {
        var claims = DefenderClaims();
        claims["roles"] = new[] { "Auditor", "defender", "1" };

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.Equal(AuthenticationStatus.Forbidden, outcome.Status);
    }

    [Fact]
    public async Task Delegated_token_without_app_roles_is_forbidden()
    {
        var claims = DefenderClaims();
        claims.Remove("roles");
        claims["scp"] = "access_as_user";

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.Equal(AuthenticationStatus.Forbidden, outcome.Status);
    }

    // Microsoft.Identity.Web alone would fail such a token as unauthenticated (401).
    [Fact]
    public async Task Valid_token_with_neither_scopes_nor_roles_is_forbidden()
    {
        var claims = DefenderClaims();
        claims.Remove("roles");

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.Equal(AuthenticationStatus.Forbidden, outcome.Status);
        Assert.Equal("The token carries no role of this application.", outcome.Reason);
    }

    [Fact]
    public async Task Unknown_roles_are_ignored_next_to_known_ones()
    {
        var claims = DefenderClaims();
        claims["roles"] = new[] { "Auditor", "Supervisor" };

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal([Role.Supervisor], outcome.Actor.Roles);
    }

    [Fact]
    public async Task User_id_falls_back_to_sub_when_oid_is_absent()
    {
        var claims = DefenderClaims();
        claims.Remove("oid");

        var outcome = await AuthenticateAsync(Mint(claims));

        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal("subject-1", outcome.Actor.UserId);
    }

    [Fact]
    public async Task Signing_key_is_reused_by_a_second_issuer_on_the_same_folder()
    {
        var first = Issuer;
        var afterRestart = new DevIssuer(Settings(_dataFolder), _clock);
        var token = afterRestart.IssueToken(Users.Find($"{Office}-admin")!, DevIssuer.DefaultLifetime);

        var outcome = await AuthenticateAsync(token);

        Assert.Equal(first.SigningKey.KeyId, afterRestart.SigningKey.KeyId);
        Assert.True(File.Exists(Path.Combine(_dataFolder, DevIssuer.KeyFileName)));
        Assert.True(outcome.IsAuthenticated, outcome.Reason);
        Assert.Equal([Role.OfficeAdmin], outcome.Actor.Roles);
    }

    public void Dispose()
    {
        _provider.Dispose();
        foreach (var folder in _otherFolders.Append(_dataFolder).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<AuthenticationOutcome> AuthenticateAsync(string? token)
    {
        var context = new DefaultHttpContext { RequestServices = _provider };
        if (token is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {token}";
        }

        return await _provider.GetRequiredService<CallerAuthenticator>().AuthenticateAsync(context);
    }

    private static Dictionary<string, object> DefenderClaims() => new(StringComparer.Ordinal)
    {
        ["oid"] = $"{Office}-defender",
        ["sub"] = "subject-1",
        ["roles"] = new[] { "Defender" },
        ["officeId"] = Office,
        ["tid"] = TenantId,
        ["ver"] = "2.0",
    };

    private string Mint(Dictionary<string, object> claims, string issuer = DevIssuer.Issuer)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(Issuer.SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }

    private static DevIssuerSettings Settings(string folder) => new(folder, ClientId, TenantId, "officeId");

    private string OtherFolder()
    {
        var folder = NewTempFolder();
        _otherFolders.Add(folder);
        return folder;
    }

    private static string NewTempFolder() => Path.Combine(Path.GetTempPath(), $"lar-identity-{Guid.NewGuid():N}");
}
