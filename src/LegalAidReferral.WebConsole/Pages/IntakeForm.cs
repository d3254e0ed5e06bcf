using LegalAidReferral.WebConsole.Api;

namespace LegalAidReferral.WebConsole.Pages;

/// <summary>
/// What the intake form edits: every field of the intake API, as the inputs hold them (lists as
/// comma-separated text, dates as yyyy-MM-dd), turned into the API's request on submit.
/// </summary>
public sealed class IntakeForm
{
    public string FullName { get; set; } = "";
    public string Aliases { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public bool BirthDateApproximate { get; set; }
    public string Nationalities { get; set; } = "";
    public string Languages { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Chat { get; set; } = "";
    public string Country { get; set; } = "";
    public string Locality { get; set; } = "";
    public List<DocumentRow> IdentityDocuments { get; } = [];
    public int? HouseholdSize { get; set; }
    public decimal? MonthlyIncome { get; set; }
    public string Currency { get; set; } = "";
    public HashSet<string> Vulnerabilities { get; } = [];
    public string VulnerabilityNotes { get; set; } = "";
    public List<IssueRow> LegalIssues { get; } = [new()];
    public DateOnly? DetentionDate { get; set; }
    public DateOnly? HearingDate { get; set; }
    public List<DeadlineRow> Deadlines { get; } = [];
    public List<PartyRow> AdverseParties { get; } = [];
    public string Channel { get; set; } = "staff";

    public sealed class DocumentRow
    {
        public string Type { get; set; } = "passport";
        public string Number { get; set; } = "";
        public string IssuingCountry { get; set; } = "";
    }

    public sealed class IssueRow
    {
        public string Type { get; set; } = "asylum";
        public string Description { get; set; } = "";
    }

    public sealed class DeadlineRow
    {
        public DateOnly? Date { get; set; }
        public string Description { get; set; } = "";
    }

    public sealed class PartyRow
    {
        public string Name { get; set; } = "";
        public string Aliases { get; set; } = "";
    }

    /// <summary>The request as typed: blanks left out, nothing checked here (the API reports every invalid field).</summary>
    public IntakeRequest ToRequest()
    {
        var contact = Blank(Phone) && Blank(Chat) ? null : new Contact(Text(Phone), Text(Chat));
        var location = Blank(Country) && Blank(Locality) ? null : new Location(Country.Trim(), Text(Locality));
        var client = new Client(
            FullName.Trim(), List(Aliases), Iso(BirthDate), BirthDateApproximate ? true : null, List(Nationalities), List(Languages),
            Text(Gender), contact, location,
            IdentityDocuments.Count == 0 ? null : IdentityDocuments.Select(d => new IdentityDocument(d.Type, d.Number.Trim(), Text(d.IssuingCountry))).ToList());
        var household = HouseholdSize is null && MonthlyIncome is null && Blank(Currency) ? null : new Household(HouseholdSize ?? 0, MonthlyIncome, Text(Currency));
        var keyDates = DetentionDate is null && HearingDate is null && Deadlines.Count == 0
            ? null
            : new KeyDates(Iso(DetentionDate), Iso(HearingDate), Deadlines.Count == 0 ? null : Deadlines.Select(d => new LegalDeadline(Iso(d.Date) ?? "", d.Description.Trim())).ToList());
        return new IntakeRequest(
            client, household, Vulnerabilities.Count == 0 ? null : Vulnerabilities.Order(StringComparer.Ordinal).ToList(), Text(VulnerabilityNotes),
            LegalIssues.Select(i => new LegalIssue(i.Type, Text(i.Description))).ToList(), keyDates,
            AdverseParties.Count == 0 ? null : AdverseParties.Select(p => new AdverseParty(p.Name.Trim(), List(p.Aliases))).ToList(),
            Channel);
    }

    /// <summary>A date as the API writes it (yyyy-MM-dd).</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool Blank(string value) => string.IsNullOrWhiteSpace(value);

    private static string? Text(string value) => Blank(value) ? null : value.Trim();

    private static List<string>? List(string value)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return items.Count == 0 ? null : items;
    }
}
