namespace LegalAidReferral.Core.Common;

public sealed record PageRequest(int Limit, string? ContinuationToken)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>The page a caller asked for (null parts take the defaults), or null with each bad part reported.</summary>
    public static PageRequest? From(int? limit, string? continuationToken, ValidationErrors errors)
    {
        var valid = true;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"The limit must be a whole number from 1 to {MaxLimit}.");
            valid = false;
        }

        if (continuationToken is { Length: 0 or > ContinuationTokens.MaxLength })
        {
            errors.Add("continuationToken", "The continuation token is not valid.");
            valid = false;
        }

        return valid ? new PageRequest(limit ?? DefaultLimit, continuationToken) : null;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
