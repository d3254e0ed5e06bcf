using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;
using static LegalAidReferral.Core.Tests.Conflicts.Parties;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PartyQueryTests
{
    private static readonly ILookup<string, string> None = Array.Empty<string>().ToLookup(w => w);

    [Fact]
    public void Each_distinct_word_is_numbered_once_across_the_name_and_aliases()
    {
        var query = PartyQuery.Of(Person("José Pérez", ["Pepe Pérez"]));

        Assert.Equal(["jose", "perez", "pepe"], query.Words.Select(w => w.Text));
        Assert.Equal([0, 1, 2], query.Words.Select(w => w.Number));
        Assert.False(query.HasOneWordName);
    }

    [Fact]
    public void A_word_is_similar_to_itself_and_to_its_particle_joined_form_without_any_lookup()
    {
        var similar = PartyQuery.Of(Person("Ana da Silva")).SimilarWords(None, None);

        Assert.Equal([("ana", 0), ("dasilva", 1), ("silva", 1)], similar.OrderBy(s => s.Word, StringComparer.Ordinal));
    }

    [Fact]
    public void Words_sharing_a_deletion_form_are_similar_only_within_the_allowed_typos()
    {
        var query = PartyQuery.Of(Person("Castellanos"));
        var byDeletion = new[] { ("castellano", "castellanos"), ("castellano", "castellano"), ("astellano", "astellanoxy") }
            .ToLookup(p => p.Item1, p => p.Item2);

        var similar = query.SimilarWords(None, byDeletion).Select(s => s.Word);

        Assert.Contains("castellano", similar);
        Assert.DoesNotContain("astellanoxy", similar);
    }

    [Fact]
    public void Sound_alike_words_are_similar_to_the_query_word_with_their_key()
    {
        var query = PartyQuery.Of(Person("Jimena Basques"));
        var byPhonetic = new[] { (PhoneticKey.Of("ximena"), "ximena"), (PhoneticKey.Of("vasquez"), "vasquez") }.ToLookup(p => p.Item1, p => p.Item2);

        var similar = query.SimilarWords(byPhonetic, None);

        Assert.Contains(("ximena", 0), similar);
        Assert.Contains(("vasquez", 1), similar);
    }

    [Fact]
    public void Document_numbers_are_compared_in_their_normalized_form()
    {
        var query = PartyQuery.Of(Person("Ana Gómez", documents: [(IdentityDocumentType.Passport, "hn 123-4567")]));

        Assert.Equal(["HN1234567"], query.DocumentNumbers);
    }
}
