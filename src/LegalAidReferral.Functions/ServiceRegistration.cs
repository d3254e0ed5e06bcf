using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Alerts;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Notices;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Documents;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Functions.Offices;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Infrastructure.BotFramework;
using LegalAidReferral.Functions.Review;
using LegalAidReferral.Infrastructure.Documents;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Files;
using LegalAidReferral.Infrastructure.Identity;
using LegalAidReferral.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LegalAidReferral.Functions;

/// <summary>Everything the function classes need, registered the same way by both hosts.</summary>
public static class ServiceRegistration
{
    /// <param name="host">Which host this is: it decides the storage's default and allowed providers (<see cref="StorageRegistration"/>).</param>
    public static IServiceCollection AddLegalAidReferral(this IServiceCollection services, IConfiguration configuration, StorageHost host)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<ApiOptions>(configuration.GetSection("Api"));
        services.AddEntraIdAuthentication(configuration);
        services.AddOptions<ThrottlingOptions>()
            .Bind(configuration.GetSection(ThrottlingOptions.SectionName))
            .Validate(o => o.IsValid, "Throttling rates, bursts and MaxBuckets must be greater than zero.")
            .ValidateOnStart();
        services.AddSingleton<RequestThrottle>();
        services.AddSingleton<CaseRepresentations>();
        services.AddSingleton<ApiPipeline>();

        var dataFolder = configuration["Storage:DataFolder"] ?? ".data";
        services.AddStorage(configuration, host);
        services.AddSingleton(sp => new ReadinessCheck("storage", sp.GetRequiredService<StorageHealth>().Probe));
        services.AddDocumentStorage(configuration, dataFolder, host);

        services.AddExchange(configuration);
        services.AddSingleton<RelayOutbox>();
        if (host == StorageHost.FunctionsApp && string.IsNullOrEmpty(configuration["Referrals:PseudonymKey"]))
        {
            throw new StorageConfigurationException(
                "Referrals:PseudonymKey is not set: the Functions app takes the key of the protocol events' pseudonyms from it " +
                "(a Key Vault reference, see docs/deploy.md), never from a file, since no disk outlives an instance.");
        }

        services.AddSingleton(_ => new Pseudonyms(PseudonymKey(configuration, dataFolder)));

        services.AddSingleton<IReferralReach, NoReferrals>();
        services.AddSingleton(sp => new AccessPolicy(sp.GetRequiredService<IReferralReach>()));
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.IsValid, "Idempotency:Retention must be greater than zero.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IdempotencyOptions>>().Value);
        services.AddSingleton<IdempotencyGuard>();
        services.AddSingleton<PurgeExpiredIdempotencyKeys>();
        services.AddSingleton<PurgeExpiredDeadLetters>();
        services.AddSingleton<CaseAuditor>();
        services.AddSingleton<CaseReader>();
        services.AddSingleton<CaseMutation>();
        services.AddSingleton<IntakeCase>();
        services.AddSingleton<GetCase>();
        services.AddSingleton<ListCases>();
        services.AddSingleton<SearchCases>();
        services.AddSingleton<UpdateCase>();
        services.AddSingleton<ChangeCaseStatus>();
        services.AddSingleton<RecordConsent>();
        services.AddSingleton<WithdrawConsent>();
        services.AddSingleton<GetCaseHistory>();
        services.AddSingleton<RunConflictCheck>();
        services.AddSingleton<RecordConflictOutcome>();
        services.AddSingleton<ListOffices>();
        services.AddSingleton<GetOffice>();
        services.AddSingleton<RunTriage>();
        services.AddSingleton<OverrideTriage>();
        services.AddSingleton<UpdateTriagePolicy>();
        services.AddSingleton<ReferralCalendars>();
        services.AddSingleton<ReferralReader>();
        services.AddSingleton<ReferralAudit>();
        services.AddSingleton<SendReferral>();
        services.AddSingleton<ListReferrals>();
        services.AddSingleton<GetReferral>();
        services.AddSingleton<ActOnReferral>();
        services.AddSingleton<PostReferralMessage>();
        services.AddSingleton<ListReferralMessages>();
        services.AddSingleton<IMessageHandler, ReferralMessageHandler>();
        services.AddSingleton<IConsentWithdrawalEffects, RevokeReferralsOnWithdrawal>();
        services.AddSingleton<SweepDeadlines>();
        services.AddSingleton<ListAlerts>();
        services.AddSingleton<AcknowledgeAlert>();

