using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Every version of every office's triage policy, one JSON document per (office, version).</summary>
public sealed class SqliteTriagePolicyStore(SqliteDatabase database) : ITriagePolicyStore
{
    public Task<TriagePolicy?> FindCurrentAsync(string officeId, CancellationToken cancellationToken) =>
        Task.FromResult(Find("SELECT document FROM policies WHERE office_id = $office ORDER BY version DESC LIMIT 1;", officeId, null, cancellationToken));

    public Task<TriagePolicy?> FindVersionAsync(string officeId, int version, CancellationToken cancellationToken) =>
        Task.FromResult(Find("SELECT document FROM policies WHERE office_id = $office AND version = $version;", officeId, version, cancellationToken));

    public Task<bool> TryAddAsync(TriagePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return database.WriteAsync(write => Insert(write, policy), cancellationToken);
    }

    /// <summary>
    /// Stores each policy as version 1 of an office that has no policy yet. An office that has one
    /// keeps it, so an admin's changes survive restarts.
    /// </summary>
    public Task SeedMissingAsync(IEnumerable<TriagePolicy> policies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var seeds = policies.ToArray();
        return database.WriteAsync(
            write =>
            {
                foreach (var policy in seeds)
                {
                    var existing = write.Command("SELECT 1 FROM policies WHERE office_id = $office LIMIT 1;");
                    existing.Parameters.AddWithValue("$office", policy.OfficeId);
                    if (existing.ExecuteScalar() is null)
                    {
                        Insert(write, policy with { Version = 1 });
                    }
                }

                return seeds.Length;
            },
            cancellationToken);
    }

    private static bool Insert(SqliteWrite write, TriagePolicy policy)
    {
        var command = write.Command("INSERT INTO policies (office_id, version, document) VALUES ($office, $version, $document) ON CONFLICT DO NOTHING;");
        command.Parameters.AddWithValue("$office", policy.OfficeId);
        command.Parameters.AddWithValue("$version", policy.Version);
        command.Parameters.AddWithValue("$document", JsonSerializer.Serialize(policy, WireJson.Options));
        return command.ExecuteNonQuery() == 1;
    }

    private TriagePolicy? Find(string sql, string officeId, int? version, CancellationToken cancellationToken) =>
        database.Read(
            read =>
            {
                var command = read.Command(sql);
                command.Parameters.AddWithValue("$office", officeId);
                if (version is { } v)
                {
                    command.Parameters.AddWithValue("$version", v);
                }

                return command.ExecuteScalar() is string document
                    ? JsonSerializer.Deserialize<TriagePolicy>(document, WireJson.Options)
                    : null;
            },
            cancellationToken);
}
