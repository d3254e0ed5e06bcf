using LegalAidReferral.Core.Access;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Messaging;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Functions.Http;
using LegalAidReferral.Functions.Operations;
using LegalAidReferral.Infrastructure.Exchange;
using LegalAidReferral.Infrastructure.Identity;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions;

/// <summary>Everything the function classes need, registered the same way by both hosts.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddLegalAidReferral(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<ApiOptions>(configuration.GetSection("Api"));
        services.AddEntraIdAuthentication(configuration);
        services.AddOptions<ThrottlingOptions>()
            .Bind(configuration.GetSection(ThrottlingOptions.SectionName))
            .Validate(o => o.IsValid, "Throttling rates and bursts must be greater than zero.")
            .ValidateOnStart();
        services.AddSingleton<RequestThrottle>();
        services.AddSingleton<ApiPipeline>();

        var storage = configuration.GetSection("Storage");
        services.AddSqliteStorage(new SqliteStorageOptions(storage["DataFolder"] ?? ".data", storage.GetValue<bool>("SynchronousFull")));
        services.AddSingleton(sp => new ReadinessCheck("storage", sp.GetRequiredService<SqliteDatabase>().IsHealthyAsync));

        services.AddExchange(configuration);
        services.AddSingleton<RelayOutbox>();

        services.AddSingleton<IReferralReach, NoReferrals>();
        services.AddSingleton(sp => new AccessPolicy(sp.GetRequiredService<IReferralReach>()));
        services.AddSingleton<IdempotencyGuard>();
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

        // Protocol settings (issue 7, deadlines as data).
        services.AddSingleton<GetProtocolSettings>();
        services.AddSingleton<UpdateProtocolSettings>();
        return services;
    }
}
