using LegalAidReferral.Core.Referrals.Events;

namespace LegalAidReferral.Core.Review;

/// <summary>What recording one protocol event writes: the event (as listed), its cell and what it adds there.</summary>
public sealed record ReviewEntry(ProtocolEvent Event, ReviewedEvent Listed, CellKey Cell, CellCounts Counts)
{
    public static ReviewEntry Of(ProtocolEvent e, TimeZoneInfo zone)
    {
        var cell = CellKey.Of(e, zone);
        return new ReviewEntry(e, ReviewedEvent.Of(e, cell.Period), cell, CellCounts.Of(e));
    }
}
