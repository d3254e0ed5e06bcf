using System.Reflection;

namespace LegalAidReferral.Core.Triage;

/// <summary>
/// Every explanation code the evaluator emits. Each is a key of every language file in
/// <c>Triage/Explanations</c>; <see cref="All"/> lets a test prove that no language lacks one.
/// </summary>
public static class ExplanationCodes
{
    public const string JurisdictionServed = "jurisdiction.served";
    public const string JurisdictionLocationUnknown = "jurisdiction.location-unknown";
    public const string JurisdictionOutsideCountries = "jurisdiction.outside-countries";
    public const string JurisdictionLocalityUnknown = "jurisdiction.locality-unknown";
    public const string JurisdictionOutsideLocalities = "jurisdiction.outside-localities";
    public const string MandateCovered = "mandate.covered";
    public const string MandateNotCovered = "mandate.not-covered";
    public const string MeansTestNotApplicable = "means-test.not-applicable";
    public const string MeansTestWaived = "means-test.waived";
    public const string MeansTestHouseholdMissing = "means-test.household-missing";
    public const string MeansTestIncomeMissing = "means-test.income-missing";
    public const string MeansTestCurrencyMismatch = "means-test.currency-mismatch";
    public const string MeansTestWithinThreshold = "means-test.within-threshold";
    public const string MeansTestAboveThreshold = "means-test.above-threshold";
    public const string ConflictNotChecked = "conflict.not-checked";
    public const string ConflictNone = "conflict.none";
    public const string ConflictPotential = "conflict.potential";
    public const string ConflictConfirmed = "conflict.confirmed";
    public const string PriorityDefault = "priority-reason.default";
    public const string PriorityVulnerability = "priority-reason.vulnerability";
    public const string PriorityHearingWithin = "priority-reason.hearing-within";
    public const string PriorityDetainedWithin = "priority-reason.detained-within";
    public const string PriorityDeadlineWithin = "priority-reason.deadline-within";

    public static IReadOnlyList<string> All { get; } = typeof(ExplanationCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
