using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>A path of a composite index and its order.</summary>
public sealed record CompositePath(string Path, bool Descending = false);

/// <summary>
/// One container as the adapters need it: partition key, the only paths its queries filter or sort on
/// (everything else is excluded from the index), composite indexes for multi-field ORDER BY, time to
/// live (null: off; -1: on, per item), and unique keys (within a partition).
/// </summary>
public sealed record CosmosContainerDefinition(
    string Name,
    string PartitionKeyPath,
    IReadOnlyList<string> IndexedPaths,
    IReadOnlyList<IReadOnlyList<CompositePath>> CompositeIndexes,
    int? DefaultTimeToLive,
    IReadOnlyList<IReadOnlyList<string>> UniqueKeys)
{
    public ContainerProperties ToProperties()
    {
        var properties = new ContainerProperties(Name, PartitionKeyPath) { DefaultTimeToLive = DefaultTimeToLive };
        properties.IndexingPolicy.Automatic = true;
        properties.IndexingPolicy.IndexingMode = IndexingMode.Consistent;
        properties.IndexingPolicy.IncludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Clear();
        foreach (var path in IndexedPaths)
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        foreach (var composite in CompositeIndexes)
        {
            properties.IndexingPolicy.CompositeIndexes.Add(new System.Collections.ObjectModel.Collection<Microsoft.Azure.Cosmos.CompositePath>(
                composite.Select(p => new Microsoft.Azure.Cosmos.CompositePath
                {
                    Path = p.Path,
                    Order = p.Descending ? CompositePathSortOrder.Descending : CompositePathSortOrder.Ascending,
                }).ToList()));
        }

        if (UniqueKeys.Count > 0)
        {
            properties.UniqueKeyPolicy = new UniqueKeyPolicy();
            foreach (var key in UniqueKeys)
            {
                var unique = new UniqueKey();
                foreach (var path in key)
                {
                    unique.Paths.Add(path);
                }

                properties.UniqueKeyPolicy.UniqueKeys.Add(unique);
            }
        }

        return properties;
    }
}
