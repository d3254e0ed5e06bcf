namespace LegalAidReferral.Core.Messaging;

/// <summary>
/// Port: the receiving side of an exchange that holds messages until they are fetched (Service Bus
/// subscriptions, drained by a timer since the trigger extension is not available). An exchange that
/// hands messages over when they are published (in-process) has nothing waiting here.
/// </summary>
public interface IExchangeInbox
{
    /// <summary>Fetches and handles what waits for the offices this deployment serves; returns how many messages it handled.</summary>
    Task<int> DrainAsync(CancellationToken cancellationToken);
}
