using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Notices;

/// <summary>
/// Tells the client in the chat, without being asked, when a referral of their case was accepted and when
/// the receiving office assigned a defender (first contact with the client is then due). It listens to the
/// sending office's copy as each referral message is applied to it. Each notice is sent once: its key is
/// recorded on the case first (<see cref="CaseChat.NoticesSent"/>), then it is sent, so a redelivered
/// message sends nothing again. Only a case bound to a chat conversation, on a host with a chat channel.
/// </summary>
public sealed class ChatReferralNotices(ICaseStore cases, IOfficeDirectory offices, ChatDelivery delivery, CaseAuditor auditor, TimeProvider clock)
    : IReferralCopyListener
{
    private const int MaxAttempts = 5;

    private static readonly IReadOnlyDictionary<ReferralAction, string> Notices = new Dictionary<ReferralAction, string>
    {
        [ReferralAction.Accept] = EngineTexts.NoticeAccepted,
        [ReferralAction.Assign] = EngineTexts.NoticeFirstContactDue,
    };

    public async Task CopyChangedAsync(Referral copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var notices = copy.Steps.Where(s => Notices.ContainsKey(s.Action)).Select(s => (Key: $"referral:{copy.Id:D}:{Kebab<ReferralAction>.Name(s.Action)}", Text: Notices[s.Action])).ToArray();
        if (copy.Copy != ReferralCopy.Sending || copy.CaseId is not { } caseId || notices.Length == 0)
        {
            return;
        }

        var call = new CallContext(new SystemCaller("chat-notices", copy.HolderOfficeId), $"notice-{copy.Id:N}");
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await cases.FindAsync(copy.HolderOfficeId, caseId, cancellationToken) is not { Chat: { Conversation: not null } chat } current)
            {
                return;
            }

            var due = notices.Where(n => !chat.NoticesSent.Contains(n.Key)).ToArray();
            if (due.Length == 0)
            {
                return;
            }

            var recorded = chat with { NoticesSent = [.. chat.NoticesSent, .. due.Select(n => n.Key)] };
            var audit = auditor.Entries(call, current.OfficeId, current.Id, AuditAction.ChatNoticeSent, due.Select(n => $"notice:{n.Text}").ToArray());
            if (!await cases.TryReplaceAsync(current.WithChat(recorded, clock.GetUtcNow()), current.Version, audit, cancellationToken))
            {
                continue;
            }

            var office = (await offices.FindAsync(copy.ToOfficeId, cancellationToken))?.Name ?? copy.ToOfficeId;
            var values = new Dictionary<string, string> { ["office"] = office, ["reference"] = current.Reference };
            foreach (var notice in due)
            {
                await delivery.SendAsync(recorded, notice.Text, values, cancellationToken);
            }

            return;
        }
    }
}
