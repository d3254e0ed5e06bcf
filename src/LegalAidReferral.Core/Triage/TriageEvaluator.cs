using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Conflicts;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// Applies a policy to a case: every criterion, the decision and the priority. Pure: the same inputs
/// always give the same result, and nothing is allocated but the result itself.
/// </summary>
public static class TriageEvaluator
{
    public static TriageEvaluation Evaluate(
        CompiledTriagePolicy policy, ReferralDirectory directory, CaseDetails details, ConflictOutcome? conflict, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(details);

        var issues = IssueMask.Of(details.LegalIssues);
        var vulnerabilities = IssueMask.Of(details.Vulnerabilities);
        var criteria = policy.Criteria;
        var outcomes = new CriterionOutcome[criteria.Length];
        bool outsideOffice = false, meansFailed = false, conflictFailed = false, missing = false;
        for (var i = 0; i < criteria.Length; i++)
        {
            var criterion = criteria[i];
            var (status, code, arguments) = criterion.Kind switch
            {
                TriageCriterionKind.Jurisdiction => Jurisdiction(criterion, details.Client.CurrentLocation),
                TriageCriterionKind.Mandate => (criterion.Mandate & issues) != 0
                    ? (CriterionStatus.Passed, ExplanationCodes.MandateCovered, default)
                    : (CriterionStatus.Failed, ExplanationCodes.MandateNotCovered, default(ExplanationArguments)),
                TriageCriterionKind.MeansTest => MeansTest(criterion, details.Household, issues, vulnerabilities),
                _ => Conflict(conflict),
            };
            outcomes[i] = new CriterionOutcome(criterion.Id, criterion.Kind, status, code, arguments);
            missing |= status == CriterionStatus.NeedsInformation;
            if (status == CriterionStatus.Failed)
            {
                outsideOffice |= criterion.Kind is TriageCriterionKind.Jurisdiction or TriageCriterionKind.Mandate;
                meansFailed |= criterion.Kind == TriageCriterionKind.MeansTest;
                conflictFailed |= criterion.Kind == TriageCriterionKind.ConflictOfInterest;
            }
        }

        var (priority, reasons) = Prioritize(policy, details, vulnerabilities, today);
        var referral = policy.Policy.Referral;
        string[] recommended = [];
        TriageDecision decision;
        if (outsideOffice)
        {
            // The client's current country decides where help is possible: a client who moved on is referred there.
            if (referral.RecommendOffices && details.Client.CurrentLocation is { } location)
            {
                recommended = directory.Recommend(location.Country, issues, policy.Policy.OfficeId, policy.HomeCountry, referral.MaxOffices);
            }

            decision = recommended.Length > 0 ? TriageDecision.Refer : TriageDecision.NotEligible;
        }
        else if (meansFailed)
        {
            decision = TriageDecision.NotEligible;
        }
        else if (conflictFailed)
        {
            if (referral.RecommendOffices)
            {
                recommended = directory.Recommend(policy.HomeCountry, issues, policy.Policy.OfficeId, policy.HomeCountry, referral.MaxOffices);
            }

            decision = recommended.Length > 0 ? TriageDecision.Refer : TriageDecision.NotEligible;
        }
        else
        {
            decision = missing ? TriageDecision.NeedsInformation : TriageDecision.Eligible;
        }

        return new TriageEvaluation(decision, priority, outcomes, reasons, recommended);
    }

    private static (CriterionStatus, string, ExplanationArguments) Jurisdiction(CompiledTriagePolicy.Criterion criterion, Location? location)
    {
        if (location is null)
        {
            return (CriterionStatus.NeedsInformation, ExplanationCodes.JurisdictionLocationUnknown, default);
        }

        var arguments = new ExplanationArguments { Country = location.Country };
        if (!criterion.Countries.Contains(location.Country))
        {
            return (CriterionStatus.Failed, ExplanationCodes.JurisdictionOutsideCountries, arguments);
        }

        if (criterion.Localities.Count == 0)
        {
            return (CriterionStatus.Passed, ExplanationCodes.JurisdictionServed, arguments);
        }

        if (location.Locality is null)
        {
            return (CriterionStatus.NeedsInformation, ExplanationCodes.JurisdictionLocalityUnknown, arguments);
        }

        return criterion.Localities.Contains(location.Locality)
            ? (CriterionStatus.Passed, ExplanationCodes.JurisdictionServed, arguments)
            : (CriterionStatus.Failed, ExplanationCodes.JurisdictionOutsideLocalities, arguments);
    }

