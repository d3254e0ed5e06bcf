namespace LegalAidReferral.Core.Identity;

/// <summary>The authenticated caller: a staff member of one office with one or more roles.</summary>
public sealed record Actor(string UserId, string OfficeId, IReadOnlySet<Role> Roles)
{
    public bool HasAny(params ReadOnlySpan<Role> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }
}
