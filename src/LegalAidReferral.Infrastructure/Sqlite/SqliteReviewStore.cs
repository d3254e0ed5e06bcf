using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;
using LegalAidReferral.Core.Review;
using Microsoft.Data.Sqlite;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The review's read model in SQLite: one write per event, or per batch (each touched cell added once),
/// through the group-committing writer, inserts the listed event, and only when it is new, reads, adds to and writes back its cell (in the
/// compact binary form) and upserts its referral's deadlines (a union in SQL, no read). Queries read
/// cells by month (indexed) and the referrals whose computed earliest open due time is before now.
/// </summary>
public sealed class SqliteReviewStore(SqliteDatabase database) : IReviewStore
{
    private const string Dimensions = """
        ($country IS NULL OR from_country = $country OR to_country = $country)
        AND ($office IS NULL OR from_office = $office OR to_office = $office)
        AND ($fromCountry IS NULL OR from_country = $fromCountry)
        AND ($toCountry IS NULL OR to_country = $toCountry)
        AND ($kind IS NULL OR kind = $kind)
        AND ($priority IS NULL OR priority = $priority)
        """;

    private const string ReferralColumns = """
        pseudonym, from_office, to_office, from_country, to_country, kind, priority, gender, groups,
        acknowledge_due, decide_due, first_contact_due, outcome_report_due, outcome_repeat, met, ended
        """;

    /// <summary>The due-time column of each deadline kind, in kind order (its column is 9 + the kind).</summary>
    private static readonly (DeadlineKind Kind, string Parameter)[] DeadlineParameters =
    [
        (DeadlineKind.Acknowledge, "$acknowledge"), (DeadlineKind.Decide, "$decide"), (DeadlineKind.FirstContact, "$firstContact"),
        (DeadlineKind.OutcomeReport, "$outcomeReport"),
    ];

    private const string EventColumns =
        "occurred_at, id, referral, kind, priority, from_office, to_office, from_country, to_country, step, status, due_at, within_deadline, consent_overridden, period";

