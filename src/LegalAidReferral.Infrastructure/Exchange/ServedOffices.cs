using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Infrastructure.Exchange;

/// <summary>The in-process exchange: this process serves every office of the directory.</summary>
public sealed class EveryOfficeServed(IOfficeDirectory directory) : IServedOffices
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) =>
        (await directory.ListAsync(cancellationToken)).Select(o => o.Id).ToArray();
}

/// <summary>Service Bus: the offices of <c>Exchange:ServiceBus:Offices</c>, whose subscriptions this deployment drains.</summary>
public sealed class ConfiguredOfficesServed(IEnumerable<string> offices) : IServedOffices
{
    private readonly string[] offices = offices.Order(StringComparer.Ordinal).ToArray();

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(offices);
}
