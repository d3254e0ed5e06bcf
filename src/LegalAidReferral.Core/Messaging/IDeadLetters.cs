namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Port: where an exchange without a dead-letter queue of its own (the in-process one) sets aside the
/// messages a handler rejected, with the reason, for an operator to inspect. Nothing is dropped.
/// </summary>
public interface IDeadLetters
{
    Task SetAsideAsync(ExchangeMessage message, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
