using System.Text.Json;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>The column values of one stored case, derived from the document so they never disagree.</summary>
internal sealed record CaseRow(
    string OfficeId,
    string Id,
    long Version,
    string Status,
    string? Priority,
    long CreatedAt,
    string Search,
    string Document)
{
    public static CaseRow Of(Case @case)
    {
        var client = @case.Details.Client;
        return new CaseRow(
            @case.OfficeId,
            @case.Id.ToString("D"),
            @case.Version,
            Kebab<CaseStatus>.Name(@case.Status),
            @case.Priority is { } priority ? Kebab<Priority>.Name(priority) : null,
            @case.CreatedAt.UtcTicks,
            SearchText.Join([client.FullName, .. client.Aliases, @case.Reference]),
            JsonSerializer.Serialize(@case, WireJson.Options));
    }

    public void Bind(SqliteCommand command)
    {
        command.Parameters.AddWithValue("$office", OfficeId);
        command.Parameters.AddWithValue("$id", Id);
        command.Parameters.AddWithValue("$version", Version);
        command.Parameters.AddWithValue("$status", Status);
        command.Parameters.AddWithValue("$priority", (object?)Priority ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", CreatedAt);
        command.Parameters.AddWithValue("$search", Search);
        command.Parameters.AddWithValue("$document", Document);
    }
}
