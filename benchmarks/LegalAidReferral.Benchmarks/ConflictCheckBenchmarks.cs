using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// Conflict check over 100,000 parties of one office (50,000 cases, each a client and an adverse
/// party), with fictional Spanish, Portuguese and French names drawn from a fixed seed, indexed in a
/// SQLite database on disk through the case store, as the host writes them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ConflictCheckBenchmarks
{
    private string _folder = null!;
    private SqliteDatabase _database = null!;
    private SqlitePartySearch _search = null!;
    private PartyProfile[] _queries = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        var cases = SyntheticParties.Cases(SyntheticParties.CaseCount);
        _database = Open(_folder);

        var built = Stopwatch.StartNew();
        var store = new SqliteCaseStore(_database);
        foreach (var @case in cases)
        {
            store.TryCreateAsync(@case, SyntheticParties.Number, [], default).GetAwaiter().GetResult();
        }

        built.Stop();
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        var parties = (long)Execute("SELECT COUNT(*) FROM parties;")!;
        var bytes = new FileInfo(_database.FilePath).Length;
        Console.WriteLine($"// Party index: {parties} parties written with their {cases.Length} cases in {built.Elapsed.TotalSeconds:F1} s");
        var withoutIndex = SizeWithoutIndex(_database.FilePath);
        Console.WriteLine($"// Database: {bytes} bytes; {withoutIndex} bytes without the party index tables (after VACUUM)");
        Console.WriteLine($"// Party index: {(bytes - withoutIndex) / parties} bytes per party on disk");

        _queries = SyntheticParties.Queries(cases, 500);
        _search = new SqlitePartySearch(_database);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One query party (name, aliases, birth date, documents) against the office's parties.</summary>
    [Benchmark]
    public int SearchOneParty()
    {
        var query = _queries[_next++ % _queries.Length];
        return _search.SearchAsync(SyntheticParties.Office, query, Guid.Empty, default).GetAwaiter().GetResult().Count;
    }

    private static SqliteDatabase Open(string folder)
    {
        var database = new SqliteDatabase(new SqliteStorageOptions(folder));
        database.InitializeAsync(default).GetAwaiter().GetResult();
        return database;
    }

    /// <summary>The size of a copy of the database with the party index dropped; dbstat is not compiled into the bundled SQLite.</summary>
    private static long SizeWithoutIndex(string path)
    {
        var copy = path + ".without-index";
        File.Copy(path, copy);
        using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE party_words; DROP TABLE party_documents; DROP TABLE parties; DROP TABLE word_deletions; DROP TABLE words; VACUUM;";
            command.ExecuteNonQuery();
        }

        var size = new FileInfo(copy).Length;
        File.Delete(copy);
        return size;
    }

    private object? Execute(string sql) =>
        _database.Read(
            read => read.Command(sql).ExecuteScalar(),
            default);
}

