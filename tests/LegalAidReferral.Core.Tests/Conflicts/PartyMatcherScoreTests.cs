using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Core.Tests.Conflicts.Parties;

namespace LegalAidReferral.Core.Tests.Conflicts;

/// <summary>
/// Exact scores where docs/conflict-check.md defines them: name alignment, the single-shared-word
/// halving, and the birth-date and document weights. Every figure is 0.9 x evidence, or
/// 0.9 + 0.1 x evidence with an identical document number, rounded to three places.
/// </summary>
public class PartyMatcherScoreTests
{
    private static readonly DateOnly Birth = new(1990, 5, 1);

    private static double Score(PartyProfile query, PartyProfile candidate) =>
        (PartyMatcher.Match(query, candidate) ?? throw new Xunit.Sdk.XunitException("Expected a match, found none.")).Score;

    private static (IdentityDocumentType, string) Passport(string number) => (IdentityDocumentType.Passport, number);

    [Fact]
    public void A_shorter_name_found_whole_in_a_longer_one_scores_by_both_lengths()
    {
        // 0.8 x 2/2 + 0.2 x 2/3 = 0.933; x 0.9
        Assert.Equal(0.84, Score(Person("Jose Perez"), Person("José Pérez García")));
    }

    [Fact]
    public void A_one_word_name_found_in_a_two_word_name_is_not_halved()
    {
        // 0.8 x 1/1 + 0.2 x 1/2 = 0.9; x 0.9
        Assert.Equal(0.81, Score(Person("Mora"), Person("Rosa Mora")));
    }

    [Fact]
    public void One_shared_word_of_two_word_names_is_halved_below_the_listing_threshold()
    {
        Assert.Null(PartyMatcher.Match(Person("Rosa Mora"), Person("Luis Mora")));

        // (0.8 x 1/2 + 0.2 x 1/2) x 0.5 = 0.25; the birth date raises it halfway to 1: 0.625; x 0.9 = 0.5625,
        // rounded half to even
        Assert.Equal(0.562, Score(Person("Rosa Mora", birthDate: Birth), Person("Luis Mora", birthDate: Birth)));

        // 0.9 + 0.1 x 0.25
        Assert.Equal(0.925, Score(Person("Rosa Mora", documents: [Passport("HN1234567")]), Person("Luis Mora", documents: [Passport("HN1234567")])));
    }

    [Theory]
    [InlineData("Pérez Pérez", "Juan Pérez")]
    [InlineData("Juan Pérez", "Pérez Pérez")]
    public void Each_word_is_matched_once(string searched, string recorded)
    {
        var match = PartyMatcher.Match(Person(searched, birthDate: Birth), Person(recorded, birthDate: Birth))!;

        // One word pair only, so the single-shared-word halving applies: as in "Rosa Mora" / "Luis Mora".
        Assert.Equal(0.562, match.Score);
        Assert.Single(match.Reasons, r => r.Code == MatchReason.NameExact);
    }

    [Fact]
    public void An_equal_birth_date_raises_the_name_evidence_halfway_to_one()
    {
        // 0.933 + (1 - 0.933) x 0.5 = 0.967; x 0.9
        Assert.Equal(0.87, Score(Person("Jose Perez", birthDate: Birth), Person("José Pérez García", birthDate: Birth)));
    }

    [Fact]
    public void A_different_birth_date_multiplies_the_name_evidence_by_six_tenths()
    {
        // 0.933 x 0.6; x 0.9
        Assert.Equal(0.504, Score(Person("Jose Perez", birthDate: Birth), Person("José Pérez García", birthDate: new DateOnly(1971, 2, 9))));
    }

    [Fact]
    public void An_unknown_birth_date_on_either_side_changes_nothing()
    {
        Assert.Equal(0.84, Score(Person("Jose Perez", birthDate: Birth), Person("José Pérez García")));
        Assert.Equal(0.84, Score(Person("Jose Perez"), Person("José Pérez García", birthDate: Birth)));
    }

    [Fact]
    public void An_identical_document_number_puts_the_name_evidence_in_the_top_tenth()
    {
        Assert.Equal(1.0, Score(Person("Carlos Méndez", documents: [Passport("HN1234567")]), Person("Carlos Méndez", documents: [Passport("hn 123-4567")])));

        // 0.9 + 0.1 x 0.933
        Assert.Equal(0.993, Score(Person("Jose Perez", documents: [Passport("HN1234567")]), Person("José Pérez García", documents: [Passport("HN1234567")])));
    }

    [Fact]
    public void A_different_number_of_the_same_document_type_multiplies_the_evidence_by_seven_tenths()
    {
        // 1.0 x 0.7; x 0.9
        var match = PartyMatcher.Match(Person("Carlos Méndez", documents: [Passport("HN1234567")]), Person("Carlos Méndez", documents: [Passport("HN7654321")]))!;

        Assert.Equal(0.63, match.Score);
        Assert.Equal([MatchReason.NameExact, MatchReason.NameExact, MatchReason.DocumentNumberMismatch], match.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Document_numbers_shorter_than_four_characters_are_not_compared()
    {
        Assert.Null(PartyMatcher.Match(Person("Rosa Mora", documents: [Passport("123")]), Person("Luis Vega", documents: [Passport("123")])));
        Assert.Equal(0.9, Score(Person("Rosa Mora", documents: [Passport("1234")]), Person("Luis Vega", documents: [Passport("1234")])));
    }

    [Fact]
    public void Birth_date_and_document_combine()
    {
        // Name 0.933, birth date equal: 0.967; identical document: 0.9 + 0.1 x 0.967
        var query = Person("Jose Perez", birthDate: Birth, documents: [Passport("HN1234567")]);

        Assert.Equal(0.997, Score(query, Person("José Pérez García", birthDate: Birth, documents: [Passport("HN1234567")])));
    }
}
