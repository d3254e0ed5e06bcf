using System.Text.Json;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Reads a stored JSON document from SQLite's own UTF-8 bytes, which is what the parser reads best:
/// no UTF-16 string of the whole document is made first.
/// </summary>
internal static class StoredJson
{
    public static T Read<T>(SqliteDataReader reader, int ordinal, string what) =>
        JsonSerializer.Deserialize<T>(reader.GetFieldValue<byte[]>(ordinal), WireJson.Options)
        ?? throw new InvalidDataException($"A stored {what} is empty.");

    /// <summary>The first row's document, or the default when the query finds none.</summary>
    public static T? ReadFirst<T>(SqliteCommand command, string what)
        where T : class
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read<T>(reader, 0, what) : null;
    }
}
