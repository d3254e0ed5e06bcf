using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Core.Triage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Cosmos;

public static class CosmosStorage
{
    /// <summary>
    /// Registers the Cosmos DB adapters of every storage port as singletons over one
    /// <see cref="CosmosDatabase"/> (one client per process), and a hosted service that creates the
    /// containers when asked to and seeds the offices, their triage policies and protocol settings.
    /// </summary>
    /// <param name="handlers">Request handlers for the client's pipeline (tests observe the requests with one).</param>
    public static IServiceCollection AddCosmosStorage(this IServiceCollection services, CosmosStorageOptions options, params IReadOnlyList<RequestHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton(_ => new CosmosDatabase(options, handlers));
        services.AddSingleton<CosmosVocabulary>();
        services.AddSingleton<ICaseStore, CosmosCaseStore>();
        services.AddSingleton<IPartySearch, CosmosPartySearch>();
        services.AddSingleton<IAuditTrail, CosmosAuditTrail>();
        services.AddSingleton<IIdempotencyStore, CosmosIdempotencyStore>();
        services.AddSingleton<ICaseReferenceSequence, CosmosCaseReferenceSequence>();
        services.AddSingleton<CosmosOfficeDirectory>();
        services.AddSingleton<IOfficeDirectory>(sp => sp.GetRequiredService<CosmosOfficeDirectory>());
        services.AddSingleton<CosmosTriagePolicyStore>();
        services.AddSingleton<ITriagePolicyStore>(sp => sp.GetRequiredService<CosmosTriagePolicyStore>());
        services.AddSingleton<CosmosProtocolSettingsStore>();
        services.AddSingleton<IProtocolSettingsStore>(sp => sp.GetRequiredService<CosmosProtocolSettingsStore>());
        services.AddSingleton<IReferralStore, CosmosReferralStore>();
        services.AddSingleton<IAlertStore, CosmosAlertStore>();
        services.AddSingleton<IOutbox, CosmosOutbox>();
        services.AddSingleton<IDeadLetters, CosmosDeadLetters>();
        services.AddSingleton<IDocumentCatalog, CosmosDocumentCatalog>();
        services.AddSingleton<IConversationReferenceStore, CosmosConversationReferenceStore>();
        services.AddSingleton<IChatStateStore, CosmosChatStateStore>();
        services.AddSingleton<IReviewStore, CosmosReviewStore>();
        services.AddHostedService<CosmosStorageInitializer>();
        return services;
    }
}
