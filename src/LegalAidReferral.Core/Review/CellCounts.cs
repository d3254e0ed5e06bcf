using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LegalAidReferral.Core.Common;
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

    private const byte BinaryFormat = 1;

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
                if (e.Step == ReferralAction.Decline && Kebab<DeclineReason>.TryParse(e.ReasonCode, out var code))
                {
                    counts.Count(DeclinedBy(code));
                }

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

    /// <summary>The tally of declines with <paramref name="code"/>.</summary>
    public static Tally DeclinedBy(DeclineReason code) => code switch
    {
        DeclineReason.NoCapacity => Tally.DeclinedNoCapacity,
        DeclineReason.OutsideMandate => Tally.DeclinedOutsideMandate,
        DeclineReason.ConflictOfInterest => Tally.DeclinedConflictOfInterest,
        DeclineReason.ClientUnreachable => Tally.DeclinedClientUnreachable,
        DeclineReason.Other => Tally.DeclinedOther,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a decline reason."),
    };

    /// <summary>Declines whose event named no known code (recorded before codes existed): the declines no code tally counts.</summary>
    public long DeclinedUnspecified => this[Tally.Declined] - Enum.GetValues<DeclineReason>().Sum(code => this[DeclinedBy(code)]);

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

    /// <summary>The stored form in JSON (Cosmos DB): compact JSON (counts in <see cref="Tally"/> order, histograms as bucket/count pairs).</summary>
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

    /// <summary>
    /// The compact stored form (SQLite): a format byte, then unsigned LEB128 numbers: the tally count and
    /// the tallies, per timing the pair count and (bucket delta, count) pairs, the reason count and
    /// (UTF-8 length, bytes, count) per reason. Several times smaller and faster to read than the JSON.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new List<byte>(64) { BinaryFormat };
        Write(bytes, (ulong)TallyCount);
        foreach (var tally in tallies)
        {
            Write(bytes, (ulong)tally);
        }

        foreach (var histogram in durations)
        {
            Write(bytes, (ulong)histogram.Count);
            var previous = 0;
            foreach (var (bucket, count) in histogram.OrderBy(p => p.Key))
            {
                Write(bytes, (ulong)(bucket - previous));
                Write(bytes, (ulong)count);
                previous = bucket;
            }
        }

        Write(bytes, (ulong)reasons.Count);
        foreach (var (code, count) in reasons)
        {
            var utf8 = Encoding.UTF8.GetBytes(code);
            Write(bytes, (ulong)utf8.Length);
            bytes.AddRange(utf8);
            Write(bytes, (ulong)count);
        }

        return [.. bytes];
    }

    public static CellCounts FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes[0] != BinaryFormat)
        {
            throw new InvalidDataException("An aggregate cell is not in a known format.");
        }

        var at = 1;
        var counts = new CellCounts();
        var stored = (int)Read(bytes, ref at);
        for (var i = 0; i < stored; i++)
        {
            var value = (long)Read(bytes, ref at);
            if (i < TallyCount)
            {
                counts.tallies[i] = value;
            }
        }

        foreach (var histogram in counts.durations)
        {
            var pairs = (int)Read(bytes, ref at);
            var bucket = 0;
            for (var i = 0; i < pairs; i++)
            {
                bucket += (int)Read(bytes, ref at);
                histogram[bucket] = (long)Read(bytes, ref at);
            }
        }

        var reasonCount = (int)Read(bytes, ref at);
        for (var i = 0; i < reasonCount; i++)
        {
            var length = (int)Read(bytes, ref at);
            var code = Encoding.UTF8.GetString(bytes.Slice(at, length));
            at += length;
            counts.reasons[code] = (long)Read(bytes, ref at);
        }

        return counts;
    }

    private static void Write(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static ulong Read(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private void Count(Tally tally, bool when = true) => tallies[(int)tally] += when ? 1 : 0;

    /// <remarks>One-letter names keep the stored cells small.</remarks>
    private sealed record Stored(long[] T, long[][] D, Dictionary<string, long>? R);
}
