using LegalAidReferral.Standalone.Hosting;
using Microsoft.Extensions.Configuration;

namespace LegalAidReferral.Functions.Tests.Hosting;

/// <summary>Schedules are read as the Azure Functions timer extension reads them; anything else refuses start-up.</summary>
public class TimerDiscoveryTests
{
    private static readonly IConfiguration NoSettings = new ConfigurationBuilder().Build();

    [Theory]
    [InlineData("0 */5 * * * *", "2026-12-01T00:02:30Z", "2026-12-01T00:05:00Z")]
    [InlineData("0 0 3 * * *", "2026-12-01T03:00:00Z", "2026-12-02T03:00:00Z")]
    [InlineData("30 15 9 * * 1-5", "2026-12-04T10:00:00Z", "2026-12-07T09:15:30Z")]
    public void Six_field_expressions_with_seconds_give_the_next_occurrence_in_UTC(string schedule, string after, string next)
    {
        var parsed = TimerSchedule.Parse("Test", schedule, NoSettings);

        Assert.Equal(DateTimeOffset.Parse(next), parsed.NextAfter(DateTimeOffset.Parse(after)));
    }

    [Theory]
    [InlineData("00:05:00", "is a TimeSpan, which the Azure Functions Consumption plan does not allow")]
    [InlineData("1.00:00:00", "is a TimeSpan")]
    [InlineData("*/5 * * * *", "is not an NCRONTAB expression")]
    [InlineData("0 */5 * * * * *", "is not an NCRONTAB expression")]
    [InlineData("every five minutes", "is not an NCRONTAB expression")]
    [InlineData("%Timers:Missing%", "names the setting %Timers:Missing%, which is not set")]
    public void Schedule_that_Azure_would_refuse_refuses_start_up_in_one_line(string schedule, string why)
    {
        var refused = Assert.Throws<StartupRefusedException>(() => TimerSchedule.Parse("Purge", schedule, NoSettings));

        Assert.StartsWith("Timer function Purge: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void Setting_named_in_the_schedule_is_read_from_configuration()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("Timers:Schedule", "0 0 * * * *")]).Build();

        var timer = Assert.Single(FunctionTimer.Discover([typeof(TestTimerFunctions.FromSetting)], settings));

        Assert.Equal("%Timers:Schedule%", timer.Trigger.Schedule);
        Assert.Equal("0 0 * * * *", timer.Schedule.Expression);
    }

    [Theory]
    [InlineData(typeof(TestTimerFunctions.EveryFiveMinutesAsTimeSpan), "is a TimeSpan")]
    [InlineData(typeof(TestTimerFunctions.WithUnboundParameter), "parameter 'name' of type String that the standalone host cannot bind")]
    public void Timer_function_the_host_cannot_serve_refuses_start_up(Type function, string why)
    {
        var refused = Assert.Throws<StartupRefusedException>(() => FunctionTimer.Discover([function], NoSettings));

        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }
}
