using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using LegalAidReferral.WebConsole.Api;
using LegalAidReferral.WebConsole.Pages.ReferralParts;
using LegalAidReferral.WebConsole.SignIn;
using LegalAidReferral.WebConsole.Time;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.WebConsole.Tests;

/// <summary>The data an incoming referral shares, as a reader sees it (here in Spanish).</summary>
public sealed class SharedDataTests : ConsoleTestContext
{
    private static readonly string[] Fields = ["legalIssues", "client.fullName", "client.birthDate", "client.contact.phone", "household", "vulnerabilities", "keyDates.hearingDate"];

    public SharedDataTests()
        : base("es")
    {
        Services.AddSingleton<ISignInSession>(new NobodySignedIn());
        Services.AddSingleton(sp => new OfficeDirectory(sp.GetRequiredService<ConsoleApi>()));
    }

    [Fact]
    public void Each_shared_field_is_labelled_in_the_users_language_with_dates_written_out_and_lists_as_lists()
    {
        var shared = JsonNode.Parse("""
            { "client": { "fullName": "Ana Ficticia Ruiz", "birthDate": "1990-03-15", "birthDateApproximate": true, "contact": { "phone": null } },
              "household": { "size": 3, "monthlyIncome": 1500.5, "currency": "GTQ" },
              "vulnerabilities": ["detained", "pregnant"],
              "legalIssues": [ { "type": "asylum", "description": "Audiencia la próxima semana" }, { "type": "detention", "description": null } ],
              "keyDates": { "hearingDate": "2026-12-04" } }
            """)!.AsObject();

        var view = Render<SharedData>(p => p.Add(c => c.Referral, Referral(shared, withdrawnAt: null)));

        var terms = view.FindAll("dt").Select(dt => dt.TextContent).ToArray();
        Assert.Equal(["Nombre completo", "Fecha de nacimiento", "Teléfono", "Hogar", "Vulnerabilidades", "Asuntos legales", "Fecha de audiencia"], terms);
        Assert.Equal("Ana Ficticia Ruiz", Value(view, "client.fullName"));
        var es = CultureInfo.GetCultureInfo("es");
        Assert.Equal($"{new DateOnly(1990, 3, 15).ToString("D", es)} (aproximada)", Value(view, "client.birthDate"));
        Assert.Equal(new DateOnly(2026, 12, 4).ToString("D", es), Value(view, "keyDates.hearingDate"));
        Assert.Equal("sin registrar", Value(view, "client.contact.phone"));
        Assert.Equal($"Personas en el hogar: 3 · Ingreso mensual: {1500.5m.ToString("#,0.##", es)} GTQ", Value(view, "household"));
        Assert.Equal(["Detenida/o", "Embarazo"], view.FindAll("dd[data-field=vulnerabilities] li").Select(li => li.TextContent));
        Assert.Equal(["Asilo: Audiencia la próxima semana", "Detención"], view.FindAll("dd[data-field=legalIssues] li").Select(li => li.TextContent));
        Assert.DoesNotContain("{", view.Find("dl").TextContent, StringComparison.Ordinal);
        Assert.Single(view.FindAll("button"), b => b.TextContent.Contains("doc-1", StringComparison.Ordinal));
        Assert.Empty(view.FindAll("#shared-withdrawn"));
    }

    [Fact]
    public void Once_the_client_withdrew_consent_every_shared_field_and_document_is_marked_withdrawn()
    {
        var view = Render<SharedData>(p => p.Add(c => c.Referral, Referral([], withdrawnAt: DateTimeOffset.Parse("2026-12-01T15:00:00Z", CultureInfo.InvariantCulture))));

        Assert.Contains("retiró su consentimiento", view.Find("#shared-withdrawn").TextContent, StringComparison.Ordinal);
        Assert.Equal(Fields.Length, view.FindAll("dd").Count);
        Assert.All(view.FindAll("dd"), dd => Assert.Equal("Retirado", dd.TextContent.Trim()));
        Assert.Empty(view.FindAll("button"));
        Assert.Contains("Retirado", view.Find("li").TextContent, StringComparison.Ordinal);
    }

    private static string Value(IRenderedComponent<SharedData> view, string field) => view.Find($"dd[data-field='{field}']").TextContent.Trim();

    private static Referral Referral(JsonObject shared, DateTimeOffset? withdrawnAt) => new(
        "0193a5c0-0000-7000-8000-000000000000", "incoming", null, "gt-idpp-guatemala", "mx-ifdp-tapachula", "representation", null, "normal",
        "The client moved to Tapachula", Fields, shared, ["doc-1"], withdrawnAt is null ? "acknowledged" : "revoked", null, null, [], [], [],
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 2)
    {
        SharedWithdrawnAt = withdrawnAt,
    };
}
