namespace LegalAidReferral.Functions.Http;

/// <summary>The stable <c>type</c> URIs of RFC 9457 problem responses, one per kind of error.</summary>
public static class ProblemTypes
{
    public const string Base = "https://legalaidreferral.example/problems/";
    public const string Validation = Base + "validation";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string InvalidTransition = Base + "invalid-transition";
    public const string Conflict = Base + "conflict";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string ConsentRequired = Base + "consent-required";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string RequestTimeout = Base + "request-timeout";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string PreconditionRequired = Base + "precondition-required";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string Internal = Base + "internal";
}
