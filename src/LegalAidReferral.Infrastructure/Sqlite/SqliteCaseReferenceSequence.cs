using System.Globalization;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// Case numbers per office and year, starting at 1. They are handed out from memory, after the last
/// number stored, and stored only by the case that uses one, in the case's own transaction
/// (<see cref="SqliteCaseStore.TryCreateAsync"/>), so an intake is one transaction. A number whose case
/// is never stored is skipped; after a restart, numbering resumes after the last stored case.
/// Registered once per database: two instances would hand out the same numbers.
/// </summary>
public sealed class SqliteCaseReferenceSequence(SqliteDatabase database) : ICaseReferenceSequence
{
    private readonly Dictionary<(string OfficeId, int Year), long> last = [];
    private readonly Lock gate = new();

    public Task<CaseNumber> NextAsync(string officeId, int year, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var number = last.TryGetValue((officeId, year), out var handedOut) ? handedOut + 1 : Stored(officeId, year, cancellationToken) + 1;
            last[(officeId, year)] = number;
            return Task.FromResult(new CaseNumber(officeId, year, number));
        }
    }

    /// <summary>Records the number as used, in the transaction of the case that uses it.</summary>
    internal static void Claim(SqliteWrite write, CaseNumber number)
    {
        var command = write.Command(
            """
            INSERT INTO sequences (office_id, year, last_number) VALUES ($office, $year, $number)
            ON CONFLICT (office_id, year) DO UPDATE SET last_number = max(last_number, excluded.last_number);
            """);
        command.Parameters.AddWithValue("$office", number.OfficeId);
        command.Parameters.AddWithValue("$year", number.Year);
        command.Parameters.AddWithValue("$number", number.Number);
        command.ExecuteNonQuery();
    }

    private long Stored(string officeId, int year, CancellationToken cancellationToken) =>
        database.Read(
            read =>
            {
                var command = read.Command("SELECT last_number FROM sequences WHERE office_id = $office AND year = $year;");
                command.Parameters.AddWithValue("$office", officeId);
                command.Parameters.AddWithValue("$year", year);
                return command.ExecuteScalar() is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
            },
            cancellationToken);
}
