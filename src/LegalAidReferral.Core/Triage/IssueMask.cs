using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// Sets of legal issues and vulnerabilities as bit masks: the enums have fewer than 32 values, and
/// a mask test neither allocates nor hashes, which keeps an evaluation in the microsecond range.
/// </summary>
internal static class IssueMask
{
    public static uint Of(IReadOnlyList<LegalIssueType>? issues)
    {
        var mask = 0u;
        for (var i = 0; i < (issues?.Count ?? 0); i++)
        {
            mask |= Bit(issues![i]);
        }

        return mask;
    }

    public static uint Of(IReadOnlyList<LegalIssue> issues)
    {
        var mask = 0u;
        for (var i = 0; i < issues.Count; i++)
        {
            mask |= Bit(issues[i].Type);
        }

        return mask;
    }

    public static uint Of(IReadOnlyList<Vulnerability>? vulnerabilities)
    {
        var mask = 0u;
        for (var i = 0; i < (vulnerabilities?.Count ?? 0); i++)
        {
            mask |= 1u << (int)vulnerabilities![i];
        }

        return mask;
    }

    /// <summary>The first vulnerability (in enum order) present in the mask, for a stable explanation.</summary>
    public static Vulnerability FirstVulnerability(uint mask) => (Vulnerability)System.Numerics.BitOperations.TrailingZeroCount(mask);

    private static uint Bit(LegalIssueType issue) => 1u << (int)issue;

}
