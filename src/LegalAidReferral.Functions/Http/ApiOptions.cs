namespace LegalAidReferral.Functions.Http;

/// <summary>HTTP limits, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>Largest JSON body accepted; larger bodies get 413 before they are read.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;
}
