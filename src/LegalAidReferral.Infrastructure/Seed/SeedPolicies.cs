using System.Text.Json;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Infrastructure.Seed;

/// <summary>
/// The triage policy each seed office starts with, from the embedded <c>Seed/Policies/{officeId}.json</c>.
/// Every seed office must have one, and each must pass <see cref="TriagePolicyValidator"/>: a bad file
/// stops the start with the office and the field named, instead of triaging cases wrongly later.
/// </summary>
public static class SeedPolicies
{
    private const string Prefix = "Policies/";

    public static IReadOnlyList<TriagePolicy> Load(IEnumerable<string> officeIds)
    {
        ArgumentNullException.ThrowIfNull(officeIds);
        var assembly = typeof(SeedPolicies).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var policies = new List<TriagePolicy>();
        foreach (var officeId in officeIds)
        {
            var name = $"{Prefix}{officeId}.json";
            if (!files.Remove(name))
            {
                throw new InvalidDataException($"Seed office '{officeId}' has no triage policy file 'Seed/Policies/{officeId}.json'.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            policies.Add(Parse(officeId, reader.ReadToEnd()));
        }

        if (files.Count > 0)
        {
            throw new InvalidDataException($"Triage policy files without a seed office: {string.Join(", ", files.Order(StringComparer.Ordinal))}.");
        }

        return policies;
    }

    /// <exception cref="InvalidDataException">The JSON is malformed or the policy is invalid; the message names the office and the field.</exception>
    public static TriagePolicy Parse(string officeId, string json)
    {
        TriagePolicyInput? input;
        try
        {
            input = JsonSerializer.Deserialize<TriagePolicyInput>(json, WireJson.StrictInput);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The triage policy of seed office '{officeId}' is not valid at '{WireJson.FieldOf(e)}': {e.Message}", e);
        }

        var policy = TriagePolicyValidator.Validate(input, officeId, 1, null, null);
        if (!policy.IsSuccess)
        {
            var (field, messages) = policy.Failure.Errors!.First();
            throw new InvalidDataException($"The triage policy of seed office '{officeId}' has an invalid '{field}': {string.Join(" ", messages)}");
        }

        return policy.Value;
    }
}
