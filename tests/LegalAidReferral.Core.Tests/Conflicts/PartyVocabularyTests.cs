using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Tests.Conflicts;

public class PartyVocabularyTests
{
    [Fact]
    public void A_word_of_24_letters_gets_its_typo_forms_and_a_longer_one_only_itself()
    {
        // Distinct letters, so every form is distinct: the word, 24 with one letter out, 276 with two out.
        Assert.Equal(1 + 24 + 276, PartyVocabulary.Deletions("abcdefghijklmnopqrstuvwx").Count);
        Assert.Equal(["abcdefghijklmnopqrstuvwxy"], PartyVocabulary.Deletions("abcdefghijklmnopqrstuvwxy"));
    }

    [Fact]
    public void Words_enter_the_typo_budget_in_order_until_the_next_would_exceed_it()
    {
        var words = Enumerable.Range(0, 20).Select(i => $"{(char)('a' + i)}bcdefghijklmnopqrstuvwx").ToArray();

        var within = PartyVocabulary.WithinTypoBudget(words).ToArray();

        Assert.Equal(words.Take(within.Length), within.Select(w => w.Word));
        Assert.InRange(within.Sum(w => w.Deletions.Count), PartyVocabulary.MaxTypoFormsPerCase - 301, PartyVocabulary.MaxTypoFormsPerCase);
    }

    [Fact]
    public void A_real_case_with_many_names_stays_within_the_typo_budget()
    {
        var @case = Parties.Case(
            Parties.Office,
            "María de los Ángeles Hernández Gutiérrez",
            ["Marielos Hernandez", "Angeles Gutierrez de Castellanos"],
            adverseParties: ["José Pérez García", "Roberto Sandoval Quintanilla", "Fernanda Villalobos Echeverría", "Transportes Guadalupe Rodríguez"]);

        var indexed = IndexedCase.Of(@case);

        Assert.Equal(indexed.Parties.SelectMany(p => p.Words).Distinct().Order(), indexed.Vocabulary.Select(w => w.Word).Order());
    }

    [Fact]
    public void A_party_indexes_and_queries_its_first_32_distinct_name_words_only()
    {
        var aliases = Enumerable.Range(0, 20).Select(i => $"Alias{(char)('a' + i)} Otro{(char)('a' + i)}").ToArray();
        var @case = Parties.Case(Parties.Office, "Ana Gómez", aliases);

        var client = IndexedCase.Of(@case).Parties[0];
        var query = PartyQuery.Of(PartyProfile.Of(@case)[0]);

        Assert.Equal(PartyQuery.MaxWords, client.Words.Count);
        Assert.Equal(["ana", "gomez", "aliasa", "otroa"], client.Words.Take(4));
        Assert.Equal(client.Words, query.Words.Select(w => w.Text));
    }

    [Fact]
    public void A_word_is_given_the_same_keys_every_time_built_once()
    {
        var first = PartyVocabulary.Word("hernandez");

        Assert.Same(first, PartyVocabulary.Word("hernandez"));
        Assert.Equal(PartyVocabulary.Phonetic("hernandez"), first.Phonetic);
        Assert.Equal(PartyVocabulary.Deletions("hernandez").Order(StringComparer.Ordinal), first.Deletions.Order(StringComparer.Ordinal));
    }
}
