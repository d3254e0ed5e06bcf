using System.Text.Json.Nodes;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>Request bodies of the tests. Names and numbers are fictional.</summary>
public static class Samples
{
    public const string GuatemalaOffice = "gt-idpp-guatemala";
    public const string TapachulaOffice = "mx-ifdp-tapachula";
    public const string GuatemalaDefender = "gt-idpp-guatemala-defender";
    public const string GuatemalaSupervisor = "gt-idpp-guatemala-supervisor";
    public const string GuatemalaAdmin = "gt-idpp-guatemala-admin";
    public const string TapachulaDefender = "mx-ifdp-tapachula-defender";
    public const string TapachulaSupervisor = "mx-ifdp-tapachula-supervisor";
    public const string TapachulaAdmin = "mx-ifdp-tapachula-admin";
    public const string Reviewer = "aidef-reviewer";
    public const string ClientName = "Mariela Fictícia Quintanilla";
    public const string BirthDate = "1991-07-23";
    public const string DocumentNumber = "HN7788123";

    public static JsonObject Intake(string name = ClientName) => JsonNode.Parse($$"""
        {
          "client": {
            "fullName": "{{name}}",
            "aliases": ["Mari Q"],
            "birthDate": "{{BirthDate}}",
            "nationalities": ["HN"],
            "languages": ["es"],
            "gender": "female",
            "contact": { "phone": "+50255500000", "chat": null },
            "currentLocation": { "country": "GT", "locality": "Ciudad de Guatemala" },
            "identityDocuments": [ { "type": "passport", "number": "{{DocumentNumber}}", "issuingCountry": "HN" } ]
          },
          "household": { "size": 3, "monthlyIncome": 1800, "currency": "GTQ" },
          "vulnerabilities": ["detained"],
          "legalIssues": [ { "type": "deportation", "description": "Removal order, hearing next week" } ],
          "keyDates": { "detentionDate": "2026-11-20", "hearingDate": "2026-12-02" },
          "adverseParties": [ { "name": "Rodrigo Ficticio Salazar", "aliases": [] } ]
        }
        """)!.AsObject();

    public static object Consent(string? officeId = TapachulaOffice) => new
    {
        purpose = "share-with-office",
        officeId,
        given = true,
        channel = "in-person",
        language = "es",
        evidenceDocumentId = (string?)null,
    };

    /// <summary>A small valid triage policy document for the Guatemala City office.</summary>
    public static JsonObject Policy(string currency = "GTQ") => JsonNode.Parse($$"""
        {
          "criteria": [
            { "id": "in-guatemala", "kind": "jurisdiction", "countries": ["GT"] },
            { "id": "mandate", "kind": "mandate", "legalIssues": ["criminal-defense", "detention", "deportation"] },
            { "id": "means-test", "kind": "means-test", "currency": "{{currency}}", "thresholds": [1000, 1500, 2000],
              "additionalMemberIncrement": 400, "waivedFor": ["unaccompanied-minor"] },
            { "id": "conflict", "kind": "conflict-of-interest" }
          ],
          "priorityRules": [
            { "id": "detained-hearing-soon", "priority": "critical", "anyVulnerability": ["detained"], "hearingWithinDays": 7 }
          ],
          "defaultPriority": "normal",
          "referral": { "recommendOffices": true, "maxOffices": 3 }
        }
        """)!.AsObject();

    /// <summary>Valid protocol settings: the defaults with two holidays and a tighter acknowledgement.</summary>
    public static JsonObject Protocol() => JsonNode.Parse("""
        {
          "weekend": ["saturday", "sunday"],
          "holidays": [ { "date": "2026-12-25", "name": "Navidad" }, { "date": "2026-12-12", "name": "Día de la Virgen de Guadalupe" } ],
          "deadlines": {
            "acknowledge": { "businessDays": 1, "criticalHours": 12 },
            "decide": { "businessDays": 5, "criticalHours": 48 },
            "firstContact": { "businessDays": 3, "criticalHours": 24 },
            "outcomeReport": { "days": 30, "repeatEveryDays": 30 }
          },
          "notSuccessfulReasons": ["lack-of-capacity", "unable-to-contact-client", "other"]
        }
        """)!.AsObject();

    /// <summary>A PDF's first bytes followed by filler up to <paramref name="length"/> bytes.</summary>
    public static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        for (var i = 9; i < length; i++)
        {
            bytes[i] = (byte)(i * 13);
        }

        return bytes;
    }

    /// <summary>An upload form as a browser sends it: one part named <c>file</c>.</summary>
    public static MultipartFormDataContent DocumentUpload(byte[]? content = null, string fileName = "hearing-notice.pdf")
    {
        var part = new ByteArrayContent(content ?? Pdf(2048));
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { part, "file", fileName } };
    }
}
