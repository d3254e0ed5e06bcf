namespace LegalAidReferral.Core.Common;

/// <summary>Why a use case did not succeed. Details never carry personal data.</summary>
public enum FailureKind
{
    Validation,
    NotFound,
    Forbidden,
    InvalidTransition,
    PreconditionFailed,
    Conflict,
    IdempotencyKeyReused,

    /// <summary>The client's consent that the change needs is missing or withdrawn (409 consent-required).</summary>
    ConsentRequired,

    /// <summary>The content is larger than the limit (413).</summary>
    TooLarge,

    /// <summary>The content is not of an accepted type (415).</summary>
    UnsupportedContent,
}

public sealed record Failure(FailureKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Failure NotFound(string what) => new(FailureKind.NotFound, $"The {what} does not exist or is not visible to you.");

    public static Failure Forbidden(string detail) => new(FailureKind.Forbidden, detail);

    public static Failure InvalidTransition(string detail) => new(FailureKind.InvalidTransition, detail);

    public static Failure StaleVersion() =>
        new(FailureKind.PreconditionFailed, "The resource was changed since the version you expected. Read it again and retry.");

    public static Failure Invalid(string field, string message) =>
        new(FailureKind.Validation, "The request has invalid fields.", new Dictionary<string, string[]> { [field] = [message] });
}
