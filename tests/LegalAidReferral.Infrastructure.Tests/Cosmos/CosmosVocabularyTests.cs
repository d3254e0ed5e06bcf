using LegalAidReferral.Infrastructure.Cosmos;
using LegalAidReferral.Infrastructure.Tests.Contracts;
using Microsoft.Azure.Cosmos;
using static LegalAidReferral.Infrastructure.Tests.Conflicts.Parties;

namespace LegalAidReferral.Infrastructure.Tests.Cosmos;

/// <summary>The words a process remembers as stored are bounded (docs/limits.md).</summary>
public sealed class CosmosVocabularyTests
{
    [Fact]
    public async Task Past_its_capacity_the_vocabulary_forgets_what_it_stored_and_writes_a_word_met_again()
    {
        await using var storage = await TestStorage.CosmosAsync();
        var database = storage.CosmosDatabase;
        var store = new CosmosCaseStore(database, new CosmosVocabulary(database, capacity: 2));
        await store.TryCreateAsync(Case(Office, "Ana"), new("test-office", 2026, 1), [], default);
        await DeleteWordsAsync(database.Vocabulary);

        await store.TryCreateAsync(Case(Office, "Bruno Castro"), new("test-office", 2026, 2), [], default);
        await store.TryCreateAsync(Case(Office, "Ana"), new("test-office", 2026, 3), [], default);

        Assert.Contains("ana", await WordsAsync(database.Vocabulary));
    }

    private static async Task DeleteWordsAsync(Container vocabulary)
    {
        foreach (var id in await ReadAsync<string>(vocabulary, "SELECT VALUE c.id FROM c WHERE c.officeId = @office"))
        {
            await vocabulary.DeleteItemAsync<object>(id, new PartitionKey(Office));
        }
    }

    private static Task<List<string>> WordsAsync(Container vocabulary) => ReadAsync<string>(vocabulary, "SELECT VALUE c.word FROM c WHERE c.officeId = @office");

    private static async Task<List<T>> ReadAsync<T>(Container container, string query)
    {
        var rows = new List<T>();
        var definition = new QueryDefinition(query).WithParameter("@office", Office);
        using var iterator = container.GetItemQueryIterator<T>(definition, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(Office) });
        while (iterator.HasMoreResults)
        {
            rows.AddRange(await iterator.ReadNextAsync());
        }

        return rows;
    }
}
