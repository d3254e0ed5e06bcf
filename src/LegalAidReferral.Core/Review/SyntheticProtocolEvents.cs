using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Referrals;
using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// Synthetic protocol-event streams for demos, tests and benchmarks: referral lifecycles along the
/// network's migration corridors, with plausible delays, missed deadlines, declines, revokes,
/// overrides and categories. Every referral pseudonym starts with <see cref="Marker"/>, so a
/// synthetic event can never be mistaken for a real one. Deterministic for a seed.
/// </summary>
public sealed class SyntheticProtocolEvents(int seed)
{
    public const string Marker = "synthetic-";

    /// <summary>Offices along the corridors (id, country), from the seed directory; the first ones send most.</summary>
    public static IReadOnlyList<(string OfficeId, string Country)> Offices { get; } =
    [
        ("gt-idpp-guatemala", "GT"), ("mx-ifdp-tapachula", "MX"), ("hn-dndp-san-pedro-sula", "HN"), ("gt-idpp-quetzaltenango", "GT"),
        ("mx-ifdp-ciudad-juarez", "MX"), ("cr-dp-san-jose", "CR"), ("ni-dp-managua", "NI"), ("do-ondp-santo-domingo", "DO"),
        ("br-dpu-brasilia", "BR"), ("cl-dpp-santiago", "CL"),
    ];

    private static readonly string[] NotSuccessfulReasons =
        ["client-refused-services", "lack-of-capacity", "services-no-longer-needed", "unable-to-contact-client", "unable-to-contact-office", "other"];

    /// <summary>Decline codes, weighted as an office might use them; null is a decline recorded before codes existed.</summary>
    private static readonly string?[] DeclineCodes =
        ["no-capacity", "no-capacity", "no-capacity", "outside-mandate", "outside-mandate", "conflict-of-interest", "client-unreachable", "client-unreachable", "other", null];

    private readonly Random random = new(seed);

