using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Time;

/// <summary>
/// The network's offices and their calendars, read once per session from the API. The reads
/// themselves are remembered, not only their results: a page of 100 cases renders 100 times at once,
/// and they all wait for the same two requests instead of sending their own.
/// </summary>
public sealed class OfficeDirectory(ConsoleApi api)
{
    private readonly Dictionary<string, Task<BusinessCalendar>> _calendars = [];
    private Task<IReadOnlyList<Office>>? _offices;

    public Task<IReadOnlyList<Office>> OfficesAsync() => _offices ??= ReadOfficesAsync();

    public async Task<string> NameAsync(string officeId) =>
        (await OfficesAsync()).FirstOrDefault(o => o.Id == officeId)?.Name ?? officeId;

    public Task<BusinessCalendar> CalendarAsync(string officeId)
    {
        if (!_calendars.TryGetValue(officeId, out var calendar))
        {
            calendar = ReadCalendarAsync(officeId);
            _calendars[officeId] = calendar;
        }

        return calendar;
    }

    /// <summary>Forgets a calendar after its settings changed.</summary>
    public void Forget(string officeId) => _calendars.Remove(officeId);

    private async Task<IReadOnlyList<Office>> ReadOfficesAsync() => (await api.ListOfficesAsync()).Value?.Items ?? [];

    private async Task<BusinessCalendar> ReadCalendarAsync(string officeId)
    {
        var office = (await OfficesAsync()).FirstOrDefault(o => o.Id == officeId);
        var zone = office is null ? TimeZoneInfo.Utc : FindZone(office.TimeZone);
        var protocol = (await api.GetProtocolAsync(officeId)).Value;
        return protocol is null
            ? BusinessCalendar.Utc with { TimeZone = zone }
            : new BusinessCalendar(
                zone,
                protocol.Weekend.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet(),
                protocol.Holidays.Select(h => DateOnly.Parse(h.Date, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