        // Protocol settings (deadlines as data), replicated to the other deployments.
        services.AddSingleton<GetProtocolSettings>();
        services.AddSingleton<UpdateProtocolSettings>();
        services.AddSingleton<IMessageHandler, ReceiveProtocolSettings>();
        services.AddSingleton<AnnounceProtocolSettings>();
        services.AddHostedService<ProtocolSettingsAnnouncement>();

        // Case documents.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentOptions>>().Value);
        services.AddSingleton<UploadDocument>();
        services.AddSingleton<ListDocuments>();
        services.AddSingleton<GetDocument>();
        services.AddSingleton<GetReferralDocument>();

        // The chat engine (docs/chat.md); the catalog is checked here, so a broken flow file stops the start-up.
        services.AddSingleton(ChatCatalog.Default);
        services.AddSingleton<ChatAlertSync>();
        services.AddSingleton<RecoverChatAlerts>();
        services.AddSingleton<ChatCaseWrite>();
        services.AddSingleton<ClientChatActions>();
        services.AddSingleton<IChatCodeHasher, Pbkdf2ChatCodeHasher>();
        services.AddSingleton<ICodeCheckLimit, SenderCodeCheckLimit>();
        services.AddSingleton<VerifyChatCode>();
        services.AddSingleton<ChatDelivery>();
        services.AddSingleton<StaffChatActions>();
        services.AddSingleton<ChatStatus>();
        services.AddSingleton<ChatPhotos>();
        services.AddSingleton<ChatActions>();
        services.AddSingleton<ChatEngine>();
        services.AddSingleton<IChatConversations>(sp => sp.GetRequiredService<ChatEngine>());
        services.AddSingleton<ExpireChatConversations>();
        services.AddSingleton<IReferralCopyListener, ChatReferralNotices>();

        // Chat: the Bot Framework protocol in front of the conversation engine.
        services.AddBotFramework(configuration);
        // Adherence review: the read model of the protocol events, and its routes.
        services.AddSingleton(ReviewSettingsOf(configuration.GetSection("Review")));
        services.AddSingleton<IMessageHandler, RecordProtocolEvents>();
        services.AddSingleton<ReviewReleases>();
        services.AddSingleton<GetAdherence>();
        services.AddSingleton<ListReviewEvents>();
        services.AddSingleton<AdherenceRoute>();
        return services;
    }

    /// <summary>
    /// <c>Review:MinCellSize</c> (the smallest count shown, at least 1; default 5) and
    /// <c>Review:TimeZone</c> (the IANA zone of the review's months; default UTC).
    /// </summary>
    private static ReviewSettings ReviewSettingsOf(IConfigurationSection review)
    {
        var minCellSize = review.GetValue<int?>("MinCellSize") ?? ReviewSettings.DefaultMinCellSize;
        if (minCellSize < 1)
        {
            throw new StorageConfigurationException("Review:MinCellSize must be 1 or more (the smallest count the review shows).");
        }

        var zoneId = review["TimeZone"] is { Length: > 0 } configured ? configured : ReviewSettings.DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            throw new StorageConfigurationException($"Review:TimeZone '{zoneId}' is not a known IANA time zone (e.g. UTC, America/Guatemala).");
        }

        return new ReviewSettings(minCellSize, zone);
    }

    /// <summary>
    /// The key of the protocol events' pseudonyms: <c>Referrals:PseudonymKey</c> (base64, at least 32
    /// bytes; the same in every deployment of the network, so the review can follow a referral across
    /// them), or else, on the standalone host only, a key created once in the data folder.
    /// </summary>
    private static byte[] PseudonymKey(IConfiguration configuration, string dataFolder) =>
        configuration["Referrals:PseudonymKey"] is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : SecretFile.LoadOrCreate(Path.Combine(dataFolder, "pseudonym-key"), Pseudonyms.MinKeyBytes);
}
