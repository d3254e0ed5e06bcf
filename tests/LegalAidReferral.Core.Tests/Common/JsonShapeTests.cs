using System.Text;
using System.Text.Json;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Triage.Input;

namespace LegalAidReferral.Core.Tests.Common;

public class JsonShapeTests
{
    private static IReadOnlyDictionary<string, string[]> Errors<T>(string json) => Errors<T>(Encoding.UTF8.GetBytes(json));

    private static IReadOnlyDictionary<string, string[]> Errors<T>(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = JsonShape.Check(document.RootElement, typeof(T), WireJson.StrictInput);
        return errors.Any ? errors.ToFailure().Errors! : new Dictionary<string, string[]>();
    }

    [Fact]
    public void Every_wrong_field_is_reported_with_its_own_reason()
    {
        var errors = Errors<IntakeInput>("""
            {
              "client": { "fullName": 5, "aliases": "Majo", "birthDateApproximate": "yes", "nickname": "x" },
              "household": { "size": 2.5, "monthlyIncome": "lots" },
              "legalIssues": [ { "type": true }, 7 ],
              "adverseParties": {}
            }
            """);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["client.fullName"] = "Must be a string.",
                ["client.aliases"] = "Must be an array.",
                ["client.birthDateApproximate"] = "Must be true or false.",
                ["client.nickname"] = "Unknown field.",
                ["household.size"] = "Must be a whole number (within 32 bits).",
                ["household.monthlyIncome"] = "Must be a number.",
                ["legalIssues[0].type"] = "Must be a string.",
                ["legalIssues[1]"] = "Must be a JSON object.",
                ["adverseParties"] = "Must be an array.",
            },
            errors.ToDictionary(e => e.Key, e => Assert.Single(e.Value)));
    }

    [Fact]
    public void Repeated_keys_are_reported_at_every_level()
    {
        var errors = Errors<StatusChangeInput>("""{ "to": "triaged", "to": "closed" }""");
        var nested = Errors<IntakeInput>("""{ "client": { "fullName": "A", "fullName": "B" }, "legalIssues": [ { "type": "asylum", "type": "other" } ] }""");

        Assert.Equal(["to"], errors.Keys);
        Assert.Equal(["client.fullName", "legalIssues[0].type"], nested.Keys.Order());
    }

    [Fact]
    public void A_merge_patch_is_checked_for_repeated_keys_and_invalid_text_only()
    {
        var errors = Errors<System.Text.Json.Nodes.JsonObject>("""{ "anything": { "a": 1, "a": 2 }, "list": [ "\ud800" ], "fine": [1, true] }""");

        Assert.Equal(["anything.a", "list[0]"], errors.Keys.Order());
    }

    [Fact]
    public void Invalid_utf8_and_unpaired_surrogate_escapes_are_reported_at_their_field()
    {
        var body = Encoding.UTF8.GetBytes("""{ "to": "triaged", "reason": "bad ?? byte" }""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;

        Assert.Equal(["reason"], Errors<StatusChangeInput>(body).Keys);
        Assert.Equal(["reason"], Errors<StatusChangeInput>("""{ "reason": "half \udc00 pair" }""").Keys);
    }

    [Fact]
    public void Null_is_accepted_for_optional_fields_but_not_for_a_list_of_numbers()
    {
        var errors = Errors<TriagePolicyInput>("""{ "description": null, "criteria": [ { "thresholds": [100, null] } ] }""");

        Assert.Equal(["criteria[0].thresholds[1]"], errors.Keys);
    }

    [Fact]
    public void Long_or_unprintable_unknown_names_are_not_echoed_as_keys()
    {
        var errors = Errors<StatusChangeInput>($$"""{ "{{new string('x', 65)}}": 1, "a\u001Bb": 2 }""");

        Assert.Equal(["$"], errors.Keys);
        Assert.Equal(2, errors["$"].Length);
    }
}
