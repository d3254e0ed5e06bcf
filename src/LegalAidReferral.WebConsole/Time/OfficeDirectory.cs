using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Time;

/// <summary>The network's offices and their calendars, read once per session from the API.</summary>
public sealed class OfficeDirectory(ConsoleApi api)
{
    private readonly Dictionary<string, BusinessCalendar> _calendars = [];
    private IReadOnlyList<Office>? _offices;

    public async Task<IReadOnlyList<Office>> OfficesAsync()
    {
        if (_offices is null)
        {
            var page = await api.ListOfficesAsync();
            _offices = page.Value?.Items ?? [];
        }

        return _offices;
    }

    public async Task<string> NameAsync(string officeId) =>
        (await OfficesAsync()).FirstOrDefault(o => o.Id == officeId)?.Name ?? officeId;

    public async Task<BusinessCalendar> CalendarAsync(string officeId)
    {
        if (_calendars.TryGetValue(officeId, out var known))
        {
            return known;
        }

        var office = (await OfficesAsync()).FirstOrDefault(o => o.Id == officeId);
        var zone = office is null ? TimeZoneInfo.Utc : FindZone(office.TimeZone);
        var protocol = (await api.GetProtocolAsync(officeId)).Value;
        var calendar = protocol is null
            ? BusinessCalendar.Utc with { TimeZone = zone }
            : new BusinessCalendar(
                zone,
                protocol.Weekend.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet(),
                protocol.Holidays.Select(h => DateOnly.Parse(h.Date, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
        _calendars[officeId] = calendar;
        return calendar;
    }

    /// <summary>Forgets a calendar after its settings changed.</summary>
    public void Forget(string officeId) => _calendars.Remove(officeId);

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
