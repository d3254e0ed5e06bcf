using LegalAidReferral.Infrastructure.Identity;
using Microsoft.Extensions.Configuration;

namespace LegalAidReferral.Standalone.DevSignIn;

/// <param name="DataFolder">Where the signing key is kept between runs.</param>
/// <param name="Audience">The audience the Entra ID pipeline expects, so dev tokens pass it unchanged.</param>
/// <param name="TenantId">Put in <c>tid</c> as Entra ID would.</param>
/// <param name="OfficeClaimType">The claim <see cref="CallerAuthenticator"/> reads the office from.</param>
public sealed record DevIssuerSettings(string DataFolder, string Audience, string TenantId, string OfficeClaimType)
{
    /// <summary>Audience from <c>AzureAd:Audience</c>, else <c>AzureAd:ClientId</c>, as Microsoft.Identity.Web validates.</summary>
    public static DevIssuerSettings From(IConfiguration configuration, string dataFolder, IdentityOptions identity)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(identity);

        var azureAd = configuration.GetSection(EntraIdServiceCollectionExtensions.AzureAdSectionName);
        var audience = NonBlank(azureAd["Audience"]) ?? NonBlank(azureAd["ClientId"])
            ?? throw new InvalidOperationException("Development sign-in needs AzureAd:ClientId (or AzureAd:Audience) to issue tokens for.");
        var tenantId = NonBlank(azureAd["TenantId"])
            ?? throw new InvalidOperationException("Development sign-in needs AzureAd:TenantId.");
        return new(dataFolder, audience, tenantId, identity.OfficeClaimType);
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
