using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Infrastructure.Limits;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// A fixed window per sender (the channel and the activity's <c>from.id</c>, across conversations) on the host's
/// <see cref="TimeProvider"/>: <see cref="ChatOptions.MaxCodeChecksPerSender"/> code checks per
/// <see cref="ChatOptions.CodeCheckWindow"/>. Per instance, in memory: a scaled-out app admits that much per
/// instance, and a restart forgets the counts. Senders are kept by a hash of their account (<see cref="HashedKey"/>),
/// at most <see cref="ChatOptions.MaxCodeCheckSenders"/> at a time (<see cref="FixedWindowLimit{TKey}"/>): beyond, a
/// new sender is refused until the oldest window ends. The first refusal of a window, and the first refusal for want
/// of room, are logged, without the sender.
/// </summary>
public sealed partial class SenderCodeCheckLimit(TimeProvider clock, ILogger<SenderCodeCheckLimit> logger) : ICodeCheckLimit
{
    private readonly FixedWindowLimit<UInt128> windows = new(
        clock, ChatOptions.MaxCodeChecksPerSender, ChatOptions.CodeCheckWindow, ChatOptions.MaxCodeCheckSenders);

    public bool TryAdmit(ChatAddress sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var admission = windows.TryAdmit(HashedKey.Of(sender.ChannelId, sender.UserId));
        if (admission.FirstRefusal)
        {
            if (admission.Refusal == WindowRefusal.Full)
            {
                LogFull(logger, ChatOptions.MaxCodeCheckSenders, ChatOptions.CodeCheckWindow.TotalMinutes);
            }
            else
            {
                LogRefused(logger, ChatOptions.MaxCodeChecksPerSender, ChatOptions.CodeCheckWindow.TotalMinutes);
            }
        }

        return admission.IsAdmitted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat code checks refused: a sender made more than {MaxChecks} in {WindowMinutes} minutes")]
    private static partial void LogRefused(ILogger logger, int maxChecks, double windowMinutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat code checks refused to new senders: {MaxSenders} senders checked codes in the last {WindowMinutes} minutes")]
    private static partial void LogFull(ILogger logger, int maxSenders, double windowMinutes);
}
