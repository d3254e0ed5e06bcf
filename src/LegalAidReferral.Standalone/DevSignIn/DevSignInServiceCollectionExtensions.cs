using LegalAidReferral.Functions.Http;
using LegalAidReferral.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LegalAidReferral.Standalone.DevSignIn;

public static class DevSignInServiceCollectionExtensions
{
    /// <summary>
    /// Registers the demo users and the local issuer, and points the Entra ID bearer scheme at that
    /// issuer instead of the tenant's metadata. Audience, lifetime and signature are still checked by
    /// the same Microsoft.Identity.Web pipeline. Call after <c>AddEntraIdAuthentication</c>; reads
    /// <c>AzureAd:ClientId</c>, <c>AzureAd:Audience</c> and <c>AzureAd:TenantId</c> from the
    /// registered <see cref="IConfiguration"/>.
    /// </summary>
    public static IServiceCollection AddDevSignIn(this IServiceCollection services, string dataFolder, IEnumerable<string> officeIds)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(officeIds);

        var users = new DemoUsers(officeIds);
        services.AddSingleton(users);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestThrottle>();

        // Token lifetimes are checked by IdentityModel against the system clock, so tokens are issued
        // on it too, even when the host's own clock runs ahead (--dev-clock-offset).
        services.AddSingleton(provider => new DevIssuer(
            DevIssuerSettings.From(
                provider.GetRequiredService<IConfiguration>(),
                dataFolder,
                provider.GetRequiredService<IOptions<IdentityOptions>>().Value),
            TimeProvider.System));

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<DevIssuer>((options, issuer) =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = DevIssuer.Issuer };
                configuration.SigningKeys.Add(issuer.SigningKey);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);

                // Microsoft.Identity.Web's issuer validator only accepts login.microsoftonline.com issuers.
                options.TokenValidationParameters.IssuerValidator = null;
                options.TokenValidationParameters.ValidIssuer = DevIssuer.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = issuer.SigningKey;
            });
        return services;
    }
}
