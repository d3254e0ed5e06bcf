using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Languages;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>
/// The status of the client's case in plain words: where the case stands, then each step of its
/// referrals with its date and the other office's name, an open hand-off, and erasure requests.
/// The case is read as the client (an audited read).
/// </summary>
public sealed class ChatStatus(GetCase getCase, IReferralStore referrals, IOfficeDirectory offices)
{
    public async Task<IReadOnlyList<string>?> DescribeAsync(CallContext client, ChatLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(language);
        if (client.Caller is not ClientCaller caller || await getCase.HandleAsync(caller.CaseId, client, cancellationToken) is not { IsSuccess: true } found)
        {
            return null;
        }

        var @case = found.Value;
        var lines = new List<string>
        {
            language.Say(EngineTexts.StatusCase, new Dictionary<string, string>
            {
                ["reference"] = @case.Reference,
                ["status"] = language.Say(EngineTexts.CaseStatus(@case.Status)),
            }),
        };
        foreach (var referral in (await referrals.ListForCaseAsync(@case.OfficeId, @case.Id, cancellationToken)).OrderBy(r => r.CreatedAt))
        {
            var office = (await offices.FindAsync(referral.ToOfficeId, cancellationToken))?.Name ?? referral.ToOfficeId;
            lines.AddRange(referral.Steps.OrderBy(s => s.At).Select(step => language.Say(
                EngineTexts.ReferralStep(step.To),
                new Dictionary<string, string> { ["date"] = Answers.Show(DateOnly.FromDateTime(step.At.UtcDateTime)), ["office"] = office })));
        }

        if (@case.Chat?.HandOffOpen == true)
        {
            lines.Add(language.Say(EngineTexts.StatusHandOff));
        }

        lines.AddRange((@case.Chat?.ErasureRequests ?? []).Select(r => language.Say(
            EngineTexts.StatusErasure, new Dictionary<string, string> { ["due"] = Answers.Show(DateOnly.FromDateTime(r.DueAt.UtcDateTime)) })));
        return lines;
    }
}