/// <summary>
/// The one-time indexing of a database written before the party index existed: 50,000 stored cases
/// (100,000 parties) read and indexed when the database is opened.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ConflictIndexBackfillBenchmarks
{
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(new SqliteStorageOptions(_folder));
        database.InitializeAsync(default).GetAwaiter().GetResult();
        var store = new SqliteCaseStore(database);
        foreach (var @case in SyntheticParties.Cases(SyntheticParties.CaseCount))
        {
            store.TryCreateAsync(@case, SyntheticParties.Number, [], default).GetAwaiter().GetResult();
        }

        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void ForgetTheIndex()
    {
        var database = new SqliteDatabase(new SqliteStorageOptions(_folder));
        database.InitializeAsync(default).GetAwaiter().GetResult();
        database.Read(read => read.Command("PRAGMA user_version = 0;").ExecuteNonQuery(), default);
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public void OpenAndIndex50000Cases()
    {
        var database = new SqliteDatabase(new SqliteStorageOptions(_folder));
        database.InitializeAsync(default).GetAwaiter().GetResult();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

internal static class SyntheticParties
{
    public const string Office = "gt-idpp-guatemala";
    public const int CaseCount = 50_000;

    /// <summary>The reference number the synthetic cases claim; numbering is not what is measured.</summary>
    public static readonly CaseNumber Number = new(Office, 2026, 1);

    private static readonly string[] GivenNames =
    [
        "José", "María", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Rosa", "Jorge", "Marta", "Miguel", "Lucía", "Pedro", "Elena",
        "Francisco", "Isabel", "Antonio", "Sofía", "Manuel", "Patricia", "Rafael", "Gabriela", "Alejandro", "Verónica", "Fernando",
        "Daniela", "Ricardo", "Mariana", "Eduardo", "Andrea", "João", "Maria da Graça", "Antônio", "Francisca", "Raimundo", "Conceição",
        "Sebastião", "Luzia", "Thiago", "Gonçalo", "Jean", "Marie", "Pierre", "Françoise", "Jacques", "Hélène", "Guillaume", "Josué",
        "Wilmer", "Yesenia", "Xiomara", "Kevin", "Brayan", "Dayana", "Héctor", "Inés", "Joaquín", "Ximena", "Guillermo", "Raquel",
    ];

    private static readonly string[] Surnames =
    [
        "Pérez", "García", "López", "Hernández", "González", "Rodríguez", "Martínez", "Sánchez", "Ramírez", "Flores", "Gómez",
        "Díaz", "Morales", "Vásquez", "Jiménez", "Reyes", "Cruz", "Ortiz", "Castillo", "Mendoza", "Aguilar", "Chávez", "Ramos",
        "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Rojas", "Salazar", "Quintanilla", "Echeverría", "Villanueva",
        "Barrios", "Cifuentes", "Monterroso", "Alvarado", "Orellana", "Escobar", "Zelaya", "da Silva", "dos Santos", "Oliveira",
        "Souza", "Pereira", "Carvalho", "Gonçalves", "Ferreira", "Almeida", "Ribeiro", "de la Cruz", "del Valle", "de León",
        "Dubois", "Lefèvre", "Rousseau", "Moreau", "Fontaine", "Jean-Baptiste", "Pierre-Louis", "Augustin", "Joseph", "Charles",
    ];

    public static Case[] Cases(int count)
    {
        var random = new Random(20260301);
        var cases = new Case[count];
        for (var i = 0; i < count; i++)
        {
            var client = new Client(
                Name(random),
                random.Next(5) == 0 ? [Name(random)] : [],
                random.Next(4) == 0 ? null : new DateOnly(1950 + random.Next(55), 1 + random.Next(12), 1 + random.Next(28)),
                random.Next(10) == 0,
                ["HN"],
                ["es"],
                null,
                new Contact(null, null),
                null,
                random.Next(3) == 0 ? [] : [new IdentityDocument(IdentityDocumentType.Passport, $"HN{random.Next(10_000_000):D7}", "HN")]);
            var details = new CaseDetails(
                client, null, [], null, [new LegalIssue(LegalIssueType.Asylum, null)], new KeyDates(null, null, []), [new AdverseParty(Name(random), [])]);
            var id = new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
            cases[i] = Case.Open(id, Office, $"GT-2026-{i:D6}", IntakeChannel.Staff, details, "bench", DateTimeOffset.UnixEpoch);
        }

        return cases;
    }

    /// <summary>Recorded parties as staff would type them again: accents dropped, words reordered or left out, a typo.</summary>
    public static PartyProfile[] Queries(Case[] cases, int count)
    {
        var random = new Random(7);
        var queries = new PartyProfile[count];
        for (var i = 0; i < count; i++)
        {
            var recorded = PartyProfile.Of(cases[random.Next(cases.Length)])[random.Next(2)];
            var words = NameText.Fold(recorded.Name).Split(' ');
            var kept = words.Length > 2 && random.Next(2) == 0 ? words[..^1] : words;
            if (random.Next(2) == 0)
            {
                kept = [.. kept.Reverse()];
            }

            var typo = random.Next(kept.Length);
            if (kept[typo].Length > 4)
            {
                var at = 1 + random.Next(kept[typo].Length - 2);
                kept[typo] = string.Concat(kept[typo].AsSpan(0, at), kept[typo].AsSpan(at + 1, 1), kept[typo].AsSpan(at, 1), kept[typo].AsSpan(at + 2));
            }

            queries[i] = recorded with { CaseId = Guid.NewGuid(), Name = string.Join(' ', kept), Names = [new PartyName(string.Join(' ', kept), false, NameText.Tokenize(string.Join(' ', kept)))] };
        }

        return queries;
    }

    private static string Name(Random random)
    {
        var given = random.Next(3) == 0
            ? $"{GivenNames[random.Next(GivenNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}"
            : GivenNames[random.Next(GivenNames.Length)];
        return $"{given} {Surnames[random.Next(Surnames.Length)]} {Surnames[random.Next(Surnames.Length)]}";
    }
}
