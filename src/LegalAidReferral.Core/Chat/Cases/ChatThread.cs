using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>The bounded thread of a case's chat.</summary>
public static class ChatThread
{
    public static Result<CaseChat> Append(CaseChat chat, ChatThreadMessage message)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        if (chat.Messages.Count >= ChatOptions.MaxThreadMessages)
        {
            return new Failure(FailureKind.Conflict, $"This case's chat thread holds {ChatOptions.MaxThreadMessages} messages, the most it can keep.");
        }

        return chat with { Messages = [.. chat.Messages, message] };
    }
}
