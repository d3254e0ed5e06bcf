namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Port: where an exchange without a dead-letter queue of its own (the in-process one) sets aside the
/// messages a handler rejected, with the reason, for an operator to inspect. Nothing is dropped
/// unseen: a message stays for <see cref="PurgeExpiredDeadLetters.Retention"/>, then is deleted, since
/// its body may hold personal data (shared values, thread texts) the client can withdraw.
/// </summary>
public interface IDeadLetters
{
    Task SetAsideAsync(ExchangeMessage message, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="limit"/> messages set aside before <paramref name="setAsideBefore"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset setAsideBefore, int limit, CancellationToken cancellationToken);
}
