namespace LegalAidReferral.Core.Offices;

/// <summary>
/// Port: the offices this deployment serves (keeps the data of, and drains the exchange for). The
/// standalone host with the in-process exchange serves every office of the directory; a deployment on
/// Service Bus serves the offices of its configuration. Other offices of the directory are remote:
/// what this deployment holds of them (their protocol settings) comes through the exchange.
/// </summary>
public interface IServedOffices
{
    /// <summary>The ids of the offices this deployment serves, ordered by id.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);
}
