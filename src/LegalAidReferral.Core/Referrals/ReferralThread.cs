using System.Globalization;
using System.Text;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Identity;

namespace LegalAidReferral.Core.Referrals;

/// <summary>
/// The message thread of a referral (docs/referrals.md, "Thread"). Each office's copy holds the whole
/// thread, so a post is one write of the copy with its outbox message, like a step. Rules:
/// <list type="bullet">
/// <item>staff of either office post on their own copy in any status but <c>closed</c> and <c>revoked</c>
/// (409 invalid-transition), at most <see cref="MaxMessages"/> messages per copy and
/// <see cref="MaxTextBytesPerOffice"/> bytes of their own office's texts (409 conflict);</item>
/// <item>the other office's copy stores a message once (by id) in any status, never losing one posted
/// before the referral ended there, and sends a receipt back, which marks it delivered on the poster's copy;
/// it checks the text and the sender's share of the thread again, since the message may come from
/// another deployment, and rejects what a post here would have refused;</item>
/// <item>on a receiving copy whose shared values were withdrawn, every text is blanked and texts that
/// arrive later are stored blank.</item>
/// </list>
/// </summary>
public static class ReferralThread
{
    /// <summary>The most messages a copy takes a post at; each office posts at most this many.</summary>
    public const int MaxMessages = 200;

    public const int MaxText = FieldLimits.LongText;

    /// <summary>
    /// The most UTF-8 bytes of text one office's messages hold on a copy. A copy holds both offices'
    /// messages, so its texts stay under 1 MiB whatever the script (2,000 characters of three-byte
    /// letters are 6,000 bytes), and the copy well under Cosmos DB's 2 MB item limit.
    /// </summary>
    public const int MaxTextBytesPerOffice = 512 * 1024;

    /// <summary>Staff of either office post <paramref name="text"/> (already validated) on their office's copy.</summary>
    public static Result<ThreadPost> Post(Referral copy, Caller caller, Guid messageId, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller is not StaffCaller staff || staff.OfficeId != copy.HolderOfficeId)
        {
            return Failure.NotFound("referral");
        }

        if (copy.Status is ReferralStatus.Closed or ReferralStatus.Revoked)
        {
            return Failure.InvalidTransition($"A {Kebab<ReferralStatus>.Name(copy.Status)} referral takes no more messages.");
        }

        if (copy.Thread.Count >= MaxMessages)
        {
            return new Failure(FailureKind.Conflict, $"This referral's thread holds {MaxMessages} messages, the most it can hold.");
        }

        if (TextBytes(copy.Thread, copy.HolderOfficeId) + Encoding.UTF8.GetByteCount(text) > MaxTextBytesPerOffice)
        {
            return new Failure(FailureKind.Conflict, "This office's messages on the referral hold as much text as a thread can keep.");
        }

