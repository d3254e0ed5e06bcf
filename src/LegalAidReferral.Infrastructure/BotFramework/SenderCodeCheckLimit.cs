using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Cases;
using Microsoft.Extensions.Logging;

namespace LegalAidReferral.Infrastructure.BotFramework;

/// <summary>
/// A fixed window per sender (the channel and the activity's <c>from.id</c>, across conversations) on the host's
/// <see cref="TimeProvider"/>: <see cref="ChatOptions.MaxCodeChecksPerSender"/> code checks per
/// <see cref="ChatOptions.CodeCheckWindow"/>. Per instance, in memory: a scaled-out app admits that much per
/// instance, and a restart forgets the counts. Senders are kept by a hash of their account, and windows that are
/// over are dropped once there are many. The first refusal of a window is logged, without the sender.
/// </summary>
public sealed partial class SenderCodeCheckLimit(TimeProvider clock, ILogger<SenderCodeCheckLimit> logger) : ICodeCheckLimit
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public bool TryAdmit(ChatAddress sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var now = clock.GetUtcNow();
        if (windows.Count > PruneAbove)
        {
            Prune(now);
        }

        var window = windows.GetOrAdd(KeyOf(sender), _ => new Window(now));
        lock (window)
        {
            if (window.IsOver(now))
            {
                window.Start = now;
                window.Checks = 0;
                window.Reported = false;
            }

            if (window.Checks < ChatOptions.MaxCodeChecksPerSender)
            {
                window.Checks++;
                return true;
            }

            if (!window.Reported)
            {
                window.Reported = true;
                LogRefused(logger, ChatOptions.MaxCodeChecksPerSender, ChatOptions.CodeCheckWindow.TotalMinutes);
            }

            return false;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in windows)
        {
            lock (window)
            {
                if (window.IsOver(now))
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
    }

    private static string KeyOf(ChatAddress sender) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sender.ChannelId}\n{sender.UserId}")));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat code checks refused: a sender made more than {MaxChecks} in {WindowMinutes} minutes")]
    private static partial void LogRefused(ILogger logger, int maxChecks, double windowMinutes);

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Checks { get; set; }

        public bool Reported { get; set; }

        public bool IsOver(DateTimeOffset now) => now - Start >= ChatOptions.CodeCheckWindow;
    }
}
