using System.Text.Json;
using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Common;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>One audit entry as stored: times as UTC ticks, the action by its wire name, changes as a JSON array.</summary>
internal sealed record AuditRow(
    string Id,
    string OfficeId,
    string CaseId,
    string Action,
    string UserId,
    string ActorOfficeId,
    long At,
    string CorrelationId,
    string Changes)
{
    private static readonly string[] ParameterNames =
        ["$id", "$office", "$case", "$action", "$user", "$actorOffice", "$at", "$correlation", "$changes"];

    public static AuditRow Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditRow(
            entry.Id.ToString("D"),
            entry.OfficeId,
            entry.CaseId.ToString("D"),
            Kebab<AuditAction>.Name(entry.Action),
            entry.UserId,
            entry.ActorOfficeId,
            entry.At.UtcTicks,
            entry.CorrelationId,
            JsonSerializer.Serialize(entry.Changes, WireJson.Options));
    }

    public static AuditRow Read(SqliteDataReader reader) =>
        new(
            reader.GetString(reader.GetOrdinal("id")),
            reader.GetString(reader.GetOrdinal("office_id")),
            reader.GetString(reader.GetOrdinal("case_id")),
            reader.GetString(reader.GetOrdinal("action")),
            reader.GetString(reader.GetOrdinal("user_id")),
            reader.GetString(reader.GetOrdinal("actor_office_id")),
            reader.GetInt64(reader.GetOrdinal("at")),
            reader.GetString(reader.GetOrdinal("correlation_id")),
            reader.GetString(reader.GetOrdinal("changes")));

    /// <summary>Inserts the rows with the writer's prepared statement; a row already stored (same id) is left as it is.</summary>
    public static void Insert(SqliteWrite write, IEnumerable<AuditRow> rows)
    {
        var command = write.Command(
            """
            INSERT INTO audit (id, office_id, case_id, action, user_id, actor_office_id, at, correlation_id, changes)
            VALUES ($id, $office, $case, $action, $user, $actorOffice, $at, $correlation, $changes)
            ON CONFLICT DO NOTHING;
            """);
        var parameters = ParameterNames.Select(name => command.Parameters.Add(name, name == "$at" ? SqliteType.Integer : SqliteType.Text)).ToArray();
        foreach (var row in rows)
        {
            row.Bind(parameters);
            command.ExecuteNonQuery();
        }
    }

    private void Bind(SqliteParameter[] parameters)
    {
        parameters[0].Value = Id;
        parameters[1].Value = OfficeId;
        parameters[2].Value = CaseId;
        parameters[3].Value = Action;
        parameters[4].Value = UserId;
        parameters[5].Value = ActorOfficeId;
        parameters[6].Value = At;
        parameters[7].Value = CorrelationId;
        parameters[8].Value = Changes;
    }

    public AuditEntry ToEntry()
    {
        if (!Kebab<AuditAction>.TryParse(Action, out var action))
        {
            throw new InvalidDataException($"Audit entry {Id} has an unknown action '{Action}'.");
        }

        return new AuditEntry(
            Guid.ParseExact(Id, "D"),
            OfficeId,
            Guid.ParseExact(CaseId, "D"),
            action,
            UserId,
            ActorOfficeId,
            new DateTimeOffset(At, TimeSpan.Zero),
            CorrelationId,
            JsonSerializer.Deserialize<string[]>(Changes, WireJson.Options) ?? []);
    }
}
