using System.Diagnostics.CodeAnalysis;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Infrastructure.Identity;

public enum AuthenticationStatus
{
    /// <summary>A valid token that maps to a <see cref="StaffCaller"/>.</summary>
    Authenticated,

    /// <summary>No token, or one that is malformed, expired or not ours: answer 401.</summary>
    Unauthenticated,

    /// <summary>A valid token whose caller has no office or no known role: answer 403.</summary>
    Forbidden,
}

/// <summary>
/// What <see cref="CallerAuthenticator"/> found. <see cref="Reason"/> is safe to return to the
/// caller and to log: it never quotes the token or its claims.
/// </summary>
public sealed record AuthenticationOutcome
{
    private AuthenticationOutcome(AuthenticationStatus status, StaffCaller? actor, string? reason)
    {
        Status = status;
        Actor = actor;
        Reason = reason;
    }

    public AuthenticationStatus Status { get; }

    public StaffCaller? Actor { get; }

    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Actor))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsAuthenticated => Status == AuthenticationStatus.Authenticated;

    public static AuthenticationOutcome Authenticated(StaffCaller actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(AuthenticationStatus.Authenticated, actor, null);
    }

    public static AuthenticationOutcome Unauthenticated(string reason) => new(AuthenticationStatus.Unauthenticated, null, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(AuthenticationStatus.Forbidden, null, reason);
}
