using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// The adherence review's read model on SQLite with a synthetic stream of 1,000,000 protocol events
/// (about 170,000 referrals over twelve months; <c>REVIEW_BENCH_EVENTS</c> sets another count, e.g.
/// for a quick sanity run). The setup records them as the handler does, 512 at a time like the
/// writer's group commit, and prints the ingestion rate, the cells, and the read model's size.
/// Each benchmark is one adherence query (cells and overdue referrals read, added up, suppressed).
/// </summary>
[MemoryDiagnoser]
public class ReviewQueryBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqliteReviewStore _store = null!;
    private readonly ReviewReleases _releases = new();

    /// <summary>Filter combinations, from none to every dimension and a category.</summary>
    [Params("none", "office", "corridor", "country-kind-priority", "office-gender", "corridor-kind-priority-group", "one-month-office-kind")]
    public string Filter { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        (_folder, _database, _store) = ReviewStream.Open();
        var events = ReviewStream.Generate(ReviewStream.EventCount, seed: 1);
        var took = ReviewStream.Record(_store, events);
        var cells = _store.CellsAsync(new ReviewQuery("2025-01", "2026-12"), default).GetAwaiter().GetResult();
        Console.WriteLine($"// Ingestion: {events.Count} events in {took.TotalSeconds:F1} s = {events.Count / took.TotalSeconds:F0} events/s");
        Console.WriteLine($"// Read model: {cells.Count} cells, {cells.Sum(c => c.Counts.ToJson().Length)} bytes of cell counts; database {new FileInfo(_database.FilePath).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>As <see cref="GetAdherence"/> reads: every cell of the months and every overdue referral, the month releases from the cache (built in the warm-up).</summary>
    [Benchmark]
    public AdherenceReport Adherence()
    {
        var request = Request(Filter);
        var months = new ReviewQuery(request.Query.FromPeriod, request.Query.ToPeriod);
        var cells = _store.CellsAsync(months, default).GetAwaiter().GetResult();
        var overdue = _store.OverdueAsync(months, Now, default).GetAwaiter().GetResult();
        return AdherenceReport.Build(cells, overdue, request, ReviewSettings.Default, Now, _releases);
    }

    private static AdherenceRequest Request(string filter) => filter switch
    {
        "office" => new(new ReviewQuery("2025-12", "2026-11", OfficeId: "mx-ifdp-tapachula")),
        "corridor" => new(new ReviewQuery("2025-12", "2026-11", FromCountry: "GT", ToCountry: "MX")),
        "country-kind-priority" => new(new ReviewQuery("2025-12", "2026-11", Country: "HN", Kind: ReferralKind.Representation, Priority: Priority.High)),
        "office-gender" => new(new ReviewQuery("2025-12", "2026-11", OfficeId: "gt-idpp-guatemala"), GenderCategory.Female),
        "corridor-kind-priority-group" => new(
            new ReviewQuery("2025-12", "2026-11", FromCountry: "GT", ToCountry: "MX", Kind: ReferralKind.Representation, Priority: Priority.Normal), Group: Vulnerability.Detained),
        "one-month-office-kind" => new(new ReviewQuery("2026-06", "2026-06", OfficeId: "hn-dndp-san-pedro-sula", Kind: ReferralKind.Documents)),
        _ => new(new ReviewQuery("2025-12", "2026-11")),
    };
}

/// <summary>
/// Ingestion into a read model that already holds the stream of <see cref="ReviewStream.EventCount"/> events:
/// each invocation records 20,000 new events (another seed, so new ids), 512 at a time (BenchmarkDotNet
/// runs one invocation per iteration, since the next events are made in the iteration's setup).
/// </summary>
[MemoryDiagnoser]
public class ReviewIngestionBenchmarks
{
    private const int Batch = 20_000;

    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqliteReviewStore _store = null!;
    private IReadOnlyList<ProtocolEvent> _next = [];
    private int _seed = 100;

    [GlobalSetup]
    public void Setup()
    {
        (_folder, _database, _store) = ReviewStream.Open();
        ReviewStream.Record(_store, ReviewStream.Generate(ReviewStream.EventCount, seed: 1));
    }

    [IterationSetup]
    public void NextEvents() => _next = ReviewStream.Generate(Batch, seed: _seed++);

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public TimeSpan Record() => ReviewStream.Record(_store, _next);
}

internal static class ReviewStream
{
    public static readonly int EventCount =
        int.TryParse(Environment.GetEnvironmentVariable("REVIEW_BENCH_EVENTS"), out var count) && count > 0 ? count : 1_000_000;

    private static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static (string Folder, SqliteDatabase Database, SqliteReviewStore Store) Open()
    {
        var folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(new SqliteStorageOptions(folder));
        database.InitializeAsync(default).GetAwaiter().GetResult();
        return (folder, database, new SqliteReviewStore(database));
    }

    /// <summary>About <paramref name="events"/> events: referrals average a little under six.</summary>
    public static IReadOnlyList<ProtocolEvent> Generate(int events, int seed) =>
        new SyntheticProtocolEvents(seed).Generate(Math.Max(1, events * 10 / 58), Start, TimeSpan.FromDays(360), Start.AddDays(365));

    public static TimeSpan Record(SqliteReviewStore store, IReadOnlyList<ProtocolEvent> events)
    {
        var took = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(512))
        {
            Task.WhenAll(chunk.Select(e => store.RecordAsync(ReviewEntry.Of(e, TimeZoneInfo.Utc), default))).GetAwaiter().GetResult();
        }

        return took.Elapsed;
    }
}
