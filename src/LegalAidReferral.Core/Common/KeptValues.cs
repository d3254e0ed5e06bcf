using System.Collections.Concurrent;

namespace LegalAidReferral.Core.Common;

/// <summary>
/// Values built once from their key and kept for the next caller that asks for the same key: only for
/// values that are functions of the key alone. At most <c>capacity</c> are kept; past that it starts
/// again empty, which costs only rebuilding.
/// </summary>
public sealed class KeptValues<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> kept = new(comparer);

    public bool Contains(TKey key) => kept.ContainsKey(key);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (kept.TryGetValue(key, out var value))
        {
            return value;
        }

        if (kept.Count >= capacity)
        {
            kept.Clear();
        }

        return kept.GetOrAdd(key, build);
    }
}
