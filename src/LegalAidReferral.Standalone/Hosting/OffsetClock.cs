namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// The system clock moved by a fixed offset (<c>--dev-clock-offset</c>), so a development host can be
/// started days later than now, for instance to see referral deadlines missed. Timers still wait in
/// real time: only the time the host reads is moved.
/// </summary>
public sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
