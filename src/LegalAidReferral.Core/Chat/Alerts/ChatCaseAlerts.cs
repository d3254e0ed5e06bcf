using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Alerts;

/// <summary>The alerts a case's chat side holds for its office: its open hand-off and each erasure request.</summary>
public static class ChatCaseAlerts
{
    /// <summary>
    /// The hand-off's alert is due when it was opened (a new hand-off is a new alert); an erasure request's is
    /// due on the request's due date and stays listed, so once acknowledged (cleared) it is not raised again.
    /// </summary>
    public static IReadOnlyList<CaseAlert> Of(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Chat is not { } chat)
        {
            return [];
        }

        var alerts = new List<CaseAlert>(chat.ErasureRequests.Count + 1);
        if (chat.HandOffOpen)
        {
            var openedAt = chat.HandOff!.OpenedAt;
            alerts.Add(Alert(@case, CaseAlertKind.ChatHandOff, $"chat-hand-off:{@case.Id:D}:{openedAt.UtcTicks}", openedAt));
        }

        alerts.AddRange(chat.ErasureRequests.Select(r => Alert(@case, CaseAlertKind.ErasureRequest, $"erasure-request:{@case.Id:D}:{r.Id:D}", r.DueAt)));
        return alerts;
    }

    private static CaseAlert Alert(Case @case, CaseAlertKind kind, string source, DateTimeOffset dueAt) =>
        new(OfficeAlert.DeriveId(source), @case.OfficeId, kind, @case.Id, @case.Reference, dueAt);
}