    private static (CriterionStatus, string, ExplanationArguments) MeansTest(
        CompiledTriagePolicy.Criterion criterion, Household? household, uint issues, uint vulnerabilities)
    {
        if (criterion.Scope != 0 && (criterion.Scope & issues) == 0)
        {
            return (CriterionStatus.NotApplicable, ExplanationCodes.MeansTestNotApplicable, default);
        }

        // A waiver comes before missing data: a waived client need not be asked about income at all.
        if ((criterion.Waivers & vulnerabilities) is var waived and not 0)
        {
            return (CriterionStatus.Passed, ExplanationCodes.MeansTestWaived, new ExplanationArguments { Vulnerability = IssueMask.FirstVulnerability(waived) });
        }

        if (household is null)
        {
            return (CriterionStatus.NeedsInformation, ExplanationCodes.MeansTestHouseholdMissing, default);
        }

        if (household.MonthlyIncome is not { } income)
        {
            return (CriterionStatus.NeedsInformation, ExplanationCodes.MeansTestIncomeMissing, new ExplanationArguments { HouseholdSize = household.Size });
        }

        if (!string.Equals(household.Currency, criterion.Currency, StringComparison.Ordinal))
        {
            return (CriterionStatus.NeedsInformation, ExplanationCodes.MeansTestCurrencyMismatch, new ExplanationArguments { Currency = criterion.Currency });
        }

        var threshold = criterion.ThresholdFor(household.Size);
        var arguments = new ExplanationArguments { Currency = criterion.Currency, Threshold = threshold, HouseholdSize = household.Size };
        return income <= threshold
            ? (CriterionStatus.Passed, ExplanationCodes.MeansTestWithinThreshold, arguments)
            : (CriterionStatus.Failed, ExplanationCodes.MeansTestAboveThreshold, arguments);
    }

    private static (CriterionStatus, string, ExplanationArguments) Conflict(ConflictOutcome? conflict) => conflict switch
    {
        ConflictOutcome.None => (CriterionStatus.Passed, ExplanationCodes.ConflictNone, default),
        ConflictOutcome.Potential => (CriterionStatus.NeedsInformation, ExplanationCodes.ConflictPotential, default),
        ConflictOutcome.Confirmed => (CriterionStatus.Failed, ExplanationCodes.ConflictConfirmed, default),
        _ => (CriterionStatus.NeedsInformation, ExplanationCodes.ConflictNotChecked, default),
    };

    private static (Priority, Explanation[]) Prioritize(CompiledTriagePolicy policy, CaseDetails details, uint vulnerabilities, DateOnly today)
    {
        CompiledTriagePolicy.Rule? winner = null;
        foreach (var rule in policy.Rules)
        {
            if ((winner is null || rule.Priority < winner.Priority) && Matches(rule, details.KeyDates, vulnerabilities, today))
            {
                winner = rule;
            }
        }

        return winner is null ? (policy.Policy.DefaultPriority, policy.DefaultReasons) : (winner.Priority, Reasons(winner, vulnerabilities));
    }

    private static bool Matches(CompiledTriagePolicy.Rule rule, KeyDates dates, uint vulnerabilities, DateOnly today)
    {
        if (rule.Vulnerabilities != 0 && (rule.Vulnerabilities & vulnerabilities) == 0)
        {
            return false;
        }

        if (rule.HearingWithinDays is { } hearingDays && !Within(today, dates.HearingDate, hearingDays))
        {
            return false;
        }

        if (rule.DetainedWithinDays is { } detainedDays && !Within(dates.DetentionDate, today, detainedDays))
        {
            return false;
        }

        if (rule.DeadlineWithinDays is { } deadlineDays)
        {
            var any = false;
            for (var i = 0; i < dates.Deadlines.Count; i++)
            {
                any |= Within(today, dates.Deadlines[i].Date, deadlineDays);
            }

            return any;
        }

        return true;
    }

    /// <summary>True when <paramref name="later"/> is from 0 to <paramref name="days"/> days after <paramref name="earlier"/>.</summary>
    private static bool Within(DateOnly? earlier, DateOnly? later, int days) =>
        earlier is { } from && later is { } to && to.DayNumber - from.DayNumber is var gap && gap >= 0 && gap <= days;

    private static Explanation[] Reasons(CompiledTriagePolicy.Rule rule, uint vulnerabilities)
    {
        var count = (rule.Vulnerabilities != 0 ? 1 : 0) + (rule.HearingWithinDays is null ? 0 : 1)
            + (rule.DetainedWithinDays is null ? 0 : 1) + (rule.DeadlineWithinDays is null ? 0 : 1);
        var reasons = new Explanation[count];
        var next = 0;
        if (rule.Vulnerabilities != 0)
        {
            var vulnerability = IssueMask.FirstVulnerability(rule.Vulnerabilities & vulnerabilities);
            reasons[next++] = new Explanation(ExplanationCodes.PriorityVulnerability, new ExplanationArguments { Priority = rule.Priority, Vulnerability = vulnerability });
        }

        if (rule.HearingWithinDays is { } hearing)
        {
            reasons[next++] = new Explanation(ExplanationCodes.PriorityHearingWithin, new ExplanationArguments { Priority = rule.Priority, Days = hearing });
        }

        if (rule.DetainedWithinDays is { } detained)
        {
            reasons[next++] = new Explanation(ExplanationCodes.PriorityDetainedWithin, new ExplanationArguments { Priority = rule.Priority, Days = detained });
        }

        if (rule.DeadlineWithinDays is { } deadline)
        {
            reasons[next] = new Explanation(ExplanationCodes.PriorityDeadlineWithin, new ExplanationArguments { Priority = rule.Priority, Days = deadline });
        }

        return reasons;
    }
}
