using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.Identity;

/// <summary>
/// Logs rejected bearer tokens: an expected event that anyone can cause at will, so at most one
/// Information line per kind of rejection per <see cref="Interval"/>, counting the ones held back.
/// A line names the kind (our reason, the exception type and IdentityModel's IDX code), never the
/// token or the exception's message, which can quote it.
/// </summary>
public sealed partial class RejectedTokenLog(ILogger<RejectedTokenLog> logger, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Keys come from a closed set (our reasons, exception types, IDX codes), so this stays small.
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void Record(string reason, Exception? failure)
    {
        var kind = failure is null ? "none" : $"{failure.GetType().Name}{(IdxCode().Match(failure.Message) is { Success: true } code ? " " + code.Value : string.Empty)}";
        var window = _windows.GetOrAdd($"{reason}|{kind}", _ => new Window());
        long heldBack;
        lock (window)
        {
            var now = clock.GetUtcNow();
            if (window.LoggedAt is { } last && now - last < Interval)
            {
                window.HeldBack++;
                return;
            }

            heldBack = window.HeldBack;
            window.HeldBack = 0;
            window.LoggedAt = now;
        }

        LogRejected(logger, reason, kind, heldBack, Interval.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bearer token rejected: {Reason} ({Kind}); {HeldBack} more of this kind were not logged in the last {IntervalSeconds} s")]
    private static partial void LogRejected(ILogger logger, string reason, string kind, long heldBack, double intervalSeconds);

    [GeneratedRegex(@"^IDX\d{5}")]
    private static partial Regex IdxCode();

    private sealed class Window
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public long HeldBack { get; set; }
    }
}
