using System.Diagnostics;
using System.Globalization;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Cosmos;
using Microsoft.Azure.Cosmos;

// Measures the Cosmos DB adapters against the emulator on loopback (run by measure.sh): point read
// and write latency, requests per store call, and the conflict search time at 10,000 parties.
// Figures from the emulator say how many requests a call makes and what the adapter adds; request
// units and service latency need a real account: run the built program with its connection string
// (dotnet benchmarks/cosmos/bin/Release/net10.0/LegalAidReferral.CosmosMeasure.dll "<connection string>" 10000);
// it creates a database named measure-<guid> there, which is to be deleted afterwards.
var connectionString = args.Length > 0 ? args[0] : throw new ArgumentException("Usage: <connection string> [parties]");
var parties = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const string Office = "gt-idpp-guatemala";
var counter = new RequestCounter();
using var database = new CosmosDatabase(new CosmosStorageOptions(null, connectionString, $"measure-{Guid.NewGuid():N}", CreateIfMissing: true), [counter]);
await database.InitializeAsync(default);
var vocabulary = new CosmosVocabulary(database);
var cases = new CosmosCaseStore(database, vocabulary);
var search = new CosmosPartySearch(database, vocabulary);
var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
var names = new Names();

// Point writes: a new case each (two parties: the client and one adverse party).
var written = new List<Case>();
var writes = await TimeEachAsync(parties / 2, async i =>
{
    var @case = names.Case(Office, i, start.AddSeconds(i));
    await cases.TryCreateAsync(@case, new CaseNumber(Office, 2026, i + 1), [], default);
    written.Add(@case);
});
Report("case create (point write + vocabulary + audit)", writes, counter.Take() / (double)writes.Count);

var reads = await TimeEachAsync(1000, i => cases.FindAsync(Office, written[i * 7 % written.Count].Id, default));
Report("case read (point read)", reads, counter.Take() / (double)reads.Count);

var replaceRequests = 0;
var replaceUnits = 0.0;
var replaces = await TimeEachAsync(200, async i =>
{
    var @case = await cases.FindAsync(Office, written[i].Id, default);
    counter.Take();
    counter.TakeCharge();
    await cases.TryReplaceAsync(@case!.WithDetails(@case.Details, start.AddDays(1)), @case.Version, [], default);
    replaceRequests += counter.Take();
    replaceUnits += counter.TakeCharge();
});
Report("case replace (read + replace at ETag; requests and units of the replace alone)", replaces, replaceRequests / (double)replaces.Count, replaceUnits);

var lists = await TimeEachAsync(200, _ => cases.ListAsync(Office, new CaseQuery(null, null, null), new PageRequest(25, null), default));
Report("case list, 25 per page (single-partition query)", lists, counter.Take() / (double)lists.Count);

var searches = await TimeEachAsync(100, i => search.SearchAsync(Office, PartyProfile.Of(names.Case(Office, i * 31, start))[0], Guid.Empty, default));
Report($"conflict search at {written.Count * 2:N0} parties", searches, counter.Take() / (double)searches.Count);

static async Task<List<double>> TimeEachAsync(int count, Func<int, Task> call)
{
    var times = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        await call(i);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    return times;
}

void Report(string what, List<double> times, double requestsPerCall, double? units = null)
{
    var unitsPerCall = (units ?? counter.TakeCharge()) / times.Count;
    var sorted = times.Order().ToArray();
    var p50 = sorted[sorted.Length / 2];
    var p99 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.99) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: n={sorted.Length} median {p50:F2} ms, p99 {p99:F2} ms, {requestsPerCall:F2} requests per call, {unitsPerCall:F2} request units per call"));
}

/// <summary>
/// Counts the requests the client sends (query-plan requests included: they are round trips too) and
/// sums the request units their responses are charged (the emulator charges 1 a request; a real account
/// its actual charge).
/// </summary>
internal sealed class RequestCounter : RequestHandler
{
    private int count;
    private double charge;
    private readonly Lock chargeLock = new();

    public int Take() => Interlocked.Exchange(ref count, 0);

    public double TakeCharge()
    {
        lock (chargeLock)
        {
            var taken = charge;
            charge = 0;
            return taken;
        }
    }

    public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        var response = await base.SendAsync(request, cancellationToken);
        lock (chargeLock)
        {
            charge += response.Headers.RequestCharge;
        }

        return response;
    }
}

/// <summary>Fictional names: first names and surnames combined, so the office's vocabulary is realistic and names repeat.</summary>
internal sealed class Names
{
    private static readonly string[] First = ["José", "María", "Ana", "Luis", "Carlos", "Rosa", "Juan", "Marta", "Pedro", "Lucía", "Jorge", "Elena", "Miguel", "Sofía", "Raúl", "Carmen", "Diego", "Paula", "Andrés", "Julia"];
    private static readonly string[] Last = ["Pérez", "García", "López", "Hernández", "Martínez", "Gómez", "Díaz", "Ramírez", "Cruz", "Morales", "Reyes", "Ortiz", "Castillo", "Vásquez", "Flores", "Mendoza", "Silva", "Rojas", "Navarro", "Aguilar", "Santos", "Méndez", "Fuentes", "Cabrera", "Salazar"];

    public Case Case(string officeId, int i, DateTimeOffset at)
    {
        var client = new Client(Name(i), [], null, false, ["HN"], ["es"], null, new Contact(null, null), null, []);
        var details = new CaseDetails(client, null, [], null, [new LegalIssue(LegalIssueType.Asylum, null)], new KeyDates(null, null, []), [new AdverseParty(Name(i * 7 + 3), [])]);
        return LegalAidReferral.Core.Cases.Case.Open(Guid.NewGuid(), officeId, $"GT-2026-{i + 1:D6}", IntakeChannel.Staff, details, "measure", at);
    }

    private static string Name(int i) => $"{First[i % First.Length]} {Last[i / First.Length % Last.Length]} {Last[(i / 7) % Last.Length]}";
}
