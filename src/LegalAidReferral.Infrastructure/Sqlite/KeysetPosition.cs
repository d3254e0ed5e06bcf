using System.Globalization;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Where a keyset page ends: the sort time (UTC ticks) and id of its last row.</summary>
internal readonly record struct KeysetPosition(long Ticks, string Id)
{
    public string ToToken() => ContinuationTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{Ticks}|{Id}"));

    /// <summary>The position of <paramref name="token"/>, or null for the first page.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not issued by a store.</exception>
    public static KeysetPosition? Parse(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var position = ContinuationTokens.Decode(token) ?? throw new InvalidContinuationTokenException();
        var separator = position.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0
            || !long.TryParse(position.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !Guid.TryParseExact(position.AsSpan(separator + 1), "D", out var id))
        {
            throw new InvalidContinuationTokenException();
        }

        return new KeysetPosition(ticks, id.ToString("D"));
    }

    public static int Take(PageRequest page) => Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);

    /// <summary>
    /// Reads up to <paramref name="take"/> rows of a query that asked for one more: that extra row only
    /// tells whether a next page exists, and the token points after the last row returned.
    /// </summary>
    public static Page<T> ReadPage<T>(SqliteCommand command, int take, Func<SqliteDataReader, (KeysetPosition Position, T Item)> read)
    {
        var items = new List<T>(take);
        KeysetPosition last = default;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (items.Count == take)
            {
                return new Page<T>(items, last.ToToken());
            }

            (last, var item) = read(reader);
            items.Add(item);
        }

        return new Page<T>(items, null);
    }
}
