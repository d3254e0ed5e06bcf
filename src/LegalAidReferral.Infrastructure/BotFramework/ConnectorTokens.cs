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
public sealed class EntraConnectorTokens(TokenCredential credential) : IConnectorTokens
{
    public const string Scope = "https://api.botframework.com/.default";

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken) =>
        (await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken)).Token;
}
