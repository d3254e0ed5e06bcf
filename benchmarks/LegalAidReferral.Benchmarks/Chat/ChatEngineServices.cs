using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Alerts;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Infrastructure.BotFramework;
using LegalAidReferral.Infrastructure.Documents;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LegalAidReferral.Benchmarks.Chat;

/// <summary>
/// The chat engine with the embedded stores, composed from Core and Infrastructure so that the benchmarks
/// need not reference the Functions host: the SQLite adapters and the document folder as the standalone host
/// registers them (<see cref="SqliteStorage.AddSqliteStorage"/>, <see cref="FolderDocumentStore"/>), and the
/// use cases the engine calls, with their default settings, as the Functions project's <c>ServiceRegistration</c>
/// registers them. The provider is validated when built, so a use case that comes to need a service this list
/// lacks fails the setup, not a measurement.
/// </summary>
public sealed class ChatEngineServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private ChatEngineServices(ServiceProvider provider) => this.provider = provider;

    public IChatConversations Engine => provider.GetRequiredService<IChatConversations>();

    /// <summary>Builds the services on a new SQLite database in <paramref name="folder"/>, creates its schema and seeds the offices and their policies.</summary>
    public static async Task<ChatEngineServices> StartAsync(string folder, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        services.AddSqliteStorage(new SqliteStorageOptions(folder));
        services.AddSingleton<IDocumentStore>(new FolderDocumentStore(Path.Combine(folder, "documents")));
        services.AddSingleton(new DocumentOptions());
        services.AddSingleton(new IdempotencyOptions());
        services.AddSingleton(new Pseudonyms(new byte[Pseudonyms.MinKeyBytes]));
        services.AddSingleton<IReferralReach, NoReferrals>();
        services.AddSingleton(sp => new AccessPolicy(sp.GetRequiredService<IReferralReach>()));
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<CaseAuditor>();
        services.AddSingleton<CaseReader>();
        services.AddSingleton<CaseMutation>();
        services.AddSingleton<IntakeCase>();
        services.AddSingleton<GetCase>();
        services.AddSingleton<RecordConsent>();
        services.AddSingleton<WithdrawConsent>();
        services.AddSingleton<RunConflictCheck>();
        services.AddSingleton<RunTriage>();
        services.AddSingleton<ReferralAudit>();
        services.AddSingleton<IConsentWithdrawalEffects, RevokeReferralsOnWithdrawal>();
        services.AddSingleton<UploadDocument>();
        services.AddSingleton(ChatCatalog.Default);
        services.AddSingleton<ChatAlertSync>();
        services.AddSingleton<ChatCaseWrite>();
        services.AddSingleton<ClientChatActions>();
        services.AddSingleton<IChatCodeHasher, Pbkdf2ChatCodeHasher>();
        services.AddSingleton<ICodeCheckLimit>(new SenderCodeCheckLimit(clock, NullLogger<SenderCodeCheckLimit>.Instance));
        services.AddSingleton<VerifyChatCode>();
        services.AddSingleton<ChatStatus>();
        services.AddSingleton<ChatPhotos>();
        services.AddSingleton<ChatActions>();
        services.AddSingleton<ChatEngine>();
        services.AddSingleton<IChatConversations>(sp => sp.GetRequiredService<ChatEngine>());

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(default);
        }

        return new ChatEngineServices(provider);
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
