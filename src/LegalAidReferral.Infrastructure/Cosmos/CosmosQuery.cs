using System.Globalization;
using System.Text;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Azure.Cosmos;

namespace LegalAidReferral.Infrastructure.Cosmos;

/// <summary>
/// A parameterised query built from the filters in use, with keyset paging: the same continuation
/// tokens (<see cref="KeysetPosition"/>: time and id of the last item) as the SQLite adapters.
/// </summary>
internal sealed class CosmosQuery
{
    private readonly StringBuilder sql;
    private readonly List<(string Name, object? Value)> parameters = [];

    private CosmosQuery(string select) => sql = new StringBuilder(select).Append(" FROM c WHERE c.officeId = @office");

    /// <summary>A query of one office's partition; <paramref name="select"/> is the SELECT clause.</summary>
    public static CosmosQuery In(string officeId, string select) => new CosmosQuery(select).With("@office", officeId);

    public CosmosQuery Where(string condition, string name, object? value)
    {
        sql.Append(" AND ").Append(condition);
        return With(name, value);
    }

    public CosmosQuery WhereIf(bool condition, string clause, string name, object? value) => condition ? Where(clause, name, value) : this;

    /// <summary>Only the items after <paramref name="after"/> in the order of (<paramref name="timeField"/>, id).</summary>
    public CosmosQuery After(KeysetPosition? after, string timeField, bool descending)
    {
        if (after is not { } position)
        {
            return this;
        }

        var beyond = descending ? "<" : ">";
        sql.Append(CultureInfo.InvariantCulture, $" AND (c.{timeField} {beyond} @afterAt OR (c.{timeField} = @afterAt AND c.id {beyond} @afterId))");
        return With("@afterAt", CosmosTime.OfTicks(position.Ticks)).With("@afterId", position.Id);
    }

    public QueryDefinition OrderBy(string orderBy)
    {
        var definition = new QueryDefinition(sql.Append(" ORDER BY ").Append(orderBy).ToString());
        foreach (var (name, value) in parameters)
        {
            definition.WithParameter(name, value);
        }

        return definition;
    }

    private CosmosQuery With(string name, object? value)
    {
        parameters.Add((name, value));
        return this;
    }
}

/// <summary>Reads one keyset page: asks for one item more than the page holds, to know whether a next page exists.</summary>
internal static class CosmosPage
{
    /// <summary>The SELECT clause that asks for <paramref name="take"/> + 1 items.</summary>
    public static string Top(int take, string fields) => string.Create(CultureInfo.InvariantCulture, $"SELECT TOP {take + 1} {fields}");

    public static async Task<Page<T>> ReadAsync<TRow, T>(
        Container container, QueryDefinition query, string officeId, int take, Func<TRow, (KeysetPosition Position, T Item)> read, CancellationToken cancellationToken)
    {
        var rows = await container.QueryAsync<TRow>(query, officeId, cancellationToken);
        var items = new List<T>(Math.Min(rows.Count, take));
        KeysetPosition last = default;
        foreach (var row in rows.Take(take))
        {
            (last, var item) = read(row);
            items.Add(item);
        }

        return new Page<T>(items, rows.Count > take ? last.ToToken() : null);
    }

    public static KeysetPosition Position(string time, string id) => new(CosmosTime.Parse(time).UtcTicks, id);
}