        var message = new ThreadMessage(messageId, copy.HolderOfficeId, staff.UserId, now, text, null, null, null);
        return new ThreadPost(copy with { Thread = [.. copy.Thread, message], UpdatedAt = now, Version = copy.Version + 1 }, message);
    }

    /// <summary>The other office's copy takes a posted message; the receipt's message tells the poster it arrived.</summary>
    public static Receipt Receive(Referral? copy, PostedMessage posted, Guid receiptId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (copy is null)
        {
            return new Receipt(ReceiptKind.NotYetApplicable, null, "The referral has not arrived yet.");
        }

        if (copy.Thread.Any(m => m.Id == posted.Id))
        {
            return new Receipt(ReceiptKind.Duplicate, null);
        }

        if (posted.ReferralId != copy.Id || posted.FromOfficeId != copy.OtherOfficeId)
        {
            return new Receipt(ReceiptKind.Rejected, null, "The message was not posted by the other office of this referral.");
        }

        if (Refused(copy, posted) is { } refused)
        {
            return new Receipt(ReceiptKind.Rejected, null, refused);
        }

        var withdrawnAt = copy.Package?.WithdrawnAt;
        var message = new ThreadMessage(posted.Id, posted.FromOfficeId, posted.AuthorId, posted.At, withdrawnAt is null ? posted.Text : null, null, now, withdrawnAt);
        var changed = copy with { Thread = [.. copy.Thread, message], UpdatedAt = now, Version = copy.Version + 1 };
        return new Receipt(ReceiptKind.Applied, changed) { Sends = [ReferralMessages.Of(changed, new MessageReceipt(copy.Id, posted.Id, now), receiptId)] };
    }

    /// <summary>The poster's copy takes the other office's receipt: the message is delivered.</summary>
    public static Receipt Confirm(Referral? copy, MessageReceipt receipt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (copy?.Thread.FirstOrDefault(m => m.Id == receipt.MessageId) is not { } message || message.FromOfficeId != copy.HolderOfficeId)
        {
            return new Receipt(ReceiptKind.Rejected, null, "This office posted no message with this id on the referral.");
        }

        if (message.DeliveredAt is not null)
        {
            return new Receipt(ReceiptKind.Duplicate, null);
        }

        var thread = copy.Thread.Select(m => m.Id == message.Id ? m with { DeliveredAt = receipt.ReceivedAt } : m).ToArray();
        return new Receipt(ReceiptKind.Applied, copy with { Thread = thread, UpdatedAt = now, Version = copy.Version + 1 });
    }

    /// <summary>The thread oldest first (by time, then id), paged; the token is the last entry's position.</summary>
    /// <exception cref="InvalidContinuationTokenException">The token was not issued here.</exception>
    public static Page<ThreadMessage> Read(Referral copy, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(page);
        var ordered = copy.Thread.OrderBy(m => m.At).ThenBy(m => m.Id);
        var after = page.ContinuationToken is { } token ? Position.Parse(token) : null;
        var items = (after is null ? ordered : ordered.Where(m => m.At > after.At || (m.At == after.At && m.Id.CompareTo(after.Id) > 0)))
            .Take(page.Limit + 1)
            .ToArray();
        return items.Length > page.Limit
            ? new Page<ThreadMessage>(items[..page.Limit], Position.Of(items[page.Limit - 1]))
            : new Page<ThreadMessage>(items, null);
    }

    /// <summary>Blanks every text of a receiving copy whose client withdrew the consent (see <see cref="Referral.Apply"/>).</summary>
    internal static IReadOnlyList<ThreadMessage> Withdrawn(IReadOnlyList<ThreadMessage> thread, DateTimeOffset at) =>
        thread.Select(m => m.TextWithdrawnAt is null ? m with { Text = null, TextWithdrawnAt = at } : m).ToArray();

    private static string? Refused(Referral copy, PostedMessage posted)
    {
        var (text, problem) = TextRule.Apply(posted.Text, MaxText, multiline: true);
        if (problem is not null || text!.Length == 0 || TextRule.Apply(posted.AuthorId, FieldLimits.UserId, multiline: false) is not ({ Length: > 0 }, null))
        {
            return "The message's text or author breaks the rules a post is checked against.";
        }

        var theirs = copy.Thread.Count(m => m.FromOfficeId == posted.FromOfficeId);
        return theirs >= MaxMessages || TextBytes(copy.Thread, posted.FromOfficeId) + Encoding.UTF8.GetByteCount(posted.Text) > MaxTextBytesPerOffice
            ? "The other office's messages on this referral already hold as much as a thread can keep."
            : null;
    }

    private static int TextBytes(IReadOnlyList<ThreadMessage> thread, string officeId) =>
        thread.Where(m => m.FromOfficeId == officeId && m.Text is not null).Sum(m => Encoding.UTF8.GetByteCount(m.Text!));

    private sealed record Position(DateTimeOffset At, Guid Id)
    {
        public static string Of(ThreadMessage last) =>
            ContinuationTokens.Encode($"{last.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.Id:D}");

        public static Position Parse(string token)
        {
            var parts = ContinuationTokens.Decode(token)?.Split(':');
            return parts is [var ticks, var id]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
                && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(id, "D", out var parsed)
                    ? new Position(new DateTimeOffset(utcTicks, TimeSpan.Zero), parsed)
                    : throw new InvalidContinuationTokenException();
        }
    }
}

/// <summary>A copy with a new message, and that message (for the outbox and the answer).</summary>
public sealed record ThreadPost(Referral Referral, ThreadMessage Message);
