using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Time;

/// <summary>
/// The network's offices and their calendars, read once per session from the API. The reads
/// themselves are remembered, not only their results: a page of 100 cases renders 100 times at once,
/// and they all wait for the same two requests instead of sending their own. A read that never reached
/// the API (or met a server error) is not kept: the next use reads again, so one lost request does not
/// leave the session with office ids for names and UTC for time zones.
/// </summary>
public sealed class OfficeDirectory(ConsoleApi api)
{
    private readonly Dictionary<string, Task<(BusinessCalendar Calendar, bool Lasting)>> _calendars = [];
    private Task<ApiResult<OfficePage>>? _offices;

    public async Task<IReadOnlyList<Office>> OfficesAsync() => (await ReadOfficesAsync()).Value?.Items ?? [];

    public async Task<string> NameAsync(string officeId) =>
        (await OfficesAsync()).FirstOrDefault(o => o.Id == officeId)?.Name ?? officeId;

    public async Task<BusinessCalendar> CalendarAsync(string officeId)
    {
        if (!_calendars.TryGetValue(officeId, out var calendar) || calendar is { IsCompleted: true, Result.Lasting: false })
        {
            calendar = ReadCalendarAsync(officeId);
            _calendars[officeId] = calendar;
        }

        return (await calendar).Calendar;
    }

    /// <summary>Forgets a calendar after its settings changed.</summary>
    public void Forget(string officeId) => _calendars.Remove(officeId);

    /// <summary>An answer of the API to keep: anything but no answer at all or a server error.</summary>
    private static bool Lasting<T>(ApiResult<T> result) => result.Status is > 0 and < 500;

    private Task<ApiResult<OfficePage>> ReadOfficesAsync()
    {
        if (_offices is null || _offices is { IsCompleted: true } && !Lasting(_offices.Result))
        {
            _offices = api.ListOfficesAsync();
        }

        return _offices;
    }

    private async Task<(BusinessCalendar Calendar, bool Lasting)> ReadCalendarAsync(string officeId)
    {
        var offices = await ReadOfficesAsync();
        var office = offices.Value?.Items.FirstOrDefault(o => o.Id == officeId);
        var zone = office is null ? TimeZoneInfo.Utc : FindZone(office.TimeZone);
        var read = await api.GetProtocolAsync(officeId);
        var lasting = Lasting(offices) && Lasting(read);
        return read.Value is not { } protocol
            ? (BusinessCalendar.Utc with { TimeZone = zone }, lasting)
            : (new BusinessCalendar(
                zone,
                protocol.Weekend.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true)).ToHashSet(),
                protocol.Holidays.Select(h => DateOnly.Parse(h.Date, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()), lasting);
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
