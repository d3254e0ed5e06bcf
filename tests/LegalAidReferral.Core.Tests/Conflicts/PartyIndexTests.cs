using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Core.Tests.Conflicts.Parties;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PartyIndexTests
{
    private static readonly Guid NoCase = Guid.Empty;

    [Fact]
    public void An_adverse_party_of_one_case_is_found_from_another_case_of_the_office()
    {
        var index = new PartyIndex();
        var earlier = Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]);
        index.Upsert(earlier);

        var found = Assert.Single(index.Search(Office, Person("Jose Perez"), NoCase));

        Assert.Equal(earlier.Id, found.Candidate.CaseId);
        Assert.Equal(PartyRole.AdverseParty, found.Candidate.Role);
        Assert.Equal("José Pérez García", found.MatchedName);
    }

    [Fact]
    public void Another_offices_parties_are_never_searched()
    {
        var index = new PartyIndex();
        index.Upsert(Case(OtherOffice, "José Pérez García", documents: [(IdentityDocumentType.Passport, "HN1234567")]));

        var query = Person("José Pérez García", documents: [(IdentityDocumentType.Passport, "HN1234567")]);

        Assert.Empty(index.Search(Office, query, NoCase));
        Assert.Single(index.Search(OtherOffice, query, NoCase));
    }

    [Fact]
    public void The_checked_case_is_left_out()
    {
        var index = new PartyIndex();
        var own = Case(Office, "José Pérez García");
        index.Upsert(own);

        Assert.Empty(index.Search(Office, PartyProfile.Of(own)[0], own.Id));
    }

    [Fact]
    public void Upsert_replaces_the_parties_of_the_case()
    {
        var index = new PartyIndex();
        var first = Case(Office, "Ana Gómez", adverseParties: ["José Pérez García"]);
        index.Upsert(first);
        index.Upsert(first with
        {
            Details = first.Details with { AdverseParties = [new AdverseParty("Roberto Sandoval", [])] },
            Version = 2,
        });

        Assert.Empty(index.Search(Office, Person("José Pérez García"), NoCase));
        Assert.Single(index.Search(Office, Person("Roberto Sandoval"), NoCase));
        Assert.Equal(2, index.Count(Office));
    }

    [Fact]
    public void An_older_version_arriving_late_does_not_replace_a_newer_one()
    {
        var index = new PartyIndex();
        var first = Case(Office, "Ana Gómez");
        var renamed = first with { Details = first.Details with { Client = first.Details.Client with { FullName = "Ana Gómez Herrera" } }, Version = 2 };

        index.Upsert(renamed);
        index.Upsert(first);

        Assert.Equal("Ana Gómez Herrera", Assert.Single(index.Search(Office, Person("Ana Gomez"), NoCase)).MatchedName);
    }

    [Fact]
    public void Results_are_ranked_by_score_with_a_matching_document_first()
    {
        var index = new PartyIndex();
        var sameDocument = Case(Office, "Karla Mendoza", documents: [(IdentityDocumentType.Passport, "HN1234567")]);
        var sameName = Case(Office, "Carlos Méndez Ruiz");
        var typo = Case(Office, "Carlos Mandez");
        var sameSurname = Case(Office, "Luisa Méndez");
        foreach (var c in new[] { sameSurname, typo, sameName, sameDocument })
        {
            index.Upsert(c);
        }

        var ranked = index.Search(Office, Person("Carlos Méndez", documents: [(IdentityDocumentType.Passport, "HN1234567")]), NoCase)
            .Select(m => m.Candidate.CaseId)
            .ToArray();

        Assert.Equal(sameDocument.Id, ranked[0]);
        Assert.Equal(sameName.Id, ranked[1]);
        Assert.Equal(typo.Id, ranked[2]);
        Assert.True(ranked.Length == 3 || ranked[3] == sameSurname.Id);
    }

    [Fact]
    public void A_typo_in_the_query_finds_words_through_the_deletion_index()
    {
        var index = new PartyIndex();
        index.Upsert(Case(Office, "Luis Castellanos Echeverria"));

        Assert.Single(index.Search(Office, Person("Luis Castelanso Echeverira"), NoCase));
    }

    [Fact]
    public void Concurrent_writes_and_searches_leave_every_case_findable()
    {
        var index = new PartyIndex();
        var cases = Enumerable.Range(0, 400)
            .Select(i => Case(Office, $"Cliente Número{Letters(i)}", adverseParties: [$"Contraparte Apellido{Letters(i)}"]))
            .ToArray();

        Parallel.Invoke(
            () => Parallel.ForEach(cases, c => index.Upsert(c)),
            () => Parallel.For(0, 400, i => index.Search(Office, Person($"Contraparte Apellido{Letters(i)}"), NoCase)),
            () => Parallel.ForEach(cases, c => index.Upsert(c with { Version = 2 })));

        Assert.Equal(800, index.Count(Office));
        Assert.All(Enumerable.Range(0, 400), i =>
            Assert.Contains(index.Search(Office, Person($"Contraparte Apellido{Letters(i)}"), NoCase), m => m.Candidate.CaseId == cases[i].Id));
    }

    // Folding drops digits, so the case number is spelled in letters: a distinct word per case.
    private static string Letters(int i) => new([(char)('a' + (i / 676 % 26)), (char)('a' + (i / 26 % 26)), (char)('a' + (i % 26))]);
}
