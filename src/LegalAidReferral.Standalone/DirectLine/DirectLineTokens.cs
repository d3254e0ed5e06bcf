using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>Who a Direct Line token lets in: one user in one conversation.</summary>
public sealed record DirectLineGrant(string UserId, string ConversationId);

/// <summary>
/// Direct Line tokens of the local endpoint: short-lived JWTs signed with a key that lives only as
/// long as the process (so do the conversations they open), carrying the user (<c>user</c>, a
/// <c>dl_</c> id as Direct Line makes them) and the conversation (<c>conv</c>).
/// </summary>
public sealed class DirectLineTokens(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string Issuer = "https://legalaidreferral.local/directline";
    private const string UserClaim = "user";
    private const string ConversationClaim = "conv";

    private readonly SymmetricSecurityKey key = new(RandomNumberGenerator.GetBytes(32));
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static DirectLineGrant NewGrant() => new($"dl_{Guid.NewGuid():N}", Guid.NewGuid().ToString("N"));

    public string Issue(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Claims = new Dictionary<string, object> { [UserClaim] = grant.UserId, [ConversationClaim] = grant.ConversationId },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The grant of a valid token, or null.</summary>
    public async Task<DirectLineGrant?> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => time.GetUtcNow().UtcDateTime is var now && now >= notBefore && now < expires,
        });
        return result.IsValid
            && result.Claims.TryGetValue(UserClaim, out var user) && user is string userId
            && result.Claims.TryGetValue(ConversationClaim, out var conversation) && conversation is string conversationId
            ? new DirectLineGrant(userId, conversationId)
            : null;
    }
}
