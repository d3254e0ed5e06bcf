using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Case numbers per office and year, starting at 1; a single upsert makes each number unique.</summary>
public sealed class SqliteCaseReferenceSequence(SqliteDatabase database) : ICaseReferenceSequence
{
    public Task<long> NextAsync(string officeId, int year, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO sequences (office_id, year, last_number) VALUES ($office, $year, 1)
                    ON CONFLICT (office_id, year) DO UPDATE SET last_number = last_number + 1
                    RETURNING last_number;
                    """);
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$year", year);
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken);
}
