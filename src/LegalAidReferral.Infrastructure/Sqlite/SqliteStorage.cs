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
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Infrastructure.Sqlite;

public static class SqliteStorage
{
    /// <summary>
    /// Registers the SQLite adapters of every storage port as singletons (they share one writer) and
    /// a hosted service that creates the schema and seeds the offices, their triage policies and their protocol settings at start.
    /// </summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<SqliteCaseStore>());
        services.AddSingleton<SqlitePartySearch>();
        services.AddSingleton<IPartySearch>(sp => sp.GetRequiredService<SqlitePartySearch>());
        services.AddSingleton<SqliteAuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<SqliteAuditTrail>());
        services.AddSingleton<SqliteIdempotencyStore>();
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<SqliteIdempotencyStore>());
        services.AddSingleton<SqliteCaseReferenceSequence>();
        services.AddSingleton<ICaseReferenceSequence>(sp => sp.GetRequiredService<SqliteCaseReferenceSequence>());
        services.AddSingleton<SqliteOfficeDirectory>();
        services.AddSingleton<IOfficeDirectory>(sp => sp.GetRequiredService<SqliteOfficeDirectory>());
        services.AddSingleton<SqliteTriagePolicyStore>();
        services.AddSingleton<ITriagePolicyStore>(sp => sp.GetRequiredService<SqliteTriagePolicyStore>());
        services.AddSingleton<SqliteReferralStore>();
        services.AddSingleton<IReferralStore>(sp => sp.GetRequiredService<SqliteReferralStore>());
        services.AddSingleton<SqliteAlertStore>();
        services.AddSingleton<IAlertStore>(sp => sp.GetRequiredService<SqliteAlertStore>());
        services.AddSingleton<SqliteOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.AddSingleton<SqliteDeadLetters>();
        services.AddSingleton<IDeadLetters>(sp => sp.GetRequiredService<SqliteDeadLetters>());

        // Protocol settings (deadlines as data).
        services.AddSingleton<SqliteProtocolSettingsStore>();
        services.AddSingleton<IProtocolSettingsStore>(sp => sp.GetRequiredService<SqliteProtocolSettingsStore>());

        // Case documents: their records; the bytes are in the document store.
        services.AddSingleton<SqliteDocumentCatalog>();
        services.AddSingleton<IDocumentCatalog>(sp => sp.GetRequiredService<SqliteDocumentCatalog>());

        // Chat: the conversation references of proactive messages.
        services.AddSingleton<SqliteConversationReferenceStore>();
        services.AddSingleton<IConversationReferenceStore>(sp => sp.GetRequiredService<SqliteConversationReferenceStore>());

        // Chat conversations and references.
        services.AddSingleton<SqliteChatStateStore>();
        services.AddSingleton<IChatStateStore>(sp => sp.GetRequiredService<SqliteChatStateStore>());
        // The adherence review's read model.
        services.AddSingleton<SqliteReviewStore>();
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<SqliteReviewStore>());

        services.AddHostedService<SqliteStorageInitializer>();
        return services;
    }
}
