namespace LegalAidReferral.Core.Review;

/// <summary>
/// One count of a report and whether it is withheld: a count from 1 to <c>MinCellSize</c> - 1 is
/// withheld from the start (a small cell); <see cref="ComplementarySuppression"/> withholds more.
/// </summary>
public sealed class ReportCount(long value, int minCellSize)
{
    public long Value { get; } = value;

    public bool Withheld { get; private set; } = value > 0 && value < minCellSize;

    /// <summary>The value as published: null when withheld.</summary>
    public long? Shown => Withheld ? null : Value;

    internal void Withhold() => Withheld = true;
}
