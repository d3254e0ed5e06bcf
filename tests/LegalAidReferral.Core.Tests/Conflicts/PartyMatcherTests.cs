using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Core.Tests.Conflicts.Parties;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PartyMatcherTests
{
    private static PartyMatch Found(PartyProfile query, PartyProfile candidate) =>
        PartyMatcher.Match(query, candidate) ?? throw new Xunit.Sdk.XunitException("Expected a match, found none.");

    private static string[] Codes(PartyMatch match) => match.Reasons.Select(r => r.Code).ToArray();

    [Theory]
    [InlineData("JOSÉ PÉREZ", "jose perez")]
    [InlineData("José Pérez", "Jose Perez")]
    [InlineData("Françoise Lefèvre", "FRANCOISE LEFEVRE")]
    [InlineData("João Gonçalves", "joao goncalves")]
    [InlineData("Nuñez Muñoz", "Nunez Munoz")]
    public void Accents_and_case_do_not_matter(string recorded, string searched)
    {
        var match = Found(Person(searched), Person(recorded));

        Assert.Equal(PartyMatcher.DocumentTier, match.Score);
        Assert.All(match.Reasons, r => Assert.Equal(MatchReason.NameExact, r.Code));
    }

    [Fact]
    public void Word_order_does_not_matter()
    {
        var match = Found(Person("Pérez García, José"), Person("José Pérez García"));

        Assert.Equal(PartyMatcher.DocumentTier, match.Score);
    }

    [Fact]
    public void Jose_Perez_finds_Jose_Perez_Garcia_with_a_high_score()
    {
        var match = Found(Person("Jose Perez"), Person("José Pérez García"));

        Assert.True(match.Score >= 0.8, $"score {match.Score}");
        Assert.Contains(match.Reasons, r => r is { Code: MatchReason.NameExact, Query: "perez", Candidate: "perez" });
        Assert.Contains(match.Reasons, r => r is { Code: MatchReason.NameExact, Query: "jose", Candidate: "jose" });
    }

    [Fact]
    public void An_alias_is_searched_and_named_as_the_reason()
    {
        var match = Found(Person("Majo Lopez"), Person("María José López Ramírez", aliases: ["Majo López"]));

        Assert.Equal(PartyMatcher.DocumentTier, match.Score);
        Assert.Equal("Majo López", match.MatchedName);
        Assert.Contains(match.Reasons, r => r is { Code: MatchReason.Alias, Candidate: "Majo López" });
    }

    [Fact]
    public void The_searched_aliases_are_compared_too()
    {
        var match = Found(Person("Juan Mejia", aliases: ["El Flaco Mejia"]), Person("Flaco Mejía"));

        Assert.Contains(MatchReason.Alias, Codes(match));
    }

    [Theory]
    [InlineData("Ana Rodrigez", "Ana Rodríguez")]
    [InlineData("Ana Rodirguez", "Ana Rodríguez")]
    [InlineData("Marta Quinteros", "Marta Quintero")]
    public void A_one_letter_typo_is_found(string searched, string recorded)
    {
        var match = Found(Person(searched), Person(recorded));

        Assert.True(match.Score >= 0.75, $"score {match.Score}");
        Assert.Contains(match.Reasons, r => r.Code is MatchReason.NameTypo or MatchReason.NamePhonetic);
    }

    [Theory]
    [InlineData("Luis Castelanso", "Luis Castellanos")]
    [InlineData("Rosa Villagrna", "Rosa Villagran")]
    [InlineData("Carmen Echeverira", "Carmen Echeverria")]
    public void A_two_letter_typo_is_found(string searched, string recorded)
    {
        var match = Found(Person(searched), Person(recorded));

        Assert.True(match.Score >= 0.65, $"score {match.Score}");
        Assert.Contains(match.Reasons, r => r.Code is MatchReason.NameTypo);
    }

    [Theory]
    [InlineData("Pan", "Paz", null)]
    [InlineData("Mara", "Mora", 0.72)]
    [InlineData("Muro", "Mora", null)]
    [InlineData("Lopaz", "Lopez", 0.72)]
    [InlineData("Lapiz", "Lopez", null)]
    [InlineData("Romera", "Romero", 0.72)]
    [InlineData("Ramiro", "Romero", 0.54)]
    [InlineData("Ramira", "Romero", null)]
    public void One_typo_is_allowed_from_four_letters_and_two_from_six(string searched, string recorded, double? score)
    {
        var match = PartyMatcher.Match(Person(searched), Person(recorded));

        Assert.Equal(score, match?.Score);
        Assert.All(match?.Reasons ?? [], r => Assert.Equal(MatchReason.NameTypo, r.Code));
    }

    // Every word pair further apart than its length allows; 4- and 5-letter words were read as two typos.
    public static TheoryData<string, string> UnrelatedNames() => new()
    {
        { "Rosa Mora", "Luis Vega" },
        { "Mora", "Vega" },
        { "Pedro Lopez", "Marta Silva" },
        { "Lopez", "Silva" },
        { "Ana Ruiz", "Eva Soto" },
        { "Demo", "Ficticia" },
    };

    [Theory]
    [MemberData(nameof(UnrelatedNames))]
    public void Unrelated_names_are_no_candidate(string searched, string recorded)
    {
        Assert.Null(PartyMatcher.Match(Person(searched), Person(recorded)));
    }

    [Theory]
    [MemberData(nameof(UnrelatedNames))]
    public void Unrelated_names_score_zero_and_carry_no_reason_beside_a_shared_document(string searched, string recorded)
    {
        var match = Found(
            Person(searched, documents: [(IdentityDocumentType.Passport, "HN1234567")]),
            Person(recorded, documents: [(IdentityDocumentType.Passport, "HN1234567")]));

        Assert.Equal(PartyMatcher.DocumentTier, match.Score);
        Assert.Equal([MatchReason.DocumentNumber], Codes(match));
    }

    [Fact]
    public void The_demo_case_is_found_by_its_shared_words_only()
    {
        var match = Found(Person("Ana Ficticia Ejemplo Ruiz"), Person("DEMO Ana Ejemplo"));

        Assert.Equal(0.57, match.Score);
        Assert.Equal(["ana~ana", "ejemplo~ejemplo"], match.Reasons.Select(r => $"{r.Query}~{r.Candidate}").Order());
        Assert.All(match.Reasons, r => Assert.Equal(MatchReason.NameExact, r.Code));
    }

    [Fact]
    public void Short_words_need_more_than_a_typo()
    {
        Assert.Null(PartyMatcher.Match(Person("Ana Paz"), Person("Ada Luz")));
    }

    [Theory]
    [InlineData("Vásquez Morales", "Basques Morales")]
    [InlineData("Jiménez Ortiz", "Ximenez Ortiz")]
    [InlineData("Gimenez Ortiz", "Jiménez Ortiz")]
    [InlineData("Guilherme Carvalho", "Guillerme Carballo")]
    [InlineData("Jacques Rousseau", "Jacque Rouseau")]
    [InlineData("Henrique Souza", "Enrique Sousa")]
    [InlineData("Felipe Chaves", "Phelipe Chavez")]
    public void Names_that_sound_alike_in_Spanish_Portuguese_or_French_are_found(string searched, string recorded)
    {
        var match = Found(Person(searched), Person(recorded));

        Assert.True(match.Score >= 0.8, $"score {match.Score}");
        Assert.Contains(MatchReason.NamePhonetic, Codes(match));
    }

    [Theory]
    [InlineData("José Pérez-García", "Jose Perez Garcia")]
    [InlineData("Ana Sofía San Martín Rojas", "Ana Sofia Rojas San Martin")]
    [InlineData("Pedro Ruiz-Tagle", "Pedro Ruiz Tagle")]
    public void Compound_surnames_match_word_by_word(string recorded, string searched)
    {
        Assert.Equal(PartyMatcher.DocumentTier, Found(Person(searched), Person(recorded)).Score);
    }

    [Theory]
    [InlineData("María de los Ángeles Sánchez", "Maria Angeles Sanchez")]
    [InlineData("João da Silva", "Joao Silva")]
    [InlineData("João da Silva", "Joao Dasilva")]
    [InlineData("Antônio dos Santos", "Antonio Santos")]
    [InlineData("Juan del Castillo", "Juan Castillo")]
    [InlineData("Juan Del Castillo", "Juan Delcastillo")]
    [InlineData("Jean-Luc de la Fontaine", "Jean Luc Fontaine")]
    public void Particles_de_da_dos_del_do_not_decide_a_match(string recorded, string searched)
    {
        var match = Found(Person(searched), Person(recorded));

        Assert.Equal(PartyMatcher.DocumentTier, match.Score);
    }

    [Fact]
    public void An_unrelated_name_with_the_same_surname_ranks_below_the_same_person()
    {
        var query = Person("José Pérez García");
        var samePerson = Found(query, Person("Jose Perez"));
        var sameSurname = PartyMatcher.Match(query, Person("María Pérez"));
        var sameTwoSurnames = Found(query, Person("Luisa Pérez García"));

        Assert.True(sameSurname is null || sameSurname.Score < samePerson.Score);
        Assert.True(sameTwoSurnames.Score < samePerson.Score, $"{sameTwoSurnames.Score} vs {samePerson.Score}");
    }

    [Fact]
    public void A_matching_document_number_ranks_first_even_above_an_identical_name()
    {
        var query = Person("Carlos Méndez", documents: [(IdentityDocumentType.Passport, "HN 123-4567")]);
        var identicalName = Found(query, Person("Carlos Méndez"));
        var sameDocument = Found(query, Person("Karla Mendoza", documents: [(IdentityDocumentType.Passport, "hn1234567")]));

        Assert.True(sameDocument.Score > identicalName.Score, $"{sameDocument.Score} vs {identicalName.Score}");
        Assert.True(sameDocument.Score >= PartyMatcher.DocumentTier);
        Assert.Contains(sameDocument.Reasons, r => r is { Code: MatchReason.DocumentNumber, Query: "passport", Candidate: "passport" });
    }

    [Fact]
    public void A_different_document_number_of_the_same_type_lowers_the_score()
    {
        var query = Person("Carlos Méndez", documents: [(IdentityDocumentType.Passport, "HN1234567")]);
        var unknown = Found(query, Person("Carlos Méndez"));
        var differs = Found(query, Person("Carlos Méndez", documents: [(IdentityDocumentType.Passport, "HN7654321")]));
        var otherType = Found(query, Person("Carlos Méndez", documents: [(IdentityDocumentType.NationalId, "0801199012345")]));

        Assert.True(differs.Score < unknown.Score);
        Assert.Contains(MatchReason.DocumentNumberMismatch, Codes(differs));
        Assert.Equal(unknown.Score, otherType.Score);
    }

    [Fact]
    public void A_different_birth_date_lowers_the_score_and_an_equal_one_raises_it()
    {
        var query = Person("Jose Perez", birthDate: new DateOnly(1990, 5, 1));
        var unknown = Found(query, Person("José Pérez García"));
        var equal = Found(query, Person("José Pérez García", birthDate: new DateOnly(1990, 5, 1)));
        var differs = Found(query, Person("José Pérez García", birthDate: new DateOnly(1971, 2, 9)));

        Assert.True(equal.Score > unknown.Score);
        Assert.True(differs.Score < unknown.Score);
        Assert.Contains(MatchReason.BirthDateMatch, Codes(equal));
        Assert.Contains(MatchReason.BirthDateMismatch, Codes(differs));
    }

    [Fact]
    public void An_approximate_birth_date_compares_by_year()
    {
        var query = Person("Jose Perez", birthDate: new DateOnly(1990, 5, 1));

        var sameYear = Found(query, Person("José Pérez", birthDate: new DateOnly(1990, 1, 1), approximate: true));
        var otherYear = Found(query, Person("José Pérez", birthDate: new DateOnly(1985, 1, 1), approximate: true));

        Assert.Contains(MatchReason.BirthDateMatch, Codes(sameYear));
        Assert.Contains(MatchReason.BirthDateMismatch, Codes(otherYear));
    }

    [Fact]
    public void Different_people_do_not_match()
    {
        Assert.Null(PartyMatcher.Match(Person("Ana Gómez"), Person("Roberto Sandoval")));
    }
}
