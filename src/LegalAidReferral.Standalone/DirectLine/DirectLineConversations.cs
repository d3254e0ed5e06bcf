using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using LegalAidReferral.Infrastructure.BotFramework;

namespace LegalAidReferral.Standalone.DirectLine;

/// <summary>
/// The conversations of the local Direct Line, in memory (a development endpoint: a restart ends them).
/// Each holds its activities in order; an activity's sequence number is the watermark a client polls
/// from. Bounded: beyond <see cref="MaxConversations"/> the oldest conversation goes (kept in the order they
/// started, so dropping one is constant work), and a conversation keeps its last activities within
/// <see cref="MaxActivities"/> and <see cref="MaxBytesPerConversation"/> of JSON (at least the last one). So at
/// most about 128 MB, however many tokens and activities clients send (docs/limits.md).
/// </summary>
public sealed class DirectLineConversations(TimeProvider time)
{
    public const int MaxConversations = 1000;
    public const int MaxActivities = 1000;
    public const int MaxBytesPerConversation = 128 * 1024;

    private readonly ConcurrentDictionary<string, Conversation> conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> byStart = new();

    /// <summary>The conversation, and whether this call created it.</summary>
    public (Conversation Conversation, bool Created) Open(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var created = false;
        var conversation = conversations.GetOrAdd(grant.ConversationId, id =>
        {
            created = true;
            return new Conversation(id, grant.UserId, time);
        });
        if (created)
        {
            byStart.Enqueue(conversation.Id);
            while (conversations.Count > MaxConversations && byStart.TryDequeue(out var oldest))
            {
                conversations.TryRemove(oldest, out _);
            }
        }

        return (conversation, created);
    }

    public Conversation? Find(string conversationId) => conversations.GetValueOrDefault(conversationId);

    public sealed class Conversation(string id, string userId, TimeProvider time)
    {
        private readonly List<(long Sequence, Activity Activity, int Bytes)> activities = [];
        private long sequence;
        private long bytes;
        private long lastTicks;

        public string Id { get; } = id;

        public string UserId { get; } = userId;

        public long StartedAt { get; } = time.GetTimestamp();

        /// <summary>
        /// Appends the user's activity (if any) and the bot's replies to it in one step, so they are
        /// consecutive and no poll sees the replies without the activity they answer. Each gets its id
        /// (<c>{conversation}|{sequence}</c>) and the time; the replies' <c>replyToId</c> is the user's
        /// activity's new id. Returns that id (or the first reply's when there is no user activity).
        /// </summary>
        public string Append(Activity? echo, IEnumerable<Activity> replies)
        {
            ArgumentNullException.ThrowIfNull(replies);
            var now = time.GetUtcNow();
            lock (activities)
            {
                string? echoId = null;
                if (echo is not null)
                {
                    echoId = Add(echo, now);
                }

                var first = echoId;
                foreach (var reply in replies)
                {
                    var id = Add(echoId is null ? reply : reply with { ReplyToId = echoId }, now);
                    first ??= id;
                }

                var drop = 0;
                while (activities.Count - drop > 1 && (activities.Count - drop > MaxActivities || bytes > MaxBytesPerConversation))
                {
                    bytes -= activities[drop++].Bytes;
                }

                activities.RemoveRange(0, drop);

                return first ?? "";
            }
        }

        /// <summary>Each activity at least a millisecond after the one before, so clients that order by timestamp (to the millisecond, as browsers parse it) keep the order.</summary>
        private string Add(Activity activity, DateTimeOffset now)
        {
            var id = $"{Id}|{++sequence:D7}";
            var at = Math.Max(now.UtcTicks, lastTicks + TimeSpan.TicksPerMillisecond);
            lastTicks = at;
            var timestamp = new DateTimeOffset(at, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var stamped = activity with { Id = id, Timestamp = timestamp };
            var size = JsonSerializer.SerializeToUtf8Bytes(stamped, ActivityJson.Options).Length;
            activities.Add((sequence, stamped, size));
            bytes += size;
            return id;
        }

        /// <summary>The activities after <paramref name="watermark"/>, in order, and the new watermark.</summary>
        public (IReadOnlyList<Activity> Activities, long Watermark) After(long watermark)
        {
            lock (activities)
            {
                var after = activities.Where(a => a.Sequence > watermark).ToArray();
                return ([.. after.Select(a => a.Activity)], after.Length > 0 ? after[^1].Sequence : Math.Max(watermark, 0));
            }
        }
    }
}
