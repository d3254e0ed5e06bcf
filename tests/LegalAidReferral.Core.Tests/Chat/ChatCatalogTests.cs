using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Languages;

namespace LegalAidReferral.Core.Tests.Chat;

public sealed class ChatCatalogTests
{
    private static readonly ChatCatalog Embedded = ChatCatalog.ReadEmbedded();

    [Fact]
    public void Every_flow_file_validates_and_every_text_exists_in_all_five_languages()
    {
        Assert.Empty(ChatFlowValidator.Validate(Embedded));
        Assert.Equal(ChatLanguage.Supported.Order(), Embedded.Languages.Keys.Order());
        Assert.Equal(["case", "intake", "menu", "person", "status"], Embedded.Flows.Keys.Order());
        Assert.Same(ChatCatalog.Default, ChatCatalog.Default);
    }

    [Fact]
    public void A_missing_translation_is_reported()
    {
        var broken = WithLanguage("ht", l => l with { Texts = l.Texts.Where(t => t.Key != "intake.consent").ToDictionary() });

        Assert.Contains("Language 'ht': the text 'intake.consent' is missing.", ChatFlowValidator.Validate(broken));
        Assert.Contains("Language 'es': the text 'intake.consent' has no translation in 'ht'.", ChatFlowValidator.Validate(broken));
        Assert.Throws<InvalidDataException>(() => ChatCatalog.Checked(broken));
    }

    [Fact]
    public void A_placeholder_that_differs_between_languages_is_reported()
    {
        var broken = WithLanguage("fr", l => l with
        {
            Texts = l.Texts.ToDictionary(t => t.Key, t => t.Key == "intake.created" ? t.Value.Replace("{code}", "{secret}", StringComparison.Ordinal) : t.Value),
        });

        Assert.Contains("Language 'fr': the text 'intake.created' has other placeholders than in 'es'.", ChatFlowValidator.Validate(broken));
    }

    [Fact]
    public void An_unknown_step_or_action_is_reported()
    {
        var flow = ChatCatalog.ParseFlow("""
            { "id": "broken", "start": "nowhere", "steps": {
              "a": { "kind": "message", "text": "case.bye", "next": "b" },
              "c": { "kind": "action", "action": "launch-rocket", "next": "@missing" } } }
            """);
        var broken = new ChatCatalog(Embedded.Flows.Values.Append(flow), Embedded.Languages.Values);

        var problems = ChatFlowValidator.Validate(broken);

        Assert.Contains("Flow 'broken' starts at the unknown step 'nowhere'.", problems);
        Assert.Contains("Flow 'broken', step 'a': goes to the unknown step 'b'.", problems);
        Assert.Contains("Flow 'broken', step 'c': goes to the unknown step '@missing'.", problems);
        Assert.Contains(problems, p => p.StartsWith("Flow 'broken', step 'c': the action 'launch-rocket' is not one the engine has", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_field_the_format_does_not_know_is_refused()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => ChatCatalog.ParseFlow("""
            { "id": "x", "start": "a", "steps": { "a": { "kind": "message", "text": "case.bye", "nxt": "a" } } }
            """));
    }

    [Fact]
    public void Every_issue_label_and_status_text_is_plain_and_short()
    {
        foreach (var language in Embedded.Languages.Values)
        {
            foreach (var key in EngineTexts.All)
            {
                Assert.True(language.Say(key).Length <= 400, $"{language.Code} {key} is long.");
            }
        }
    }

    private static ChatCatalog WithLanguage(string code, Func<ChatLanguage, ChatLanguage> change) =>
        new(Embedded.Flows.Values, Embedded.Languages.Values.Select(l => l.Code == code ? change(l) : l));
}
