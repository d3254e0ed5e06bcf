using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// A <c>[TimerTrigger]</c> schedule read as the Azure Functions timer extension reads it: each
/// <c>%Name%</c> replaced by that setting, then a six-field NCRONTAB expression (with seconds) parsed by
/// NCrontab. Occurrences are in UTC, Azure's default time zone.
/// </summary>
public sealed partial class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    private readonly CrontabSchedule cron;

    private TimerSchedule(string expression, CrontabSchedule cron)
    {
        Expression = expression;
        this.cron = cron;
    }

    /// <summary>The expression after settings were put in.</summary>
    public string Expression { get; }

    /// <exception cref="StartupRefusedException">The schedule names a missing setting, is a TimeSpan, or is not NCRONTAB.</exception>
    public static TimerSchedule Parse(string functionName, string schedule, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = Setting().Replace(schedule, match =>
            configuration[match.Groups[1].Value] is { Length: > 0 } value
                ? value
                : throw new StartupRefusedException(
                    $"Timer function {functionName}: its schedule names the setting {match.Value}, which is not set."));
        if (CrontabSchedule.TryParse(expression, WithSeconds) is { } cron)
        {
            return new TimerSchedule(expression, cron);
        }

        var why = TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out _)
            ? "is a TimeSpan, which the Azure Functions Consumption plan does not allow"
            : "is not an NCRONTAB expression";
        throw new StartupRefusedException(
            $"Timer function {functionName}: the schedule '{expression}' {why}. " +
            "Write six fields, second minute hour day month day-of-week, e.g. '0 */5 * * * *'.");
    }

    /// <summary>The first occurrence strictly after <paramref name="time"/> (whole seconds).</summary>
    public DateTimeOffset NextAfter(DateTimeOffset time) =>
        new(DateTime.SpecifyKind(cron.GetNextOccurrence(time.UtcDateTime), DateTimeKind.Utc));

    /// <summary>
    /// Whether more than one occurrence falls within a minute of <paramref name="time"/>: Azure then
    /// assumes a sub-minute schedule and keeps no schedule status for it.
    /// </summary>
    public bool IsSubMinuteAt(DateTimeOffset time) =>
        cron.GetNextOccurrences(time.UtcDateTime, time.UtcDateTime.AddMinutes(1)).Skip(1).Any();

    [GeneratedRegex("%([^%]+)%", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
