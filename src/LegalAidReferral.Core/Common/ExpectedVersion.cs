namespace LegalAidReferral.Core.Common;

/// <summary>
/// The versions a write may replace (optimistic concurrency), as the caller stated them. A command
/// without one has no precondition: a lost race is retried on fresh data. With one, the current
/// version must be one of those stated, or, for <see cref="AnyCurrent"/>, merely exist.
/// </summary>
public sealed class ExpectedVersion
{
    private readonly IReadOnlySet<long>? versions;

    private ExpectedVersion(IReadOnlySet<long>? versions) => this.versions = versions;

    /// <summary>Whatever version is current: fails only when there is none yet.</summary>
    public static ExpectedVersion AnyCurrent { get; } = new(null);

    /// <summary>One of these versions; none at all never matches.</summary>
    public static ExpectedVersion OneOf(params IEnumerable<long> versions) => new(versions.ToHashSet());

    public bool Matches(long? current) => current is { } version && (versions is null || versions.Contains(version));
}
