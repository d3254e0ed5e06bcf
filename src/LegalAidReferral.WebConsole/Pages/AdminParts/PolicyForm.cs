using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages.AdminParts;

/// <summary>
/// The triage policy as the form edits it: the criteria and priority rules as rows of fields, each
/// criterion with the fields of its kind (docs/triage.md). Turned into the API's request on save with
/// only the chosen kind's fields; nothing is checked here (the API reports every invalid field).
/// </summary>
public sealed partial class PolicyForm
{
    public string Description { get; set; } = "";
    public string? DefaultPriority { get; set; }
    public bool RecommendOffices { get; set; }
    public int MaxOffices { get; set; }
    public List<CriterionRow> Criteria { get; } = [];
    public List<RuleRow> PriorityRules { get; } = [];

    public sealed class CriterionRow
    {
        public string Id { get; set; } = "";
        public string? Kind { get; set; } = "jurisdiction";

        /// <summary>jurisdiction: ISO country codes, separated by commas.</summary>
        public string Countries { get; set; } = "";

        /// <summary>jurisdiction: one locality per line (a locality may contain a comma).</summary>
        public string Localities { get; set; } = "";

        public HashSet<string> LegalIssues { get; } = [];
        public string Currency { get; set; } = "";

        /// <summary>means-test: the threshold for a household of 1, 2, 3... in order.</summary>
        public List<AmountRow> Thresholds { get; } = [new()];

        public decimal? AdditionalMemberIncrement { get; set; }
        public HashSet<string> WaivedFor { get; } = [];
        public HashSet<string> AppliesToLegalIssues { get; } = [];
    }

    public sealed class AmountRow
    {
        public decimal? Amount { get; set; }
    }

    public sealed class RuleRow
    {
        public string Id { get; set; } = "";
        public string? Priority { get; set; } = "high";
        public HashSet<string> AnyVulnerability { get; } = [];
        public int? HearingWithinDays { get; set; }
        public int? DetainedWithinDays { get; set; }
        public int? DeadlineWithinDays { get; set; }
    }

    /// <summary>The field whose input shows an error: an item of a list edited in one input (<c>criteria[0].countries[1]</c>) shows at the list.</summary>
    public static string InputOf(string field) => ListItem().Match(field) is { Success: true } item ? item.Groups["list"].Value : field;

    public static PolicyForm From(TriagePolicy policy)
    {
        var form = new PolicyForm
        {
            Description = policy.Description ?? "",
            DefaultPriority = policy.DefaultPriority,
            RecommendOffices = policy.Referral.RecommendOffices,
            MaxOffices = policy.Referral.MaxOffices,
        };
        form.Criteria.AddRange(policy.Criteria.OfType<JsonObject>().Select(Criterion));
        form.PriorityRules.AddRange(policy.PriorityRules.OfType<JsonObject>().Select(Rule));
        return form;
    }

    public TriagePolicyRequest ToRequest() => new(
        string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        [.. Criteria.Select(Json)],
        [.. PriorityRules.Select(Json)],
        DefaultPriority ?? "",
        new ReferralSettings(RecommendOffices, MaxOffices));

    private static CriterionRow Criterion(JsonObject json)
    {
        var row = new CriterionRow
        {
            Id = Text(json, "id"),
            Kind = Text(json, "kind"),
            Countries = string.Join(", ", Strings(json, "countries")),
            Localities = string.Join('\n', Strings(json, "localities")),
            Currency = Text(json, "currency"),
            AdditionalMemberIncrement = json["additionalMemberIncrement"]?.GetValue<decimal>(),
        };
        row.LegalIssues.UnionWith(Strings(json, "legalIssues"));
        row.WaivedFor.UnionWith(Strings(json, "waivedFor"));
        row.AppliesToLegalIssues.UnionWith(Strings(json, "appliesToLegalIssues"));
        if (json["thresholds"] is JsonArray thresholds)
        {
            row.Thresholds.Clear();
            row.Thresholds.AddRange(thresholds.Select(t => new AmountRow { Amount = t?.GetValue<decimal>() }));
        }

        return row;
    }

    private static RuleRow Rule(JsonObject json)
    {
        var row = new RuleRow
        {
            Id = Text(json, "id"),
            Priority = Text(json, "priority"),
            HearingWithinDays = json["hearingWithinDays"]?.GetValue<int>(),
            DetainedWithinDays = json["detainedWithinDays"]?.GetValue<int>(),
            DeadlineWithinDays = json["deadlineWithinDays"]?.GetValue<int>(),
        };
        row.AnyVulnerability.UnionWith(Strings(json, "anyVulnerability"));
        return row;
    }

    /// <summary>A criterion with its kind's fields only: the API refuses another kind's fields.</summary>
    private static JsonObject Json(CriterionRow row)
    {
        var json = new JsonObject { ["id"] = row.Id.Trim(), ["kind"] = row.Kind };
        switch (row.Kind)
        {
            case "jurisdiction":
                json["countries"] = Array(row.Countries.Split(',').Select(c => c.ToUpperInvariant()));
                if (Array(row.Localities.Split('\n')) is { Count: > 0 } localities)
                {
                    json["localities"] = localities;
                }

                break;
            case "mandate":
                json["legalIssues"] = Array(row.LegalIssues);
                break;
            case "means-test":
                json["currency"] = row.Currency.Trim().ToUpperInvariant();
                json["thresholds"] = new JsonArray([.. row.Thresholds.Select(t => (JsonNode)JsonValue.Create(t.Amount ?? 0))]);
                if (row.AdditionalMemberIncrement is { } increment)
                {
                    json["additionalMemberIncrement"] = increment;
                }

                Optional(json, "waivedFor", row.WaivedFor);
                Optional(json, "appliesToLegalIssues", row.AppliesToLegalIssues);
                break;
        }

        return json;
    }

    /// <summary>A rule with the conditions that were filled in; a rule without any is reported by the API.</summary>
    private static JsonObject Json(RuleRow row)
    {
        var json = new JsonObject { ["id"] = row.Id.Trim(), ["priority"] = row.Priority };
        Optional(json, "anyVulnerability", row.AnyVulnerability);
        foreach (var (name, days) in new[] { ("hearingWithinDays", row.HearingWithinDays), ("detainedWithinDays", row.DetainedWithinDays), ("deadlineWithinDays", row.DeadlineWithinDays) })
        {
            if (days is { } value)
            {
                json[name] = value;
            }
        }

        return json;
    }

    private static void Optional(JsonObject json, string name, IEnumerable<string> values)
    {
        if (Array(values) is { Count: > 0 } array)
        {
            json[name] = array;
        }
    }

    /// <summary>The non-blank values, trimmed, in order (checkbox sets in ordinal order, so a save is repeatable).</summary>
    private static JsonArray Array(IEnumerable<string> values)
    {
        var items = values.Select(v => v.Trim()).Where(v => v.Length > 0);
        items = values is HashSet<string> ? items.Order(StringComparer.Ordinal) : items;
        return [.. items.Select(v => (JsonNode)JsonValue.Create(v))];
    }

    private static string Text(JsonObject json, string name) => json[name]?.GetValue<string>() ?? "";

    private static IEnumerable<string> Strings(JsonObject json, string name) =>
        json[name] is JsonArray array ? array.Select(v => v?.GetValue<string>() ?? "") : [];

    [GeneratedRegex(@"^(?<list>.+\.(countries|localities|legalIssues|waivedFor|appliesToLegalIssues|anyVulnerability))\[\d+\]$")]
    private static partial Regex ListItem();
}
