using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>Why a Connector token was refused, for the answer (never the token or its claims).</summary>
public enum ConnectorTokenStatus
{
    Valid,
    Missing,
    Invalid,
    ServiceUrlMismatch,
    NotEndorsed,
}

/// <summary>
/// Validates the JWT the Bot Connector service sends with each activity (Bot Framework authentication:
/// signing keys from the OpenID configuration's <c>jwks_uri</c>, issuer, audience = the bot's app id,
/// lifetime with five minutes of skew, the advertised algorithm, the token's <c>serviceurl</c> claim
/// equal to the activity's <c>serviceUrl</c>, and the signing key's endorsement of the channel). The
/// configuration and its keys are cached by the <see cref="IConfigurationManager{T}"/>; a token signed
/// by a key not in the cache asks for a refresh once (at most every five minutes).
/// </summary>
public sealed class ConnectorTokenValidator(IOptions<BotFrameworkOptions> options, IConfigurationManager<OpenIdConnectConfiguration> configuration)
{
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler handler = new();

    public async Task<ConnectorTokenStatus> ValidateAsync(string? token, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(token))
        {
            return ConnectorTokenStatus.Missing;
        }

        var settings = options.Value;
        if (settings.AppId.Length == 0)
        {
            return ConnectorTokenStatus.Invalid;
        }

        var openId = await configuration.GetConfigurationAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(token, Parameters(settings, openId));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            configuration.RequestRefresh();
            openId = await configuration.GetConfigurationAsync(cancellationToken);
            result = await handler.ValidateTokenAsync(token, Parameters(settings, openId));
        }

        if (!result.IsValid)
        {
            return ConnectorTokenStatus.Invalid;
        }

        if (!result.Claims.TryGetValue(ServiceUrlClaim, out var claimed) || !SameServiceUrl(claimed as string, activity.ServiceUrl))
        {
            return ConnectorTokenStatus.ServiceUrlMismatch;
        }

        return Endorses(openId, result.SecurityToken.SigningKey, activity.ChannelId) ? ConnectorTokenStatus.Valid : ConnectorTokenStatus.NotEndorsed;
    }

    /// <summary>The same URL, ignoring a trailing slash and the case of the scheme and host (which URLs ignore too).</summary>
    public static bool SameServiceUrl(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static TokenValidationParameters Parameters(BotFrameworkOptions settings, OpenIdConnectConfiguration openId) => new()
    {
        ValidIssuers = settings.IssuerList,
        ValidAudience = settings.AppId,
        IssuerSigningKeys = openId.SigningKeys,
        ValidAlgorithms = openId.IdTokenSigningAlgValuesSupported.Count > 0 ? openId.IdTokenSigningAlgValuesSupported : [SecurityAlgorithms.RsaSha256],
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
    };

    /// <summary>A signing key that lists endorsements signs only for the channels it names.</summary>
    private static bool Endorses(OpenIdConnectConfiguration openId, SecurityKey? signingKey, string? channelId)
    {
        var key = openId.JsonWebKeySet?.Keys.FirstOrDefault(k => signingKey is not null && k.KeyId == signingKey.KeyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return true;
        }

        // IdentityModel keeps an unknown array as a JsonElement or as a list of its values.
        var names = endorsements switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
            System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(e => e?.ToString()),
            _ => [],
        };
        return names.Any(name => name == channelId);
    }
}
