using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Sqlite;
using LegalAidReferral.Testing.Emulators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>
/// Every storage port of one adapter, fresh and seeded as a host starts it: SQLite in a temporary
/// folder, or Cosmos DB in a database of its own on the test run's emulator.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly string? folder;

    private TestStorage(ServiceProvider provider, string? folder, RequestLog? requests)
    {
        this.provider = provider;
        this.folder = folder;
        Requests = requests;
    }

    /// <summary>The Cosmos requests (null for SQLite).</summary>
    public RequestLog? Requests { get; }

    public ICaseStore Cases => Get<ICaseStore>();

    public IPartySearch Parties => Get<IPartySearch>();

    public IAuditTrail Audit => Get<IAuditTrail>();

    public IIdempotencyStore Idempotency => Get<IIdempotencyStore>();

    public ICaseReferenceSequence Sequence => Get<ICaseReferenceSequence>();

    public IOfficeDirectory Offices => Get<IOfficeDirectory>();

    public ITriagePolicyStore Policies => Get<ITriagePolicyStore>();

    public IProtocolSettingsStore ProtocolSettings => Get<IProtocolSettingsStore>();

    public IReferralStore Referrals => Get<IReferralStore>();

    public IAlertStore Alerts => Get<IAlertStore>();

    public IOutbox Outbox => Get<IOutbox>();

    public IDeadLetters DeadLetters => Get<IDeadLetters>();

    public IDocumentCatalog Documents => Get<IDocumentCatalog>();

    public IChatStateStore Chat => Get<IChatStateStore>();
    public IConversationReferenceStore ChatReferences => Get<IConversationReferenceStore>();
    public IReviewStore Reviews => Get<IReviewStore>();

    /// <summary>The Cosmos DB database under the stores (Cosmos storage only), to reach its containers directly.</summary>
    public CosmosDatabase CosmosDatabase => Get<CosmosDatabase>();

    /// <param name="seeded">Seeds the offices, policies and protocol settings as a host does; otherwise the stores start empty.</param>
    public static Task<TestStorage> SqliteAsync(bool seeded = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection().AddSqliteStorage(new SqliteStorageOptions(folder));
        return StartAsync(services, seeded, sp => sp.GetRequiredService<SqliteDatabase>().InitializeAsync(default), folder, null);
    }

    /// <param name="seeded">Seeds the offices, policies and protocol settings as a host does; otherwise the stores start empty.</param>
    public static async Task<TestStorage> CosmosAsync(bool seeded = false)
    {
        var emulator = await CosmosEmulator.Instance;
        var requests = new RequestLog();
        var options = new CosmosStorageOptions(null, emulator.ConnectionString, $"test-{Guid.NewGuid():N}", CreateIfMissing: true);
        var services = new ServiceCollection().AddCosmosStorage(options, requests);
        return await StartAsync(services, seeded, sp => sp.GetRequiredService<CosmosDatabase>().InitializeAsync(default), null, requests);
    }

    public Task SeedOfficesAsync(IEnumerable<Office> offices) =>
        provider.GetService<SqliteOfficeDirectory>()?.SeedAsync(offices, default) ?? Get<CosmosOfficeDirectory>().SeedAsync(offices, default);

    public Task SeedPoliciesAsync(IEnumerable<TriagePolicy> policies) =>
        provider.GetService<SqliteTriagePolicyStore>()?.SeedMissingAsync(policies, default) ?? Get<CosmosTriagePolicyStore>().SeedMissingAsync(policies, default);

    public Task SeedProtocolSettingsAsync(IEnumerable<string> officeIds) =>
        provider.GetService<SqliteProtocolSettingsStore>()?.SeedMissingAsync(officeIds, default)
        ?? Get<CosmosProtocolSettingsStore>().SeedMissingAsync(officeIds, default);

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TestStorage> StartAsync(
        IServiceCollection services, bool seeded, Func<IServiceProvider, Task> initialize, string? folder, RequestLog? requests)
    {
        var provider = services.BuildServiceProvider();
        if (!seeded)
        {
            await initialize(provider);
        }

        foreach (var hosted in seeded ? provider.GetServices<IHostedService>() : [])
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        requests?.Clear();
        return new TestStorage(provider, folder, requests);
    }

    private T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();
}
