using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Infrastructure.Tests.Sqlite;
using static LegalAidReferral.Infrastructure.Tests.Conflicts.Parties;

namespace LegalAidReferral.Infrastructure.Tests.Contracts;

public sealed class SqlitePartySearchContract : PartySearchContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.SqliteAsync();
}

public sealed class CosmosPartySearchContract : PartySearchContract
{
    protected override Task<TestStorage> StartAsync() => TestStorage.CosmosAsync();
}

/// <summary>The contract of <see cref="IPartySearch"/> over the index the case store keeps (docs/conflict-check.md).</summary>
public abstract class PartySearchContract : StorageContract
{
    private static readonly Guid NoCase = Guid.Empty;

    private ICaseStore Store => Storage.Cases;

    private IPartySearch Search => Storage.Parties;

    [Fact]
    public async Task An_adverse_party_of_one_case_is_found_from_another_case_of_the_office()
    {
        var earlier = await CreateAsync(Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]));

        var found = Assert.Single(await FindAsync(Office, Person("Jose Perez")));

        Assert.Equal(earlier.Id, found.Candidate.CaseId);
        Assert.Equal(earlier.Reference, found.Candidate.Reference);
        Assert.Equal(PartyRole.AdverseParty, found.Candidate.Role);
        Assert.Equal("José Pérez García", found.MatchedName);
    }

    [Fact]
    public async Task Another_offices_parties_are_never_searched()
    {
        await CreateAsync(Case(OtherOffice, "José Pérez García", documents: [(IdentityDocumentType.Passport, "HN1234567")]));
        var query = Person("José Pérez García", (IdentityDocumentType.Passport, "HN1234567"));

        Assert.Empty(await FindAsync(Office, query));
        Assert.Single(await FindAsync(OtherOffice, query));
    }

    [Fact]
    public async Task The_checked_case_is_left_out()
    {
        var own = await CreateAsync(Case(Office, "José Pérez García"));

        Assert.Empty(await Search.SearchAsync(Office, PartyProfile.Of(own)[0], own.Id, default));
    }

    [Fact]
    public async Task Replacing_a_case_replaces_its_parties()
    {
        var first = await CreateAsync(Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]));

        Assert.True(await Store.TryReplaceAsync(
            first with { Details = first.Details with { AdverseParties = [new AdverseParty("Roberto Sandoval", [])] }, Version = 2 }, 1, [], default));

        Assert.Empty(await FindAsync(Office, Person("José Pérez García")));
        Assert.Single(await FindAsync(Office, Person("Roberto Sandoval")));
    }

    [Fact]
    public async Task A_case_write_refused_for_a_stale_version_leaves_the_index_unchanged()
    {
        var first = await CreateAsync(Case(Office, "Ana Gómez"));

        Assert.False(await Store.TryReplaceAsync(Renamed(first, "Roberto Sandoval") with { Version = 6 }, expectedVersion: 5, [], default));

        Assert.Equal("Ana Gómez", Assert.Single(await FindAsync(Office, Person("Ana Gomez"))).MatchedName);
        Assert.Empty(await FindAsync(Office, Person("Roberto Sandoval")));
    }

    [Fact]
    public async Task A_case_created_twice_keeps_the_parties_of_the_first_write()
    {
        var first = await CreateAsync(Case(Office, "Ana Gómez"));

        Assert.False(await Store.TryCreateAsync(Renamed(first, "Roberto Sandoval"), TestNumber, [], default));

        Assert.Single(await FindAsync(Office, Person("Ana Gomez")));
        Assert.Empty(await FindAsync(Office, Person("Roberto Sandoval")));
    }

    [Fact]
    public async Task A_write_that_leaves_the_parties_as_they_were_keeps_them_findable()
    {
        var first = await CreateAsync(Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]));

        Assert.True(await Store.TryReplaceAsync(first with { Status = CaseStatus.Triaged, Version = 2 }, 1, [], default));

        Assert.Single(await FindAsync(Office, Person("Ana Gomez")));
        Assert.Single(await FindAsync(Office, Person("Jose Perez")));
    }

    [Fact]
    public async Task Results_are_ranked_by_score_with_a_matching_document_first()
    {
        var sameDocument = Case(Office, "Karla Mendoza", documents: [(IdentityDocumentType.Passport, "HN1234567")]);
        var sameName = Case(Office, "Carlos Méndez Ruiz");
        var typo = Case(Office, "Carlos Mandez");
        var sameSurname = Case(Office, "Luisa Méndez");
        foreach (var c in new[] { sameSurname, typo, sameName, sameDocument })
        {
            await CreateAsync(c);
        }

        var ranked = (await FindAsync(Office, Person("Carlos Méndez", (IdentityDocumentType.Passport, "HN 123-4567"))))
            .Select(m => m.Candidate.CaseId)
            .ToArray();

        Assert.Equal(sameDocument.Id, ranked[0]);
        Assert.Equal(sameName.Id, ranked[1]);
        Assert.Equal(typo.Id, ranked[2]);
        Assert.True(ranked.Length == 3 || ranked[3] == sameSurname.Id);
    }

    [Fact]
    public async Task A_typo_in_the_query_finds_words_through_the_deletion_index()
    {
        await CreateAsync(Case(Office, "Luis Castellanos Echeverria"));

        Assert.Single(await FindAsync(Office, Person("Luis Castelanso Echeverira")));
    }

    [Fact]
    public async Task Sound_alike_words_are_found_through_their_phonetic_key()
    {
        await CreateAsync(Case(Office, "Ximena Vásquez"));

        var found = Assert.Single(await FindAsync(Office, Person("Jimena Basques")));

        Assert.All(found.Reasons, r => Assert.Equal(MatchReason.NamePhonetic, r.Code));
    }

    [Fact]
    public async Task A_surname_written_with_its_particle_joined_is_found()
    {
        await CreateAsync(Case(Office, "Ana da Silva"));

        Assert.Single(await FindAsync(Office, Person("Ana Dasilva")));
    }

    [Fact]
    public async Task A_one_word_name_on_either_side_is_found_by_the_one_word_it_shares()
    {
        var oneWord = await CreateAsync(Case(Office, "Xiomara"));
        var twoWords = await CreateAsync(Case(Office, "Yesenia Monterroso"));

        Assert.Equal(oneWord.Id, Assert.Single(await FindAsync(Office, Person("Xiomara Cifuentes"))).Candidate.CaseId);
        Assert.Equal(twoWords.Id, Assert.Single(await FindAsync(Office, Person("Yesenia"))).Candidate.CaseId);
    }

    [Fact]
    public async Task A_party_sharing_one_word_of_names_of_several_words_is_not_listed()
    {
        await CreateAsync(Case(Office, "Ana Pérez López"));

        Assert.Empty(await FindAsync(Office, Person("María Pérez")));
    }

    [Fact]
    public async Task A_party_with_the_same_document_number_is_found_whatever_its_name()
    {
        var stored = await CreateAsync(Case(Office, "Karla Mendoza", documents: [(IdentityDocumentType.Passport, "HN1234567")]));

        var found = Assert.Single(await FindAsync(Office, Person("Roberto Sandoval", (IdentityDocumentType.Passport, "hn-1234567"))));

        Assert.Equal(stored.Id, found.Candidate.CaseId);
        Assert.Contains(found.Reasons, r => r.Code == MatchReason.DocumentNumber);
    }

    [Fact]
    public async Task At_most_the_maximum_number_of_candidates_are_returned_best_first()
    {
        for (var i = 0; i < PartySearch.MaxCandidates + 10; i++)
        {
            await CreateAsync(Case(Office, i % 2 == 0 ? "José Pérez García" : "José Pérez"));
        }

        var found = await FindAsync(Office, Person("José Pérez"));

        Assert.Equal(PartySearch.MaxCandidates, found.Count);
        Assert.Equal(found.Select(m => m.Score).OrderDescending(), found.Select(m => m.Score));
    }

    private async Task<Case> CreateAsync(Case @case)
    {
        Assert.True(await Store.TryCreateAsync(@case, TestNumber, [], default));
        return @case;
    }

    private Task<IReadOnlyList<PartyMatch>> FindAsync(string officeId, PartyProfile query) => Search.SearchAsync(officeId, query, NoCase, default);
}
