using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Infrastructure.Tests.Conflicts.Parties;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

/// <summary>The same cases in both adapters give the same conflict search results, candidate for candidate.</summary>
public sealed class PartySearchParityTests : IAsyncLifetime
{
    private static readonly string[] Names =
    [
        "José Pérez García", "Jose Peres", "María José Pérez", "Josefina Garcia Lopez", "Pérez", "Joao da Silva", "João Silva Santos",
        "Jean-Baptiste Dupont", "Jean Dupond", "Ana Gómez", "Anna Gomes", "Luis Hernández", "Luiz Fernandes", "Carlos", "Karlos Mendez",
    ];

    private static readonly string[] Queries = ["Jose Perez", "Joao Silva", "Jean Dupont", "Ana Gomez", "Carlos Mendes", "Perez", "Luis Fernandez"];

    private TestStorage sqlite = null!;
    private TestStorage cosmos = null!;

    public async Task InitializeAsync()
    {
        sqlite = await TestStorage.SqliteAsync();
        cosmos = await TestStorage.CosmosAsync();
        var cases = Names.Select((name, i) => Case(Office, Names[(i + 3) % Names.Length], adverseParties: [name], documents: i % 4 == 0 ? [(IdentityDocumentType.Passport, $"P{i % 8}")] : null))
            .Append(Case(OtherOffice, "José Pérez García"))
            .ToArray();
        foreach (var @case in cases)
        {
            Assert.True(await sqlite.Cases.TryCreateAsync(@case, new CaseNumber(@case.OfficeId, 2026, 1), [], default));
            Assert.True(await cosmos.Cases.TryCreateAsync(@case, new CaseNumber(@case.OfficeId, 2026, 1), [], default));
        }
    }

    public async Task DisposeAsync()
    {
        await sqlite.DisposeAsync();
        await cosmos.DisposeAsync();
    }

    [Fact]
    public async Task Both_adapters_find_the_same_candidates_with_the_same_scores_and_reasons()
    {
        var found = 0;
        foreach (var query in Queries.Select(q => Person(q)).Append(Person("Nadie", (IdentityDocumentType.Passport, "P0"))))
        {
            var fromSqlite = Describe(await sqlite.Parties.SearchAsync(Office, query, Guid.Empty, default));
            var fromCosmos = Describe(await cosmos.Parties.SearchAsync(Office, query, Guid.Empty, default));

            Assert.Equal(fromSqlite, fromCosmos);
            found += fromSqlite.Length;
        }

        Assert.True(found > Queries.Length, $"{found} candidates: the data should give each query some.");
    }

    private static string[] Describe(IReadOnlyList<PartyMatch> matches) =>
        matches.Select(m => $"{m.Candidate.CaseId}/{m.Candidate.Role}/{m.Candidate.Position} {m.MatchedName} {m.Score:F4} {string.Join(',', m.Reasons)}").ToArray();
}
