using LegalAidReferral.Core.Referrals;

namespace LegalAidReferral.Core.Review;

/// <summary>
/// The times the review measures, each from the start of the deadline the step met to the step:
/// from sending to acknowledging and to deciding, from accepting to first contact and to the outcome.
/// </summary>
public enum Timing
{
    Acknowledge,
    Decide,
    FirstContact,
    Outcome,
}

public static class Timings
{
    public static Timing Of(DeadlineKind met) => met switch
    {
        DeadlineKind.Acknowledge => Timing.Acknowledge,
        DeadlineKind.Decide => Timing.Decide,
        DeadlineKind.FirstContact => Timing.FirstContact,
        _ => Timing.Outcome,
    };
}
