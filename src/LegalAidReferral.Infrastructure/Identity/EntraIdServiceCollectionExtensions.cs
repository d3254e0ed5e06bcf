using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Web;

namespace LegalAidReferral.Infrastructure.Identity;

public static class EntraIdServiceCollectionExtensions
{
    public const string AzureAdSectionName = "AzureAd";

    /// <summary>
    /// Validates Entra ID access tokens (section <c>AzureAd</c>: Instance, TenantId, ClientId, and
    /// Audience when it is not the client id) and registers <see cref="CallerAuthenticator"/>, which
    /// reads the claims named in section <c>Identity</c>. Adds no authorization middleware.
    /// </summary>
    public static IServiceCollection AddEntraIdAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration, AzureAdSectionName);

        // The configured claim types are the token's own names (oid, roles, officeId); inbound
        // mapping would rename oid and roles to long SOAP-era URIs.
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.MapInboundClaims = false);

        // A caller sends the same token with every request for up to an hour: its signature is
        // checked once and remembered for a few minutes (ValidatedTokenCache says what it keeps).
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            for (var i = 0; i < options.TokenHandlers.Count; i++)
            {
                if (options.TokenHandlers[i] is not ValidatedTokenCache)
                {
                    options.TokenHandlers[i] = new ValidatedTokenCache(options.TokenHandlers[i], TimeProvider.System);
                }
            }
        });

        // Roles are checked by CallerAuthenticator, which answers a token without a role of this
        // app with 403; Microsoft.Identity.Web would fail a token with neither roles nor scp as 401.
        services.Configure<MicrosoftIdentityOptions>(JwtBearerDefaults.AuthenticationScheme, options => options.AllowWebApiToBeAuthorizedByACL = true);

        // A rejected token is an expected event that a caller can repeat at will: RejectedTokenLog
        // writes a rate-limited line, and the per-request entries of these two (an Error each from
        // IdentityModel) are dropped, in both hosts, whatever the configured levels say.
        services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.AddFilter("Microsoft.IdentityModel.LoggingExtensions.IdentityLoggerAdapter", LogLevel.None);
            filters.AddFilter("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", LogLevel.Warning);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RejectedTokenLog>();

        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName));
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }
}
