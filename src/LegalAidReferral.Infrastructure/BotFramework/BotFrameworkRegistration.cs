using Azure.Identity;
using LegalAidReferral.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LegalAidReferral.Infrastructure.BotFramework;

public static class BotFrameworkRegistration
{
    /// <summary>The named HTTP client of the Connector calls (replies, attachments, signing keys).</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>
    /// The Bot Framework protocol (<see cref="BotFrameworkOptions"/>): the token validator over the
    /// cached OpenID configuration, the turn handler, the Connector sender with managed identity
    /// tokens, and <see cref="IChatChannel"/>. The conversation engine (<see cref="IChatConversations"/>)
    /// is registered by its own feature.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration.GetSection(BotFrameworkOptions.SectionName))
            .Validate(o => o.IsValid, "BotFramework: MaxActivityBytes, TurnsPerMinute, TurnBurst and MaxThrottledConversations must be greater than zero, and OpenIdConfiguration an absolute URL.")
            .ValidateOnStart();
        services.PostConfigure<BotFrameworkOptions>(o => o.AppId = configuration["BotFramework:AppId"] ?? "");
        services.AddHttpClient(HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var address = new Uri(sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.OpenIdConfiguration);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                address.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http) { RequireHttps = !address.IsLoopback });
        });
        services.AddSingleton<ConnectorTokenValidator>();
        services.AddSingleton<IConnectorTokens>(sp => new EntraConnectorTokens(() =>
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AppId is { Length: > 0 } appId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(appId))
                : throw new InvalidOperationException("BotFramework:AppId is not set: the bot's replies need the client id of its user-assigned managed identity.")));
        services.AddSingleton<IActivitySender>(sp => new ConnectorActivitySender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IConnectorTokens>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ConnectorActivitySender>>()));
        services.AddSingleton(sp => new ConnectorAttachments(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<IConnectorTokens>()));
        services.AddSingleton<ConversationThrottle>();
        services.AddSingleton<BotTurns>();
        services.AddSingleton<IChatChannel, BotChatChannel>();
        return services;
    }
}
