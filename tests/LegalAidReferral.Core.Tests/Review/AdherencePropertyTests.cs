using FsCheck.Xunit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;

namespace LegalAidReferral.Core.Tests.Review;

public class AdherencePropertyTests
{
    /// <summary>Zones from UTC-11 to UTC+14, with and without daylight saving time, so month boundaries fall on different instants.</summary>
    private static readonly string[] Zones =
        ["UTC", "America/Guatemala", "America/Mexico_City", "America/Sao_Paulo", "America/Santiago", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Madrid"];

    /// <summary>Unsuppressed (a threshold of 1): suppression, which depends on the whole report, has its own property test.</summary>
    [Property(MaxTest = 60, Replay = "(20261202,1)")]
    public void Indicators_of_the_read_model_equal_a_computation_over_the_raw_events(int seed)
    {
        var (expected, actual) = Check(seed);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_late_event_lands_in_its_own_month_and_a_duplicate_changes_nothing()
    {
        var settings = ReviewSettings.Default with { MinCellSize = 1 };
        var events = new SyntheticProtocolEvents(7).Generate(30, At("2026-03-20T00:00Z"), TimeSpan.FromDays(40), At("2026-06-01T00:00Z"));
        var march = events.Where(e => e.OccurredAt.Month == 3).ToArray();
        var arrived = events.Except(march).Concat(march).Concat(march.Take(5)).ToArray();
        var request = new AdherenceRequest(new ReviewQuery("2026-03", "2026-05"));

        var (expected, actual) = Compare(arrived, events, request, settings, At("2026-06-01T00:00Z"));

        Assert.Equal(expected, actual);
        Assert.Contains(march, e => e.Step == ReferralAction.Send);
    }

    /// <summary>A month boundary in the chosen zone is where cells split: one minute either side goes to different months.</summary>
    [Theory]
    [InlineData("America/Guatemala", "2026-04-01T05:59Z", "2026-03")]
    [InlineData("America/Guatemala", "2026-04-01T06:00Z", "2026-04")]
    [InlineData("Pacific/Kiritimati", "2026-03-31T09:59Z", "2026-03")]
    [InlineData("Pacific/Kiritimati", "2026-03-31T10:00Z", "2026-04")]
    [InlineData("UTC", "2026-03-31T23:59Z", "2026-03")]
    public void Months_follow_the_review_time_zone(string zone, string at, string month)
    {
        Assert.Equal(month, ReviewPeriods.MonthOf(At(at), TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    private static (string Expected, string Actual) Check(int seed)
    {
        var random = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[random.Next(Zones.Length)]);
        var settings = new ReviewSettings(1, zone);

        // Streams start a few hours either side of a month's first instant in UTC, so some events fall in different months in different zones.
        var start = At("2026-01-01T00:00Z").AddMonths(random.Next(0, 12)).AddHours(random.Next(-30, 30));
        var span = TimeSpan.FromDays(random.Next(1, 80));
        var now = start + span + TimeSpan.FromDays(random.Next(0, 60));
        var events = new SyntheticProtocolEvents(seed).Generate(random.Next(1, 60), start, span, now);

        // Late and repeated deliveries: any order, a fifth of the events twice.
        var arrived = events.Concat(events.Where(_ => random.NextDouble() < 0.2)).OrderBy(_ => random.Next()).ToArray();
        var months = events.Select(e => ReviewPeriods.MonthOf(e.OccurredAt, zone)).Append(ReviewPeriods.MonthOf(now, zone)).Order(StringComparer.Ordinal).ToArray();
        var from = months[random.Next(months.Length)];
        var to = months.Where(m => string.CompareOrdinal(m, from) >= 0).ElementAt(random.Next(months.Count(m => string.CompareOrdinal(m, from) >= 0)));
        return Compare(arrived, events, new AdherenceRequest(RandomQuery(random, events, from, to), RandomGender(random), RandomGroup(random)), settings, now);
    }

    private static (string Expected, string Actual) Compare(
        IReadOnlyList<ProtocolEvent> arrived, IReadOnlyList<ProtocolEvent> events, AdherenceRequest request, ReviewSettings settings, DateTimeOffset now)
    {
        var store = new InMemoryReviewStore();
        foreach (var e in arrived)
        {
            store.RecordAsync(ReviewEntry.Of(e, settings.TimeZone), default).GetAwaiter().GetResult();
        }

        var report = AdherenceReport.Build(
            store.CellsAsync(request.Query, default).Result, store.OverdueAsync(request.Query, now, default).Result, request, settings, now);
        return (ReferenceIndicators.Csv(events, request, settings, now), AdherenceCsv.Write(report));
    }

    private static ReviewQuery RandomQuery(Random random, IReadOnlyList<ProtocolEvent> events, string from, string to)
    {
        var any = events.Count > 0 ? events[random.Next(events.Count)] : null;
        return (random.Next(6), any) switch
        {
            (_, null) or (0, _) => new ReviewQuery(from, to),
            (1, var e) => new ReviewQuery(from, to, Country: random.Next(2) == 0 ? e.FromCountry : e.ToCountry),
            (2, var e) => new ReviewQuery(from, to, OfficeId: random.Next(2) == 0 ? e.FromOfficeId : e.ToOfficeId),
            (3, var e) => new ReviewQuery(from, to, FromCountry: e.FromCountry, ToCountry: e.ToCountry),
            (4, var e) => new ReviewQuery(from, to, Kind: e.Kind),
            (_, var e) => new ReviewQuery(from, to, Priority: e.Priority, Kind: random.Next(2) == 0 ? e.Kind : null),
        };
    }

    private static GenderCategory? RandomGender(Random random) =>
        random.Next(4) == 0 ? Enum.GetValues<GenderCategory>()[random.Next(Enum.GetValues<GenderCategory>().Length)] : null;

    private static Vulnerability? RandomGroup(Random random) =>
        random.Next(4) == 0 ? ReviewGroups.Named[random.Next(ReviewGroups.Named.Count)] : null;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