    public Task<bool> RecordAsync(ReviewEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.WriteAsync(
            write =>
            {
                if (!InsertEvent(write, entry.Listed))
                {
                    return false;
                }

                AddToCell(write, entry.Cell, entry.Counts);
                MergeReferral(write, entry);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// The batch in one write: inserts each event (a duplicate inserts nothing), sums the new events'
    /// counts per cell in memory and adds each touched cell once, and merges each new event's deadlines.
    /// </summary>
    public Task<int> RecordBatchAsync(IReadOnlyList<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return database.WriteAsync(
            write =>
            {
                var cells = new Dictionary<string, (CellKey Key, CellCounts Sum)>(StringComparer.Ordinal);
                var recorded = 0;
                foreach (var entry in entries)
                {
                    if (!InsertEvent(write, entry.Listed))
                    {
                        continue;
                    }

                    recorded++;
                    if (cells.TryGetValue(entry.Cell.Id, out var cell))
                    {
                        cell.Sum.Add(entry.Counts);
                    }
                    else
                    {
                        cells.Add(entry.Cell.Id, (entry.Cell, CellCounts.FromBytes(entry.Counts.ToBytes())));
                    }

                    MergeReferral(write, entry);
                }

                foreach (var (key, sum) in cells.Values)
                {
                    AddToCell(write, key, sum);
                }

                return recorded;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AdherenceCell>> CellsAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(database.Read<IReadOnlyList<AdherenceCell>>(
            read =>
            {
                var command = read.Command(
                    $"""
                    SELECT period, from_office, to_office, from_country, to_country, kind, priority, gender, groups, counts FROM review_cells
                    WHERE period BETWEEN $from AND $to AND {Dimensions};
                    """);
                Bind(command, query);
                var cells = new List<AdherenceCell>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var key = new CellKey(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        Parse<ReferralKind>(reader.GetString(5)), Parse<Priority>(reader.GetString(6)), Parse<GenderCategory>(reader.GetString(7)), reader.GetInt32(8));
                    cells.Add(new AdherenceCell(key, CellCounts.FromBytes((byte[])reader.GetValue(9))));
                }

                return cells;
            },
            cancellationToken));
    }

    public Task<IReadOnlyList<ReviewReferral>> OverdueAsync(ReviewQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(database.Read<IReadOnlyList<ReviewReferral>>(
            read =>
            {
                var command = read.Command($"SELECT {ReferralColumns} FROM review_referrals WHERE next_due_at IS NOT NULL AND next_due_at < $now;");
                command.Parameters.AddWithValue("$now", now.UtcTicks);
                var overdue = new List<ReviewReferral>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var referral = ReadReferral(reader);
                    if (query.Matches(referral.FromOfficeId, referral.ToOfficeId, referral.FromCountry, referral.ToCountry, referral.Kind, referral.Priority))
                    {
                        overdue.Add(referral);
                    }
                }

                return overdue;
            },
            cancellationToken));
    }

    public Task<Page<ReviewedEvent>> EventsAsync(ReviewQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var after = KeysetPosition.Parse(page.ContinuationToken);
        var take = KeysetPosition.Take(page);
        var sql = $"""
            SELECT {EventColumns} FROM review_events
            WHERE period BETWEEN $from AND $to AND {Dimensions}
            {(after is null ? string.Empty : "AND (occurred_at > $afterAt OR (occurred_at = $afterAt AND id > $afterId))")}
            ORDER BY occurred_at, id LIMIT $take;
            """;
        return Task.FromResult(database.Read(
            read =>
            {
                var command = read.Command(sql);
                Bind(command, query);
                command.Parameters.AddWithValue("$take", take + 1);
                if (after is { } position)
                {
                    command.Parameters.AddWithValue("$afterAt", position.Ticks);
                    command.Parameters.AddWithValue("$afterId", position.Id);
                }

                return KeysetPosition.ReadPage(command, take, reader => (new KeysetPosition(reader.GetInt64(0), reader.GetString(1)), ReadEvent(reader)));
            },
            cancellationToken));
    }

    /// <summary>Inserts the listed event; false when its id was recorded before (nothing inserted).</summary>
    private static bool InsertEvent(SqliteWrite write, ReviewedEvent listed)
    {
        var insert = write.Command(
            $"""
            INSERT INTO review_events ({EventColumns})
            VALUES ($at, $id, $referral, $kind, $priority, $fromOffice, $toOffice, $fromCountry, $toCountry, $step, $status, $due, $within, $override, $period)
            ON CONFLICT DO NOTHING;
            """);
        insert.Parameters.AddWithValue("$at", listed.OccurredAt.UtcTicks);
        insert.Parameters.AddWithValue("$id", listed.EventId.ToString("D"));
        insert.Parameters.AddWithValue("$referral", listed.ReferralPseudonym);
        insert.Parameters.AddWithValue("$kind", Kebab<ReferralKind>.Name(listed.Kind));
        insert.Parameters.AddWithValue("$priority", Kebab<Priority>.Name(listed.Priority));
        insert.Parameters.AddWithValue("$fromOffice", listed.FromOfficeId);
        insert.Parameters.AddWithValue("$toOffice", listed.ToOfficeId);
        insert.Parameters.AddWithValue("$fromCountry", listed.FromCountry);
        insert.Parameters.AddWithValue("$toCountry", listed.ToCountry);
        insert.Parameters.AddWithValue("$step", Kebab<ReferralAction>.Name(listed.Step));
        insert.Parameters.AddWithValue("$status", Kebab<ReferralStatus>.Name(listed.Status));
        insert.Parameters.AddWithValue("$due", (object?)listed.DueAt?.UtcTicks ?? DBNull.Value);
        insert.Parameters.AddWithValue("$within", listed.WithinDeadline is { } within ? (within ? 1 : 0) : DBNull.Value);
        insert.Parameters.AddWithValue("$override", listed.ConsentOverridden ? 1 : 0);
        insert.Parameters.AddWithValue("$period", listed.Period);
        return insert.ExecuteNonQuery() != 0;
    }

    private static void AddToCell(SqliteWrite write, CellKey cell, CellCounts counts)
    {
        var select = write.Command("SELECT counts FROM review_cells WHERE id = $id;");
        select.Parameters.AddWithValue("$id", cell.Id);
        if (select.ExecuteScalar() is byte[] stored)
        {
            var sum = CellCounts.FromBytes(stored);
            sum.Add(counts);
            counts = sum;
        }

        var upsert = write.Command(
            """
            INSERT INTO review_cells (id, period, from_office, to_office, from_country, to_country, kind, priority, gender, groups, counts)
            VALUES ($id, $period, $fromOffice, $toOffice, $fromCountry, $toCountry, $kind, $priority, $gender, $groups, $counts)
            ON CONFLICT (id) DO UPDATE SET counts = excluded.counts;
            """);
        upsert.Parameters.AddWithValue("$id", cell.Id);
        upsert.Parameters.AddWithValue("$period", cell.Period);
        BindDimensions(upsert, cell.FromOfficeId, cell.ToOfficeId, cell.FromCountry, cell.ToCountry, cell.Kind, cell.Priority, cell.Gender, cell.Groups);
        upsert.Parameters.AddWithValue("$counts", counts.ToBytes());
        upsert.ExecuteNonQuery();
    }

    /// <summary>The union of what the referral's events said, in one upsert: each deadline's earliest due time, the met kinds' bits, ended.</summary>
    private static void MergeReferral(SqliteWrite write, ReviewEntry entry)
    {
        var e = entry.Event;
        var upsert = write.Command(
            $"""
            INSERT INTO review_referrals ({ReferralColumns})
            VALUES ($pseudonym, $fromOffice, $toOffice, $fromCountry, $toCountry, $kind, $priority, $gender, $groups,
                    $acknowledge, $decide, $firstContact, $outcomeReport, $repeat, $met, $ended)
            ON CONFLICT (pseudonym) DO UPDATE SET
                acknowledge_due = coalesce(min(acknowledge_due, excluded.acknowledge_due), acknowledge_due, excluded.acknowledge_due),
                decide_due = coalesce(min(decide_due, excluded.decide_due), decide_due, excluded.decide_due),
                first_contact_due = coalesce(min(first_contact_due, excluded.first_contact_due), first_contact_due, excluded.first_contact_due),
                outcome_report_due = coalesce(min(outcome_report_due, excluded.outcome_report_due), outcome_report_due, excluded.outcome_report_due),
                outcome_repeat = coalesce(outcome_repeat, excluded.outcome_repeat),
                met = met | excluded.met,
                ended = max(ended, excluded.ended);
            """);
        var merged = ReviewReferral.Merge(null, e);
        upsert.Parameters.AddWithValue("$pseudonym", merged.Pseudonym);
        BindDimensions(
            upsert, merged.FromOfficeId, merged.ToOfficeId, merged.FromCountry, merged.ToCountry, merged.Kind, merged.Priority, merged.Gender, merged.Groups);
        foreach (var (kind, name) in DeadlineParameters)
        {
            upsert.Parameters.AddWithValue(name, (object?)merged.Started.FirstOrDefault(d => d.Kind == kind)?.DueAt.UtcTicks ?? DBNull.Value);
        }

        upsert.Parameters.AddWithValue("$repeat", (object?)merged.Started.FirstOrDefault(d => d.Kind == DeadlineKind.OutcomeReport)?.RepeatEveryDays ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$met", merged.Met.Aggregate(0, (bits, kind) => bits | (1 << (int)kind)));
        upsert.Parameters.AddWithValue("$ended", merged.Ended ? 1 : 0);
        upsert.ExecuteNonQuery();
    }

    private static void BindDimensions(
        SqliteCommand command, string fromOffice, string toOffice, string fromCountry, string toCountry, ReferralKind kind, Priority priority, GenderCategory gender, int groups)
    {
        command.Parameters.AddWithValue("$fromOffice", fromOffice);
        command.Parameters.AddWithValue("$toOffice", toOffice);
        command.Parameters.AddWithValue("$fromCountry", fromCountry);
        command.Parameters.AddWithValue("$toCountry", toCountry);
        command.Parameters.AddWithValue("$kind", Kebab<ReferralKind>.Name(kind));
        command.Parameters.AddWithValue("$priority", Kebab<Priority>.Name(priority));
        command.Parameters.AddWithValue("$gender", Kebab<GenderCategory>.Name(gender));
        command.Parameters.AddWithValue("$groups", groups);
    }

    private static void Bind(SqliteCommand command, ReviewQuery query)
    {
        command.Parameters.AddWithValue("$from", query.FromPeriod);
        command.Parameters.AddWithValue("$to", query.ToPeriod);
        command.Parameters.AddWithValue("$country", (object?)query.Country ?? DBNull.Value);
        command.Parameters.AddWithValue("$office", (object?)query.OfficeId ?? DBNull.Value);
        command.Parameters.AddWithValue("$fromCountry", (object?)query.FromCountry ?? DBNull.Value);
        command.Parameters.AddWithValue("$toCountry", (object?)query.ToCountry ?? DBNull.Value);
        command.Parameters.AddWithValue("$kind", query.Kind is { } kind ? Kebab<ReferralKind>.Name(kind) : DBNull.Value);
        command.Parameters.AddWithValue("$priority", query.Priority is { } priority ? Kebab<Priority>.Name(priority) : DBNull.Value);
    }

    private static ReviewedEvent ReadEvent(SqliteDataReader reader) =>
        new(
            Guid.Parse(reader.GetString(1)),
            reader.GetString(2),
            Parse<ReferralKind>(reader.GetString(3)),
            Parse<Priority>(reader.GetString(4)),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetString(8),
            Parse<ReferralAction>(reader.GetString(9)),
            Parse<ReferralStatus>(reader.GetString(10)),
            new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
            reader.IsDBNull(11) ? null : new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero),
            reader.IsDBNull(12) ? null : reader.GetInt64(12) == 1,
            reader.GetInt64(13) == 1,
            reader.GetString(14));

    private static ReviewReferral ReadReferral(SqliteDataReader reader)
    {
        var started = DeadlineParameters
            .Where(d => !reader.IsDBNull(9 + (int)d.Kind))
            .Select(d => new EventDeadline(
                d.Kind,
                new DateTimeOffset(reader.GetInt64(9 + (int)d.Kind), TimeSpan.Zero),
                d.Kind == DeadlineKind.OutcomeReport && !reader.IsDBNull(13) ? reader.GetInt32(13) : null))
            .ToArray();
        var met = reader.GetInt32(14);
        return new ReviewReferral(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            Parse<ReferralKind>(reader.GetString(5)), Parse<Priority>(reader.GetString(6)), Parse<GenderCategory>(reader.GetString(7)), reader.GetInt32(8),
            started, Enum.GetValues<DeadlineKind>().Where(k => (met & (1 << (int)k)) != 0).ToArray(), reader.GetInt32(15) == 1);
    }

    private static T Parse<T>(string name)
        where T : struct, Enum =>
        Kebab<T>.TryParse(name, out var value) ? value : throw new InvalidDataException($"A stored review value '{name}' is not a known {typeof(T).Name}.");
}
