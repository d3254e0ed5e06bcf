namespace LegalAidReferral.Core.Common;

/// <summary>
/// A continuation token that no store issued (tampered, truncated or from another listing). Stores throw
/// it so the API can answer 400 instead of silently restarting or ending the listing.
/// </summary>
public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
        : base("The continuation token is not valid.")
    {
    }
}
