using Azure.Core;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>The bearer token the bot sends to a channel's Connector service with each activity.</summary>
public interface IConnectorTokens
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Tokens from Entra ID for the Bot Framework's resource, through Azure.Identity: on Azure the
/// user-assigned managed identity whose client id is the bot's app id (the credential caches them
/// until shortly before they expire).
/// </summary>
/// <param name="credential">Made on first use: a host that never replies through a Connector (the standalone host's Direct Line) needs no identity.</param>
public sealed class EntraConnectorTokens(Func<TokenCredential> credential) : IConnectorTokens
{
    public const string Scope = "https://api.botframework.com/.default";

    private readonly Lazy<TokenCredential> lazyCredential = new(credential);

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await lazyCredential.Value.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken)).Token;
}
