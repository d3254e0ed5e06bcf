using System.Text;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// Every name word indexed for an office, with the keys a misspelt or sound-alike query word finds it
/// under. Words are added before the case that uses them is written (a separate document cannot be
/// part of the case's atomic write), so every stored case's words are here; a word whose case was
/// never written only makes a search find nothing more.
/// </summary>
public sealed class CosmosVocabulary(CosmosDatabase database, int capacity = PartyVocabulary.KeptWords)
{
    // Words this process knows are stored, so a case whose words are all known costs no request. Chat intakes
    // add party names from outside, so at most `capacity` are kept; past that it starts again empty, which
    // costs only a create request (a conflict) per word met again.
    private readonly KeptValues<(string OfficeId, string Word), bool> known = new(capacity);

    internal async Task AddAsync(string officeId, IReadOnlyList<VocabularyWord> words, CancellationToken cancellationToken)
    {
        foreach (var word in words.Where(w => !known.Contains((officeId, w.Word))))
        {
            var document = new VocabularyDocument(IdOf(word.Word), officeId, word.Word, word.Phonetic, word.Deletions.Order(StringComparer.Ordinal).ToArray());
            await database.Vocabulary.TryCreateAsync(document, officeId, cancellationToken);
            known.GetOrAdd((officeId, word.Word), _ => true);
        }
    }

    /// <summary>
    /// The office's words with one of the sound-alike keys, and those with one of the deletion forms, as
    /// lookups by key and by form: one single-partition query.
    /// </summary>
    internal async Task<(ILookup<string, string> ByPhonetic, ILookup<string, string> ByDeletion)> FindAsync(
        string officeId, IReadOnlyList<string> phoneticKeys, IReadOnlyList<string> deletionForms, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(
                """
                SELECT c.word, c.phonetic, c.deletions FROM c
                WHERE c.officeId = @office
                  AND (ARRAY_CONTAINS(@keys, c.phonetic) OR EXISTS(SELECT VALUE d FROM d IN c.deletions WHERE ARRAY_CONTAINS(@forms, d)))
                """)
            .WithParameter("@office", officeId)
            .WithParameter("@keys", phoneticKeys)
            .WithParameter("@forms", deletionForms);
        var rows = await database.Vocabulary.QueryAsync<WordRow>(query, officeId, cancellationToken);
        var keys = phoneticKeys.ToHashSet(StringComparer.Ordinal);
        var forms = deletionForms.ToHashSet(StringComparer.Ordinal);
        var byPhonetic = rows.Where(r => keys.Contains(r.Phonetic)).ToLookup(r => r.Phonetic, r => r.Word, StringComparer.Ordinal);
        var byDeletion = rows.SelectMany(r => r.Deletions.Where(forms.Contains).Select(form => (Form: form, r.Word)))
            .ToLookup(p => p.Form, p => p.Word, StringComparer.Ordinal);
        return (byPhonetic, byDeletion);
    }

    /// <summary>Ids may not hold some characters a word could: the word's UTF-8 bytes, base64url.</summary>
    private static string IdOf(string word) => Convert.ToBase64String(Encoding.UTF8.GetBytes(word)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record VocabularyDocument(string Id, string OfficeId, string Word, string Phonetic, IReadOnlyList<string> Deletions, int Schema = 1);

    private sealed record WordRow(string Word, string Phonetic, IReadOnlyList<string> Deletions);
}
