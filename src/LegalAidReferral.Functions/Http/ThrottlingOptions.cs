namespace LegalAidReferral.Functions.Http;

/// <summary>
/// Token buckets of <see cref="RequestThrottle"/>, bound from the <c>Throttling</c> configuration
/// section: a bucket holds up to its burst and refills at its rate. The caller defaults sit above
/// what one host serves on two cores (about 8,000 to 15,000 requests a second), so load tests and
/// the test suite never meet them; a deployment sets its own.
/// </summary>
public sealed class ThrottlingOptions
{
    public const string SectionName = "Throttling";

    /// <summary>Refill rate of each caller's bucket (token user id), on routes that need a token.</summary>
    public double PermitsPerSecond { get; set; } = 20_000;

    /// <summary>Size of each caller's bucket.</summary>
    public int Burst { get; set; } = 40_000;

    /// <summary>Refill rate of each client address's bucket: anonymous routes, and calls whose token is refused.</summary>
    public double AnonymousPermitsPerSecond { get; set; } = 200;

    /// <summary>Size of each client address's bucket.</summary>
    public int AnonymousBurst { get; set; } = 400;

    /// <summary>
    /// Buckets each of the two kinds (callers, client addresses) holds per instance at most; a bucket unused long
    /// enough to refill is forgotten. Beyond, a new caller or address gets 429 until one has been unused that long.
    /// </summary>
    public int MaxBuckets { get; set; } = 100_000;

    public bool IsValid => PermitsPerSecond > 0 && Burst > 0 && AnonymousPermitsPerSecond > 0 && AnonymousBurst > 0 && MaxBuckets > 0;
}
