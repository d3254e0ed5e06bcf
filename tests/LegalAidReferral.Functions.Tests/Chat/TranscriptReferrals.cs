using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Input;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>
/// The referral steps a transcript can take on the chat case (<c>@ referral accepted</c>: sent by its office to
/// Guatemala City with a supervisor's consent override, acknowledged and accepted there; <c>@ referral assigned</c>:
/// a defender assigned there; <c>@ referral redelivered</c>: the sending copy's listeners told again), each
/// followed by the outbox relay, as the standalone host's in-process exchange delivers them.
/// </summary>
public sealed class TranscriptReferrals(ChatScenario scenario)
{
    private const string Receiving = "gt-idpp-guatemala";

    private Guid referralId;

    public async Task StepAsync(string step, string reference)
    {
        var link = await scenario.LinkAsync(reference);
        switch (step)
        {
            case "accepted":
                var input = new ReferralInput
                {
                    ToOfficeId = Receiving,
                    Kind = "representation",
                    Reason = "The client moved to Guatemala City",
                    SharedFields = ["client.fullName", "legalIssues"],
                    ConsentOverride = new ConsentOverrideInput { Reason = "The client asked for it in person." },
                };
                var sent = await Get<SendReferral>().HandleAsync(new SendReferral.Command(link.CaseId, input, null, "send"), Staff(link.OfficeId), default);
                Assert.True(sent.IsSuccess, sent.Failure?.Detail);
                referralId = sent.Value.Referral.Id;
                await RelayAsync();
                await ActAsync(ReferralAction.Acknowledge, null);
                await ActAsync(ReferralAction.Accept, null);
                break;
            case "assigned":
                await ActAsync(ReferralAction.Assign, new ReferralActionInput { DefenderId = $"{Receiving}-defender" });
                break;
            case "redelivered":
                var copy = await Get<IReferralStore>().FindAsync(link.OfficeId, referralId, default);
                foreach (var listener in scenario.Services.GetServices<IReferralCopyListener>())
                {
                    await listener.CopyChangedAsync(copy!, default);
                }

                break;
            default:
                Assert.Fail($"Unknown referral step '{step}'.");
                break;
        }
    }

    private async Task ActAsync(ReferralAction action, ReferralActionInput? input)
    {
        var acted = await Get<ActOnReferral>().HandleAsync(new ActOnReferral.Command(referralId, action, input, null), Staff(Receiving), default);
        Assert.True(acted.IsSuccess, acted.Failure?.Detail);
        await RelayAsync();
    }

    private async Task RelayAsync() => Assert.Null((await Get<RelayOutbox>().RunAsync(default)).Failure);

    private static CallContext Staff(string officeId) => ChatScenario.Staff(officeId);

    private T Get<T>()
        where T : notnull => scenario.Services.GetRequiredService<T>();
}
