using System.Text.Json;
using System.Text.Json.Serialization;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// What an aggregate cell holds: its <see cref="Tally"/> counts, a duration histogram per
/// <see cref="Timing"/> (<see cref="DurationBuckets"/>) and the codes of unsuccessful outcomes.
/// Counts only add up, so one event's counts added to a cell, or cells added together for a query,
/// give the same figures in any order.
/// </summary>
public sealed class CellCounts
{
    /// <summary>The code counted for an unsuccessful outcome that names none.</summary>
    public const string NoReason = "not-stated";

    private static readonly int TallyCount = Enum.GetValues<Tally>().Length;
    private static readonly int TimingCount = Enum.GetValues<Timing>().Length;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly long[] tallies = new long[TallyCount];
    private readonly Dictionary<int, long>[] durations = Enumerable.Range(0, TimingCount).Select(_ => new Dictionary<int, long>()).ToArray();
    private readonly SortedDictionary<string, long> reasons = new(StringComparer.Ordinal);

    public long this[Tally tally] => tallies[(int)tally];

    public IReadOnlyDictionary<int, long> Durations(Timing timing) => durations[(int)timing];

    public IReadOnlyDictionary<string, long> NotSuccessfulReasons => reasons;

    /// <summary>What one protocol event adds to its cell.</summary>
    public static CellCounts Of(ProtocolEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var counts = new CellCounts();
        var within = e.WithinDeadline == true;
        switch (e.Step)
        {
            case ReferralAction.Send:
                counts.Count(Tally.Sent);
                counts.Count(Tally.SentWithOverride, e.ConsentOverridden);
                break;
            case ReferralAction.Acknowledge:
                counts.Count(Tally.Acknowledged);
                counts.Count(Tally.AcknowledgedWithinDeadline, within);
                break;
            case ReferralAction.Accept or ReferralAction.Decline:
                counts.Count(Tally.Decided);
                counts.Count(Tally.DecidedWithinDeadline, within);
                counts.Count(e.Step == ReferralAction.Accept ? Tally.Accepted : Tally.Declined);
                break;
            case ReferralAction.FirstContact:
                counts.Count(Tally.FirstContacts);
                counts.Count(Tally.FirstContactsWithinDeadline, within);
                break;
            case ReferralAction.Outcome:
                counts.Count(Tally.Outcomes);
                counts.Count(Tally.OutcomesWithinDeadline, within);
                counts.Count(Tally.OutcomesSuccessful, e.Successful == true);
                if (e.Successful == false)
                {
                    counts.reasons[e.ReasonCode ?? NoReason] = 1;
                }

                break;
            case ReferralAction.Revoke:
                counts.Count(Tally.Revoked);
                counts.Count(Tally.RevokedOnConsentWithdrawal, e.ReasonCode == ReferralStep.ConsentWithdrawnReason);
                break;
            case ReferralAction.Close:
                counts.Count(Tally.Closed);
                break;
        }

        if (e.Meets is { } met && e.DeadlineStartedAt is { } started)
        {
            // Offices' clocks may differ by a little: a step seemingly before its start took no time.
            var took = e.OccurredAt - started;
            counts.durations[(int)Timings.Of(met)][DurationBuckets.Of(took < TimeSpan.Zero ? TimeSpan.Zero : took)] = 1;
        }

        return counts;
    }

    public void Add(CellCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < TallyCount; i++)
        {
            tallies[i] += other.tallies[i];
        }

        for (var i = 0; i < TimingCount; i++)
        {
            foreach (var (bucket, count) in other.durations[i])
            {
                durations[i][bucket] = durations[i].GetValueOrDefault(bucket) + count;
            }
        }

        foreach (var (code, count) in other.reasons)
        {
            reasons[code] = reasons.GetValueOrDefault(code) + count;
        }
    }

    /// <summary>The stored form: compact JSON (counts in <see cref="Tally"/> order, histograms as bucket/count pairs).</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(
            new Stored(
                tallies,
                durations.Select(d => d.OrderBy(p => p.Key).SelectMany(p => new[] { p.Key, p.Value }).ToArray()).ToArray(),
                reasons.Count == 0 ? null : new Dictionary<string, long>(reasons)),
            Json);

    public static CellCounts FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new JsonException("An aggregate cell is empty.");
        var counts = new CellCounts();
        stored.T.AsSpan(0, Math.Min(stored.T.Length, TallyCount)).CopyTo(counts.tallies);
        for (var i = 0; i < Math.Min(stored.D.Length, TimingCount); i++)
        {
            for (var j = 0; j + 1 < stored.D[i].Length; j += 2)
            {
                counts.durations[i][(int)stored.D[i][j]] = stored.D[i][j + 1];
            }
        }

        foreach (var (code, count) in stored.R ?? [])
        {
            counts.reasons[code] = count;
        }

        return counts;
    }

    private void Count(Tally tally, bool when = true) => tallies[(int)tally] += when ? 1 : 0;

    /// <remarks>One-letter names keep the stored cells small.</remarks>
    private sealed record Stored(long[] T, long[][] D, Dictionary<string, long>? R);
}
