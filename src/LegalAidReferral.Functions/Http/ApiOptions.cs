namespace LegalAidReferral.Functions.Http;

/// <summary>HTTP limits, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest JSON body accepted; larger bodies get 413 before they are read.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Longest time a JSON body may take to arrive; a client that stalls gets 408. Kestrel's own
    /// minimum data rate (240 bytes/s after a 5 s grace period) also ends a stalled body, with the same answer.
    /// </summary>
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
