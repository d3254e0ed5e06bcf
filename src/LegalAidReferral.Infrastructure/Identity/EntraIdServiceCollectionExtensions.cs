using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.SectionName));
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }
}
