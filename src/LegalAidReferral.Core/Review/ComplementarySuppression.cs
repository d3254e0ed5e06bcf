namespace LegalAidReferral.Core.Review;

/// <summary>
/// Makes small cells impossible to work out by subtraction. A report publishes breakdowns: a whole
/// and the parts it is the sum of (a total and its genders, its groups, a range and its months, sent
/// and its consent and override parts...). When exactly one count of a breakdown is withheld, the
/// others give it away; so that breakdown's smallest shown non-zero part is withheld too (the first
/// in the breakdown's order among equal ones; its whole when no part is left, which only a breakdown
/// that is not an exact sum can need), and so on until no breakdown has exactly one withheld count:
/// a count withheld to protect one breakdown can leave another with one.
/// </summary>
public static class ComplementarySuppression
{
    /// <param name="breakdowns">Each breakdown: the whole first, then its parts.</param>
    public static void Apply(IReadOnlyList<IReadOnlyList<ReportCount>> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var breakdown in breakdowns)
            {
                if (breakdown.Count(c => c.Withheld) != 1)
                {
                    continue;
                }

                var partner = breakdown.Skip(1).Where(c => c is { Withheld: false, Value: > 0 }).MinBy(c => c.Value)
                    ?? (breakdown[0] is { Withheld: false, Value: > 0 } whole ? whole : null);
                if (partner is not null)
                {
                    partner.Withhold();
                    changed = true;
                }
            }
        }
    }
}
