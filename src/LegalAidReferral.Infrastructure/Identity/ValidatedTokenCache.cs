using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Infrastructure.Identity;

/// <summary>
/// Wraps the bearer scheme's token handler and remembers the tokens it found valid, so a caller's
/// next requests with the same token skip the signature check (an RSA operation and a parse of the
/// token: a fifth of the CPU time of a case read). Only the exact token string hits; a token is
/// remembered until it expires and for at most <see cref="MaximumAge"/>, so a signing key taken out
/// of the issuer's metadata stops being honoured within that time; a token without an expiry and
/// every rejected token are never remembered. Each hit hands out a copy of the identity, so nothing
/// a request does to its principal reaches another request.
/// </summary>
/// <remarks>
/// <paramref name="clock"/> must be the clock IdentityModel checks lifetimes with (the system clock),
/// not the host's business clock, which tests and <c>--dev-clock-offset</c> move.
/// </remarks>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock, int capacity = ValidatedTokenCache.DefaultCapacity) : TokenHandler
{
    /// <summary>How long a validated token is remembered at most.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    /// <summary>Tokens remembered at most, unless told otherwise; when full, the cache starts again empty.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> remembered = new(StringComparer.Ordinal);

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (token is not null && remembered.TryGetValue(token, out var validated))
        {
            if (validated.Until > now)
            {
                return validated.Copy();
            }

            remembered.TryRemove(KeyValuePair.Create(token, validated));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (token is not null && result is { IsValid: true, ClaimsIdentity: { } identity, SecurityToken: { } securityToken })
        {
            // A copy of its own: the first request may change the identity it was handed.
            Remember(token, new Validated(result, identity.Clone(), Until(securityToken, now)), now);
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    private static DateTimeOffset Until(SecurityToken token, DateTimeOffset now)
    {
        var expires = token.ValidTo == DateTime.MinValue
            ? DateTimeOffset.MinValue
            : new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));
        var latest = now + MaximumAge;
        return expires < latest ? expires : latest;
    }

    private void Remember(string token, Validated validated, DateTimeOffset now)
    {
        if (validated.Until <= now)
        {
            return;
        }

        if (remembered.Count >= capacity)
        {
            remembered.Clear();
        }

        remembered[token] = validated;
    }

    private sealed record Validated(TokenValidationResult Result, System.Security.Claims.ClaimsIdentity Identity, DateTimeOffset Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = Result.SecurityToken,
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
            TokenContext = Result.TokenContext,
        };
    }
}
