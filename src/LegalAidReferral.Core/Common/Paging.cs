namespace LegalAidReferral.Core.Common;

public sealed record PageRequest(int Limit, string? ContinuationToken)
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
