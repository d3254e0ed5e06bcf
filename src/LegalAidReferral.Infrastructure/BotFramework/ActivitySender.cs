using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>Delivers an activity of the bot to the channel a conversation came from.</summary>
public interface IActivitySender
{
    /// <summary>False when the channel did not take it (logged by status, never by content).</summary>
    Task<bool> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Posts to the Connector at the conversation's <c>serviceUrl</c>, with a bearer token from
/// <see cref="IConnectorTokens"/>: a reply to <c>v3/conversations/{id}/activities/{replyToId}</c>, any
/// other message to <c>v3/conversations/{id}/activities</c>. The service URL is one that came with a
/// validated token (the inbound activity's, or a stored reference's), never one from elsewhere.
/// </summary>
public sealed partial class ConnectorActivitySender(HttpClient http, IConnectorTokens tokens, ILogger<ConnectorActivitySender> logger) : IActivitySender
{
    public async Task<bool> SendAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = $"v3/conversations/{Uri.EscapeDataString(activity.Conversation?.Id ?? "")}/activities";
        if (activity.ReplyToId is { Length: > 0 } replyTo)
        {
            path += $"/{Uri.EscapeDataString(replyTo)}";
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path))
        {
            Content = JsonContent.Create(activity, options: ActivityJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused(logger, activity.ChannelId ?? "", (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(logger, activity.ChannelId ?? "", e.HttpRequestError.ToString());
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {ChannelId} connector refused an activity of the bot: {Status}")]
    private static partial void LogRefused(ILogger logger, string channelId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {ChannelId} connector could not be reached: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string channelId, string error);
}
