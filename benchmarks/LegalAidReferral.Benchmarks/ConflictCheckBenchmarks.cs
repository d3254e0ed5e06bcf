using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Benchmarks;

/// <summary>
/// Conflict check over 100,000 parties of one office (50,000 cases, each a client and an adverse
/// party), with fictional Spanish, Portuguese and French names drawn from a fixed seed.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class ConflictCheckBenchmarks
{
    private PartyIndex _index = null!;
    private PartyProfile[] _queries = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var cases = SyntheticParties.Cases(SyntheticParties.CaseCount);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _index = SyntheticParties.Index(cases);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var parties = _index.Count(SyntheticParties.Office);
        Console.WriteLine($"// Conflict index: {parties} parties, {(after - before) / parties} bytes retained per party");
        _queries = SyntheticParties.Queries(cases, 500);
    }

    /// <summary>One query party (name, aliases, birth date, documents) against the office's parties.</summary>
    [Benchmark]
    public int SearchOneParty()
    {
        var query = _queries[_next++ % _queries.Length];
        return _index.Search(SyntheticParties.Office, query, Guid.Empty).Count;
    }
}

/// <summary>Building the index of 100,000 parties from scratch, as the start-up loader does.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ConflictIndexBuildBenchmarks
{
    private Case[] _cases = null!;

    [GlobalSetup]
    public void Setup() => _cases = SyntheticParties.Cases(SyntheticParties.CaseCount);

    [Benchmark]
    public int BuildIndexOf100000Parties() => SyntheticParties.Index(_cases).Count(SyntheticParties.Office);
}

internal static class SyntheticParties
{
    public const string Office = "gt-idpp-guatemala";
    public const int CaseCount = 50_000;

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

    public static PartyIndex Index(IEnumerable<Case> cases)
    {
        var index = new PartyIndex();
        foreach (var @case in cases)
        {
            index.Upsert(@case);
        }

        index.MarkLoaded();
        return index;
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