    /// <summary>
    /// The events of <paramref name="referrals"/> referrals sent between <paramref name="start"/> and
    /// <paramref name="start"/> + <paramref name="span"/>, in the order they occurred; steps that would
    /// come after <paramref name="now"/> have not happened yet.
    /// </summary>
    public IReadOnlyList<ProtocolEvent> Generate(int referrals, DateTimeOffset start, TimeSpan span, DateTimeOffset now)
    {
        var events = new List<ProtocolEvent>(referrals * 6);
        for (var i = 0; i < referrals; i++)
        {
            var sentAt = start + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks));
            events.AddRange(Lifecycle(i, sentAt).TakeWhile(e => e.OccurredAt <= now));
        }

        events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return events;
    }

    private IEnumerable<ProtocolEvent> Lifecycle(int index, DateTimeOffset sentAt)
    {
        var from = Offices[Skewed(Offices.Count)];
        var to = Offices[random.Next(Offices.Count)];
        while (to.OfficeId == from.OfficeId)
        {
            to = Offices[random.Next(Offices.Count)];
        }

        var priority = Pick((Priority.Critical, 0.08), (Priority.High, 0.22), (Priority.Normal, 0.6), (Priority.Low, 0.1));
        var kind = Pick(
            (ReferralKind.Representation, 0.5), (ReferralKind.Documents, 0.15), (ReferralKind.SocialReport, 0.1), (ReferralKind.PowerOfAttorney, 0.08),
            (ReferralKind.CaseLaw, 0.05), (ReferralKind.ApplicableLaw, 0.07), (ReferralKind.Other, 0.05));
        var gender = Pick((GenderCategory.Female, 0.46), (GenderCategory.Male, 0.44), (GenderCategory.Other, 0.02), (GenderCategory.NotStated, 0.08));
        var groups = new List<Vulnerability>();
        AddIf(groups, Vulnerability.UnaccompaniedMinor, 0.08);
        AddIf(groups, Vulnerability.Detained, 0.2);
        AddIf(groups, Vulnerability.TraffickingVictim, 0.04);
        AddIf(groups, gender == GenderCategory.Female ? Vulnerability.Pregnant : Vulnerability.Indigenous, 0.06);
        var ageBand = groups.Contains(Vulnerability.UnaccompaniedMinor) ? AgeBand.Child : Pick((AgeBand.Adult, 0.85), (AgeBand.Child, 0.05), (AgeBand.NotStated, 0.1));
        var overridden = random.NextDouble() < 0.05;
        var critical = priority == Priority.Critical;
        var pseudonym = $"{Marker}{seed:x8}-{index:x8}";
        var step = 0;

        ProtocolEvent Event(ReferralAction action, ReferralStatus status, DateTimeOffset at, DeadlineKind? meets, DateTimeOffset? startedAt, DateTimeOffset? dueAt,
            IReadOnlyList<EventDeadline> starts, bool? successful = null, string? reason = null) =>
            new(
                Id(index, step++), pseudonym, kind, priority, from.OfficeId, to.OfficeId, from.Country, to.Country, action, status, at, dueAt,
                dueAt is { } due ? at < due : null, overridden, gender, ageBand, groups, meets, startedAt, starts, successful, reason);

        var ackDue = sentAt + (critical ? TimeSpan.FromHours(24) : TimeSpan.FromDays(2.8));
        var decideDue = sentAt + (critical ? TimeSpan.FromHours(48) : TimeSpan.FromDays(7));
        yield return Event(ReferralAction.Send, ReferralStatus.Sent, sentAt, null, null, null,
            [new(DeadlineKind.Acknowledge, ackDue, null), new(DeadlineKind.Decide, decideDue, null)]);

        if (random.NextDouble() < 0.04)
        {
            yield return Event(ReferralAction.Revoke, ReferralStatus.Revoked, sentAt + Hours(2, 40), null, null, null, [], reason: random.NextDouble() < 0.5 ? ReferralStep.ConsentWithdrawnReason : null);
            yield break;
        }

        if (random.NextDouble() < 0.03)
        {
            yield break; // never acknowledged: overdue
        }

        var ackAt = sentAt + Hours(0.5, critical ? 30 : 80);
        yield return Event(ReferralAction.Acknowledge, ReferralStatus.Acknowledged, ackAt, DeadlineKind.Acknowledge, sentAt, ackDue, []);
        var decidedAt = ackAt + Hours(1, critical ? 30 : 110);
        if (random.NextDouble() < 0.12)
        {
            yield return Event(ReferralAction.Decline, ReferralStatus.Declined, decidedAt, DeadlineKind.Decide, sentAt, decideDue, [],
                reason: DeclineCodes[random.Next(DeclineCodes.Length)]);
            yield return Event(ReferralAction.Close, ReferralStatus.Closed, decidedAt + Hours(1, 200), null, null, null, []);
            yield break;
        }

        var contactDue = decidedAt + (critical ? TimeSpan.FromHours(24) : TimeSpan.FromDays(4.2));
        var outcomeDue = decidedAt + TimeSpan.FromDays(30);
        yield return Event(ReferralAction.Accept, ReferralStatus.Accepted, decidedAt, DeadlineKind.Decide, sentAt, decideDue,
            [new(DeadlineKind.FirstContact, contactDue, null), new(DeadlineKind.OutcomeReport, outcomeDue, 30)]);
        var assignedAt = decidedAt + Hours(0.2, 24);
        yield return Event(ReferralAction.Assign, ReferralStatus.Assigned, assignedAt, null, null, null, []);
        if (random.NextDouble() < 0.04)
        {
            yield break; // no first contact yet: overdue
        }

        var contactAt = assignedAt + Hours(1, critical ? 30 : 110);
        yield return Event(ReferralAction.FirstContact, ReferralStatus.InProgress, contactAt, DeadlineKind.FirstContact, decidedAt, contactDue, []);
        var outcomeAt = contactAt + Hours(24, 24 * 50);
        var successful = random.NextDouble() < 0.78;
        yield return Event(ReferralAction.Outcome, ReferralStatus.Completed, outcomeAt, DeadlineKind.OutcomeReport, decidedAt, outcomeDue, [], successful,
            successful ? null : NotSuccessfulReasons[random.Next(NotSuccessfulReasons.Length)]);
        yield return Event(ReferralAction.Close, ReferralStatus.Closed, outcomeAt + Hours(1, 300), null, null, null, []);
    }

    private Guid Id(int referral, int step)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[4..], referral);
        BitConverter.TryWriteBytes(bytes[8..], step);
        bytes[12] = 0x5e;
        return new Guid(bytes);
    }

    /// <summary>A delay between the bounds, skewed toward the short end as real response times are.</summary>
    private TimeSpan Hours(double min, double max) => TimeSpan.FromHours(min + ((max - min) * Math.Pow(random.NextDouble(), 2)));

    private int Skewed(int count) => (int)(count * Math.Pow(random.NextDouble(), 1.8));

    private T Pick<T>(params (T Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private void AddIf(List<Vulnerability> groups, Vulnerability group, double chance)
    {
        if (random.NextDouble() < chance)
        {
            groups.Add(group);
        }
    }
}
