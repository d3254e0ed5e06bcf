using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Engine;
using LegalAidReferral.Core.Chat.Languages;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Chat.Flows;

/// <summary>
/// Checks the chat's data files: every step a flow names exists, every step has what its kind needs,
/// every action and condition is one the engine has, every text a flow or the engine uses exists in every
/// language, every language has the same texts with the same placeholders, and every language has every
/// command word list and a keyword list for every legal issue type but "other".
/// </summary>
public static class ChatFlowValidator
{
    public static IReadOnlyList<string> Validate(ChatCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        var used = new HashSet<string>(EngineTexts.All, StringComparer.Ordinal);
        foreach (var flow in catalog.Flows.Values)
        {
            CheckFlow(catalog, flow, used, problems);
        }

        foreach (var code in ChatLanguage.Supported.Where(c => !catalog.Languages.ContainsKey(c)))
        {
            problems.Add($"The language '{code}' has no file.");
        }

        foreach (var language in catalog.Languages.Values)
        {
            CheckLanguage(catalog, language, used, problems);
        }

        return problems;
    }

    private static void CheckFlow(ChatCatalog catalog, ChatFlow flow, HashSet<string> used, List<string> problems)
    {
        if (!flow.Steps.ContainsKey(flow.Start))
        {
            problems.Add($"Flow '{flow.Id}' starts at the unknown step '{flow.Start}'.");
        }

        foreach (var (id, step) in flow.Steps)
        {
            var at = $"Flow '{flow.Id}', step '{id}':";
            foreach (var target in step.Targets())
            {
                var known = target.StartsWith('@') ? catalog.Flows.ContainsKey(target[1..]) : flow.Steps.ContainsKey(target);
                if (!known)
                {
                    problems.Add($"{at} goes to the unknown step '{target}'.");
                }
            }

            if (step.Text is { } text)
            {
                used.Add(text);
            }
            else if (step.Kind is not (StepKind.Action or StepKind.Check or StepKind.Office))
            {
                problems.Add($"{at} a {step.Kind} step needs a text.");
            }

            foreach (var choice in step.Choices)
            {
                used.Add(choice.Text);
            }

            problems.AddRange(KindProblems(step).Select(p => $"{at} {p}"));
        }
    }

    private static IEnumerable<string> KindProblems(ChatStep step)
    {
        var branches = step.Yes is not null && step.No is not null;
        switch (step.Kind)
        {
            case StepKind.Message or StepKind.Text or StepKind.Number or StepKind.Date or StepKind.Office when step.Next is null:
                yield return $"a {step.Kind} step needs a next step.";
                break;
            case StepKind.Choice when step.Choices.Count == 0:
                yield return "a choice needs choices.";
                break;
            case StepKind.Choice when step.Choices.Any(c => c.Next is null) && step.Next is null:
                yield return "a choice without a next step of its own needs the step's next.";
                break;
            case StepKind.YesNo or StepKind.Confirm or StepKind.Check or StepKind.Consent when !branches:
                yield return $"a {step.Kind} step needs both 'yes' and 'no'.";
                break;
            case StepKind.Action when step.Action is null || !ChatActions.Names.Contains(step.Action):
                yield return $"the action '{step.Action}' is not one the engine has ({string.Join(", ", ChatActions.Names)}).";
                break;
            case StepKind.Action when step.Next is null && step.Outcomes.Count == 0:
                yield return "an action needs a next step or outcomes.";
                break;
        }

        if (step.Kind == StepKind.Check && (step.Action is null || !ChatChecks.Names.Contains(step.Action)))
        {
            yield return $"the condition '{step.Action}' is not one the engine has ({string.Join(", ", ChatChecks.Names)}).";
        }

        if (step.Kind == StepKind.Consent && !Kebab<ConsentPurpose>.TryParse(step.Purpose, out _))
        {
            yield return $"the consent purpose '{step.Purpose}' is not one of {Kebab<ConsentPurpose>.Allowed}.";
        }

        if (step.Kind == StepKind.Number && (step.Min is null || step.Max is null || step.Min > step.Max))
        {
            yield return "a number needs 'min' and 'max', min not above max.";
        }
    }

    private static void CheckLanguage(ChatCatalog catalog, ChatLanguage language, HashSet<string> used, List<string> problems)
    {
        var at = $"Language '{language.Code}':";
        foreach (var key in used.Where(k => !language.Texts.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{at} the text '{key}' is missing.");
        }

        foreach (var (key, text) in language.Texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{at} the text '{key}' is empty.");
            }

            foreach (var other in catalog.Languages.Values.Where(o => o.Code != language.Code))
            {
                if (!other.Texts.TryGetValue(key, out var translation))
                {
                    problems.Add($"{at} the text '{key}' has no translation in '{other.Code}'.");
                }
                else if (!ChatLanguage.PlaceholdersOf(text).SetEquals(ChatLanguage.PlaceholdersOf(translation)))
                {
                    problems.Add($"{at} the text '{key}' has other placeholders than in '{other.Code}'.");
                }
            }
        }

        foreach (var command in ChatCommands.All.Where(c => !language.Commands.TryGetValue(c, out var words) || words.Count == 0))
        {
            problems.Add($"{at} the command '{command}' has no words.");
        }

        foreach (var issue in Enum.GetValues<LegalIssueType>().Where(t => t != LegalIssueType.Other).Select(Kebab<LegalIssueType>.Name))
        {
            if (!language.Issues.TryGetValue(issue, out var words) || words.Count == 0)
            {
                problems.Add($"{at} the legal issue '{issue}' has no keywords.");
            }
        }

        foreach (var issue in language.Issues.Keys.Where(k => !Kebab<LegalIssueType>.TryParse(k, out _)))
        {
            problems.Add($"{at} '{issue}' is not a legal issue type.");
        }
    }
}
