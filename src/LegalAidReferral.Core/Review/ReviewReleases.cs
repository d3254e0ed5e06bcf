using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The month releases, kept per month and threshold with a fingerprint of what each was built from:
/// the month's cells (their ids and stored counts), or the keys of the referrals overdue now that
/// fell due in it. A release is built again exactly when recording has changed that month's cells,
/// or when the month's overdue referrals have changed (time passing, a deadline met), whichever
/// store and process recorded it; the other months' releases are read as they are.
/// </summary>
public sealed class ReviewReleases
{
    private readonly ConcurrentDictionary<(bool Overdue, string Month, int MinCellSize), (string Fingerprint, ReviewRelease Release)> cache = new();

    /// <summary>The release of <paramref name="month"/>'s cells (all of them, whatever a request filters).</summary>
    public ReviewRelease OfCells(string month, IReadOnlyList<AdherenceCell> cells, int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(cells);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var cell in cells.OrderBy(c => c.Key.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(cell.Key.Id + "\n"));
            hash.AppendData(cell.Counts.ToBytes());
        }

        return Get((false, month, minCellSize), Convert.ToHexString(hash.GetHashAndReset()), () => ReviewRelease.OfCells(cells, minCellSize));
    }

    /// <summary>The release of the referrals overdue now whose open deadline fell due in <paramref name="month"/>.</summary>
    public ReviewRelease OfOverdue(string month, IReadOnlyList<ReviewReferral> referrals, int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var keys = referrals.Select(r => string.Join('|', r.FromOfficeId, r.ToOfficeId, r.FromCountry, r.ToCountry, r.Kind, r.Priority, r.Gender, r.Groups))
            .Order(StringComparer.Ordinal);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys))));
        return Get((true, month, minCellSize), fingerprint, () => ReviewRelease.OfOverdue(referrals, minCellSize));
    }

    private ReviewRelease Get((bool, string, int) key, string fingerprint, Func<ReviewRelease> build)
    {
        if (cache.TryGetValue(key, out var cached) && cached.Fingerprint == fingerprint)
        {
            return cached.Release;
        }

        var release = build();
        cache[key] = (fingerprint, release);
        return release;
    }
}
