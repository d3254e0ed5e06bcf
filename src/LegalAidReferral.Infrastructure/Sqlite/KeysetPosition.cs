using System.Globalization;
using LegalAidReferral.Core.Common;

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
}
