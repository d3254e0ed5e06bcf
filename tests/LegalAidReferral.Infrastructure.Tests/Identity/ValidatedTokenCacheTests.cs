using System.Security.Claims;
using System.Security.Cryptography;
using LegalAidReferral.Infrastructure.Identity;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Infrastructure.Tests.Identity;

public sealed class ValidatedTokenCacheTests : IDisposable
{
    private const string Issuer = "https://issuer.test";
    private const string Audience = "api://cache-test";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CountingHandler _inner = new();
    private readonly ValidatedTokenCache _cache;
    private readonly TokenValidationParameters _parameters;

    public ValidatedTokenCacheTests()
    {
        _cache = new ValidatedTokenCache(_inner, _clock);
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new RsaSecurityKey(_rsa),
        };
    }

    public void Dispose() => _rsa.Dispose();

    [Fact]
    public async Task A_token_is_checked_once_and_every_request_gets_its_own_copy_of_the_identity()
    {
        var token = Token(TimeSpan.FromMinutes(30));

        var first = await _cache.ValidateTokenAsync(token, _parameters);
        var second = await _cache.ValidateTokenAsync(token, _parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("user-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("gt-office", second.ClaimsIdentity.FindFirst("officeId")?.Value);
        Assert.Same(first.SecurityToken, second.SecurityToken);

        first.ClaimsIdentity.AddClaim(new Claim("roles", "Supervisor"));
        second.ClaimsIdentity.AddClaim(new Claim("roles", "Supervisor"));
        var third = await _cache.ValidateTokenAsync(token, _parameters);
        Assert.Null(third.ClaimsIdentity.FindFirst("roles"));
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_after_five_minutes()
    {
        var token = Token(TimeSpan.FromMinutes(30));
        await _cache.ValidateTokenAsync(token, _parameters);

        _clock.Advance(ValidatedTokenCache.MaximumAge - TimeSpan.FromSeconds(1));
        await _cache.ValidateTokenAsync(token, _parameters);
        Assert.Equal(1, _inner.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _cache.ValidateTokenAsync(token, _parameters);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_remembered_token_is_not_honoured_past_its_expiry()
    {
        var token = Token(TimeSpan.FromMinutes(2));
        await _cache.ValidateTokenAsync(token, _parameters);

        _clock.Advance(TimeSpan.FromMinutes(2));
        await _cache.ValidateTokenAsync(token, _parameters);

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Rejected_tokens_are_checked_every_time()
    {
        var valid = Token(TimeSpan.FromMinutes(30));
        await _cache.ValidateTokenAsync(valid, _parameters);
        var forged = valid[..^4] + (valid.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var first = await _cache.ValidateTokenAsync(forged, _parameters);
        var second = await _cache.ValidateTokenAsync(forged, _parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_never_remembered()
    {
        var parameters = _parameters.Clone();
        parameters.RequireExpirationTime = false;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(Descriptor(expires: null));

        Assert.True((await _cache.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.True((await _cache.ValidateTokenAsync(token, parameters)).IsValid);

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_full_cache_starts_again_empty_instead_of_growing()
    {
        var cache = new ValidatedTokenCache(_inner, _clock, capacity: 3);
        var tokens = Enumerable.Range(1, 3).Select(i => Token(TimeSpan.FromMinutes(30), subject: $"user-{i}")).ToArray();
        foreach (var token in tokens)
        {
            await cache.ValidateTokenAsync(token, _parameters);
        }

        await cache.ValidateTokenAsync(tokens[0], _parameters);
        Assert.Equal(3, _inner.Calls);

        await cache.ValidateTokenAsync(Token(TimeSpan.FromMinutes(30), subject: "one-more"), _parameters);
        await cache.ValidateTokenAsync(tokens[0], _parameters);

        Assert.Equal(5, _inner.Calls);
    }

    private string Token(TimeSpan lifetime, string subject = "user-1") =>
        new JsonWebTokenHandler().CreateToken(Descriptor(DateTime.UtcNow + lifetime, subject));

    private SecurityTokenDescriptor Descriptor(DateTime? expires, string subject = "user-1") => new()
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = expires,
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["officeId"] = "gt-office" },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa), SecurityAlgorithms.RsaSha256),
    };

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _calls;

        public int Calls => _calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
