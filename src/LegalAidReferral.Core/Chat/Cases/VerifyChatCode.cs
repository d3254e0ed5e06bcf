using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// Checks a reference and code typed in the chat. Right: the conversation is bound to the case (and the
/// wrong-code count cleared). Wrong: counted on the case; the <see cref="ChatOptions.MaxWrongCodes"/>th
/// wrong code locks the reference for <see cref="ChatOptions.CodeLock"/>, which staff see on the case. An
/// unknown reference, a case without a code and a locked reference are each answered exactly like a wrong
/// code, after the same hashing work (<see cref="IChatCodeHasher.VerifyAsync"/> without a stored hash), so
/// references cannot be probed by the answer or its time: only existing references ever lock, so a distinct
/// answer to a locked one would tell which exist. Each linked case's code is hashed once per check. A sender over the
/// <see cref="ICodeCheckLimit"/> is refused before any lookup or hashing. This is the
/// client's sign-in, so it runs as the system (<c>system:chat-sign-in</c>), before any client exists.
/// </summary>
public sealed class VerifyChatCode(
    IChatStateStore links, ICaseStore cases, IChatCodeHasher hasher, ICodeCheckLimit limit, CaseAuditor auditor, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<CodeCheck> HandleAsync(
        string reference, string code, ChatAddress conversation, string language, string correlationId, CancellationToken cancellationToken)
    {
        if (!limit.TryAdmit(conversation))
        {
            return CodeCheck.TooMany;
        }

        var found = await links.FindLinksAsync(reference, cancellationToken);
        if (found.Count == 0)
        {
            await hasher.VerifyAsync(code, null, cancellationToken);
            return CodeCheck.Wrong;
        }

        foreach (var link in found)
        {
            var check = await CheckAsync(link, code, conversation, language, correlationId, cancellationToken);
            if (check.Result == CodeCheckResult.Verified)
            {
                return check;
            }
        }

        return CodeCheck.Wrong;
    }

    private async Task<CodeCheck> CheckAsync(
        ChatCaseLink link, string code, ChatAddress conversation, string language, string correlationId, CancellationToken cancellationToken)
    {
        var call = new CallContext(new SystemCaller("chat-sign-in", link.OfficeId), correlationId);
        (string Secret, bool Right)? verified = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            if (await cases.FindAsync(link.OfficeId, link.CaseId, cancellationToken) is not { Chat.Secret: { } secret } current
                || current.Chat!.IsLocked(now))
            {
                if (verified is null)
                {
                    await hasher.VerifyAsync(code, null, cancellationToken);
                }

                return CodeCheck.Wrong;
            }

            var chat = current.Chat!;

            if (verified?.Secret != secret)
            {
                verified = (secret, await hasher.VerifyAsync(code, secret, cancellationToken));
            }

            var right = verified.Value.Right;
            var wrongCodes = right ? 0 : chat.WrongCodes + 1;
            var locks = wrongCodes >= ChatOptions.MaxWrongCodes;
            var changed = right
                ? chat with { Conversation = conversation, Language = language, WrongCodes = 0, LockedUntil = null }
                : chat with { WrongCodes = locks ? 0 : wrongCodes, LockedUntil = locks ? now + ChatOptions.CodeLock : chat.LockedUntil };
            var action = right ? AuditAction.ChatCodeVerified : AuditAction.ChatCodeRefused;
            if (await cases.TryReplaceAsync(
                current.WithChat(changed, now), current.Version, auditor.Entries(call, current.OfficeId, current.Id, action, "chat"), cancellationToken))
            {
                return right ? CodeCheck.Verified(current.Id, current.OfficeId) : CodeCheck.Wrong;
            }
        }

        return CodeCheck.Wrong;
    }
}

/// <summary>The answer to a reference and code: the case they name, or why not.</summary>
public sealed record CodeCheck(CodeCheckResult Result, Guid? CaseId, string? OfficeId)
{
    public static readonly CodeCheck Wrong = new(CodeCheckResult.Wrong, null, null);

    public static readonly CodeCheck TooMany = new(CodeCheckResult.TooMany, null, null);

    public static CodeCheck Verified(Guid caseId, string officeId) => new(CodeCheckResult.Verified, caseId, officeId);
}

public enum CodeCheckResult
{
    Verified,

    /// <summary>Wrong code, unknown reference, case without a code or locked reference: one answer for all.</summary>
    Wrong,

    /// <summary>The sender made too many checks lately (<see cref="ICodeCheckLimit"/>); nothing was looked up.</summary>
    TooMany,
}
