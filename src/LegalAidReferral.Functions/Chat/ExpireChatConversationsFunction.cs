using LegalAidReferral.Core.Chat.State;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Functions.Chat;

/// <summary>Every five minutes, deletes the state of chat conversations abandoned for longer than the idle timeout.</summary>
public sealed partial class ExpireChatConversationsFunction(ExpireChatConversations expire, ILogger<ExpireChatConversationsFunction> logger)
{
    public const string Schedule = "0 */5 * * * *";

    [Function("ExpireChatConversations")]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var expired = await expire.RunAsync(cancellationToken);
        LogExpired(logger, expired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired chat conversations")]
    private static partial void LogExpired(ILogger logger, int count);
}
