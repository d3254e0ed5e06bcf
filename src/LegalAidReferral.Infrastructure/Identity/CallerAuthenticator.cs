using System.Collections.Frozen;
using System.Security.Claims;
using LegalAidReferral.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Infrastructure.Identity;

/// <summary>
/// Validates the caller's bearer token through the JWT bearer scheme that
/// <see cref="EntraIdServiceCollectionExtensions.AddEntraIdAuthentication"/> registers, the same
/// call as Microsoft.Identity.Web's <c>AuthenticateAzureFunctionAsync</c>, and maps the principal to
/// a <see cref="StaffCaller"/>. Function bodies call it explicitly because the Functions worker has no
/// authorization middleware.
/// </summary>
public sealed class CallerAuthenticator(IOptionsMonitor<IdentityOptions> options, RejectedTokenLog rejections)
{
    private const string SubjectClaimType = "sub";
    private const string RolesClaimType = "roles";

    // Exact names only: Enum.TryParse would also accept "1" or "Defender,Supervisor".
    private static readonly FrozenDictionary<string, Role> RolesByName =
        Enum.GetValues<Role>().ToFrozenDictionary(role => role.ToString(), StringComparer.Ordinal);

    public async Task<AuthenticationOutcome> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var reason = result.Failure switch
            {
                null => "No bearer token was presented.",
                SecurityTokenExpiredException => "The bearer token has expired.",
                _ => "The bearer token is not valid.",
            };
            if (result.Failure is not null)
            {
                rejections.Record(reason, result.Failure);
            }

            return AuthenticationOutcome.Unauthenticated(reason);
        }

        context.User = result.Principal;
        return ToOutcome(result.Principal, options.CurrentValue);
    }

    private static AuthenticationOutcome ToOutcome(ClaimsPrincipal principal, IdentityOptions settings)
    {
        var userId = ValueOf(principal, settings.UserIdClaimType) ?? ValueOf(principal, SubjectClaimType);
        if (userId is null)
        {
            return AuthenticationOutcome.Forbidden("The token does not identify a user.");
        }

        var officeId = ValueOf(principal, settings.OfficeClaimType);
        if (officeId is null)
        {
            return AuthenticationOutcome.Forbidden("The token does not name the caller's office.");
        }

        var roles = principal.Claims
            .Where(claim => claim.Type is RolesClaimType or ClaimTypes.Role)
            .Select(claim => RolesByName.TryGetValue(claim.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        if (roles.Count == 0)
        {
            return AuthenticationOutcome.Forbidden("The token carries no role of this application.");
        }

        return AuthenticationOutcome.Authenticated(new StaffCaller(userId, officeId, roles));
    }

    private static string? ValueOf(ClaimsPrincipal principal, string claimType) =>
        principal.FindFirst(claimType)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
