using System.Globalization;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Functions.Http;

/// <summary>An RFC 9457 problem: what went wrong, never a stack trace and never personal data.</summary>
public sealed record Problem(int Status, string Type, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Problem From(Failure failure) => failure.Kind switch
    {
        FailureKind.Validation => new(400, ProblemTypes.Validation, "The request is not valid.", failure.Detail, failure.Errors),
        FailureKind.NotFound => new(404, ProblemTypes.NotFound, "Not found.", failure.Detail),
        FailureKind.Forbidden => new(403, ProblemTypes.Forbidden, "You are not allowed to do this.", failure.Detail),
        FailureKind.InvalidTransition => new(409, ProblemTypes.InvalidTransition, "This change is not allowed in the current state.", failure.Detail),
        // Core speaks of versions; the client knows them as ETags.
        FailureKind.PreconditionFailed => new(
            412, ProblemTypes.PreconditionFailed, "The resource has changed.", "The resource was changed since you read it. Read it again and retry with the new ETag."),
        FailureKind.IdempotencyKeyReused => new(409, ProblemTypes.IdempotencyKeyReused, "The Idempotency-Key was already used.", failure.Detail),
        FailureKind.ConsentRequired => new(409, ProblemTypes.ConsentRequired, "The client's consent is required.", failure.Detail, failure.Errors),
        FailureKind.TooLarge => new(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", failure.Detail),
        FailureKind.UnsupportedContent => new(415, ProblemTypes.UnsupportedMediaType, "The content type is not supported.", failure.Detail),
        _ => new(409, ProblemTypes.Conflict, "The request conflicts with the current state.", failure.Detail),
    };

    public static Problem Invalid(string field, string message) =>
        new(400, ProblemTypes.Validation, "The request is not valid.", "The request has invalid fields.", new Dictionary<string, string[]> { [field] = [message] });

    public static Problem Unauthorized(string detail) => new(401, ProblemTypes.Unauthorized, "Authentication is required.", detail);

    public static Problem Forbidden(string detail) => new(403, ProblemTypes.Forbidden, "You are not allowed to do this.", detail);

    public static Problem NotFound(string what) => From(Failure.NotFound(what));

    public static Problem RequestTimeout(TimeSpan limit) =>
        new(408, ProblemTypes.RequestTimeout, "The request body did not arrive in time.", string.Create(CultureInfo.InvariantCulture, $"Send the whole body without pauses, within {limit.TotalSeconds:0.#} seconds."));

    public static Problem MalformedETag() =>
        new(400, ProblemTypes.Validation, "The request is not valid.", "The If-Match header is not a valid ETag.",
            new Dictionary<string, string[]> { ["If-Match"] = ["Send the ETag exactly as it was read, quotes included, e.g. \"3\"."] });

    /// <summary>No route answers at the requested address.</summary>
    public static Problem NoRoute() =>
        new(404, ProblemTypes.NotFound, "Not found.", "Nothing answers at this address. The API reference lists the routes.");

    /// <param name="allow">The methods the route accepts, as in the <c>Allow</c> header.</param>
    public static Problem MethodNotAllowed(string allow) =>
        new(405, ProblemTypes.MethodNotAllowed, "The method is not allowed.", $"This address accepts {allow}.");

    public static Problem PayloadTooLarge(long maxBytes) =>
        new(413, ProblemTypes.PayloadTooLarge, "The request body is too large.", $"The body must not exceed {maxBytes} bytes.");

    public static Problem UnsupportedMediaType(string expected) =>
        new(415, ProblemTypes.UnsupportedMediaType, "The content type is not supported.", $"Send the body as {expected}.");

    public static Problem PreconditionRequired() =>
        new(428, ProblemTypes.PreconditionRequired, "An If-Match header is required.", "Read the resource, then send its ETag in If-Match to update it.");

    public static Problem TooManyRequests(long retryAfterSeconds) =>
        new(429, ProblemTypes.TooManyRequests, "Too many requests.", $"Slow down: try again in {retryAfterSeconds} seconds.");

    public static Problem Internal() =>
        new(500, ProblemTypes.Internal, "An unexpected error occurred.", "The error was logged. Quote the traceId when you report it.");
}
