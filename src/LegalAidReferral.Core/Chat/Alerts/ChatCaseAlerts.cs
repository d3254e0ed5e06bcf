using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Alerts;

/// <summary>The alerts a case's chat side holds for its office: its open hand-off and each erasure request.</summary>
public static class ChatCaseAlerts
{
    /// <summary>
    /// The hand-off's alert is due when it was opened (a new hand-off is a new alert) and is done once the
    /// hand-off is closed, as is every earlier hand-off's; an erasure request's is due on the request's due date
    /// and is only ever cleared by its acknowledgement, so it is never listed as done here.
    /// </summary>
    public static CaseAlertState Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Chat is not { } chat)
        {
            return CaseAlertState.None;
        }

        var open = new List<CaseAlert>(chat.ErasureRequests.Count + 1);
        var closed = new List<Guid>(1);
        if (chat.HandOff is { } handOff)
        {
            var alert = Alert(@case, CaseAlertKind.ChatHandOff, $"chat-hand-off:{@case.Id:D}:{handOff.OpenedAt.UtcTicks}", handOff.OpenedAt);
            if (handOff.ClosedAt is null)
            {
                open.Add(alert);
            }
            else
            {
                closed.Add(alert.Id);
            }
        }

        open.AddRange(chat.ErasureRequests.Select(r => Alert(@case, CaseAlertKind.ErasureRequest, $"erasure-request:{@case.Id:D}:{r.Id:D}", r.DueAt)));
        return new CaseAlertState(open, closed, chat.HandOff?.OpenedAt);
    }

    private static CaseAlert Alert(Case @case, CaseAlertKind kind, string source, DateTimeOffset dueAt) =>
        new(OfficeAlert.DeriveId(source), @case.OfficeId, kind, @case.Id, @case.Reference, dueAt);
}
