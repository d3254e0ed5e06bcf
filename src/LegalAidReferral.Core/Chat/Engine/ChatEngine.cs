using System.Globalization;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.Flows;
using LegalAidReferral.Core.Chat.Languages;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>
/// The conversation engine: reads the conversation's state, runs the person's turn through the flows
/// (language first, then commands, then the answer to the current step), and stores the state again.
/// Turns of one conversation run one at a time in this process, and the store's version check catches
/// another instance's turn in between (the turn then runs again on the fresh state).
/// </summary>
public sealed class ChatEngine(
    ChatCatalog catalog, IChatStateStore store, ChatActions actions, ClientChatActions client, ChatPhotos photos, IOfficeDirectory offices, TimeProvider clock)
    : IChatConversations
{
    private const string Menu = "@menu";
    private const int DefaultTextLength = 200;
    private const int MaxSaveAttempts = 3;

    private readonly SemaphoreSlim[] gates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IReadOnlyList<ChatReply>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var key = ChatState.KeyOf(turn.Conversation);
        var gate = gates[(uint)StringComparer.Ordinal.GetHashCode(key) % gates.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var now = clock.GetUtcNow();
                var state = await store.FindAsync(key, cancellationToken);
                if (state is not null && state.ExpiresAt <= now)
                {
                    await store.DeleteAsync(key, cancellationToken);
                    state = null;
                }

                var expected = state?.Version ?? 0;
                state ??= new ChatState { Key = key, WindowStart = now };
                var context = new ChatContext(catalog, state, turn, $"chat-{Guid.NewGuid():N}");
                await RunTurnAsync(context, now, cancellationToken);
                if (context.Forget)
                {
                    await store.DeleteAsync(key, cancellationToken);
                    return context.Replies;
                }

                state.UpdatedAt = now;
                state.ExpiresAt = now + ChatOptions.IdleTimeout;
                if (await store.TrySaveAsync(state, expected, cancellationToken) || attempt == MaxSaveAttempts)
                {
                    return context.Replies;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunTurnAsync(ChatContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (now - state.WindowStart >= ChatOptions.FloodWindow)
        {
            state.WindowStart = now;
            state.TurnsInWindow = 0;
        }

        if (++state.TurnsInWindow > ChatOptions.MaxTurnsPerWindow)
        {
            if (state.TurnsInWindow == ChatOptions.MaxTurnsPerWindow + 1)
            {
                context.Say(EngineTexts.SlowDown);
            }

            return;
        }

        var raw = context.Turn.Value ?? context.Turn.Text ?? string.Empty;
        if (state.HandOff && await PassToStaffAsync(context, raw, cancellationToken))
        {
            return;
        }

        var text = TextRule.Apply(raw.Length > ChatOptions.MaxMessageLength ? string.Empty : raw, ChatOptions.MaxMessageLength, multiline: true).Text ?? string.Empty;
        var normalized = ChatText.Normalize(text);
        if (state.Language is null || state.ChoosingLanguage)
        {
            await ChooseLanguageAsync(context, normalized, cancellationToken);
            return;
        }

        if (context.Turn.Attachments.Count > 0)
        {
            context.Say(await photos.SaveAsync(context, cancellationToken) ? EngineTexts.PhotoSaved : EngineTexts.PhotoNotSaved);
            if (text.Length == 0)
            {
                await RunAsync(context, cancellationToken);
                return;
            }
        }

        if (raw.Length > ChatOptions.MaxMessageLength)
        {
            context.Say(EngineTexts.TooLong, Values(("max", ChatOptions.MaxMessageLength)));
            await RunAsync(context, cancellationToken);
            return;
        }

        if (await CommandAsync(context, normalized, cancellationToken))
        {
            return;
        }

        if (state.Flow is null)
        {
            await GotoAsync(context, Menu, cancellationToken);
            return;
        }

        await AnswerAsync(context, text, normalized, cancellationToken);
    }

    /// <summary>While staff hold the conversation, the person's messages go to the case's thread and the bot says nothing.</summary>
    private async Task<bool> PassToStaffAsync(ChatContext context, string raw, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (context.Client is { } call)
        {
            var text = TextRule.Apply(raw.Length > ChatOptions.MaxThreadMessageLength ? raw[..ChatOptions.MaxThreadMessageLength] : raw, ChatOptions.MaxThreadMessageLength, multiline: true).Text;
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            var posted = await client.PostAsync(call, state.CaseId!.Value, ChatMessageKind.Message, text, cancellationToken);
            if (posted.IsSuccess || posted.Failure.Kind != FailureKind.InvalidTransition)
            {
                return true;
            }
        }

        state.HandOff = false;
        return false;
    }

    private async Task ChooseLanguageAsync(ChatContext context, string normalized, CancellationToken cancellationToken)
    {
        var state = context.State;
        var index = int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
        var chosen = ChatLanguage.Supported.Where((code, i) =>
            i == index || normalized == code || normalized == ChatText.Normalize(catalog.Languages[code].Say(EngineTexts.LanguageName))).FirstOrDefault();
        if (chosen is null)
        {
            context.Replies.Add(LanguagePrompt());
            return;
        }

        state.Language = chosen;
        var resuming = state.ChoosingLanguage && state.Flow is not null;
        state.ChoosingLanguage = false;
        await (resuming ? RunAsync(context, cancellationToken) : GotoAsync(context, Menu, cancellationToken));
    }

    private ChatReply LanguagePrompt() =>
        new(
            string.Join("\n", ChatLanguage.Supported.Select(code => catalog.Languages[code].Say(EngineTexts.LanguagePrompt))),
            ChatLanguage.Supported.Select(code => new ChatChoice(code, catalog.Languages[code].Say(EngineTexts.LanguageName))).ToArray());

    /// <summary>A command word said alone acts at any step; the words of every language are understood.</summary>
    private async Task<bool> CommandAsync(ChatContext context, string normalized, CancellationToken cancellationToken)
    {
        bool Said(string command) => catalog.Languages.Values.Any(l => l.IsCommand(command, normalized));
        var state = context.State;
        if (Said(ChatCommands.Language))
        {
            state.ChoosingLanguage = true;
            context.Replies.Add(LanguagePrompt());
            return true;
        }

        if (Said(ChatCommands.Cancel))
        {
            state.EndFlow();
            context.Say(EngineTexts.Cancelled);
            return true;
        }

        var target = Said(ChatCommands.Restart) ? Menu : Said(ChatCommands.Status) ? "@status" : Said(ChatCommands.Person) ? "@person" : null;
        if (target is null)
        {
            return false;
        }

        state.EndFlow();
        await GotoAsync(context, target, cancellationToken);
        return true;
    }

    private Task GotoAsync(ChatContext context, string target, CancellationToken cancellationToken)
    {
        Move(context.State, target);
        return RunAsync(context, cancellationToken);
    }

    private void Move(ChatState state, string target)
    {
        if (target.StartsWith('@'))
        {
            state.EndFlow();
            state.Flow = target[1..];
            state.Step = catalog.Flows[state.Flow].Start;
        }
        else
        {
            state.Step = target;
        }

        state.Attempts = 0;
    }

    private ChatStep? Current(ChatState state) =>
        state is { Flow: { } flow, Step: { } step } && catalog.Flows.TryGetValue(flow, out var found) && found.Steps.TryGetValue(step, out var current)
            ? current
            : null;

    /// <summary>Runs steps from the current one until a question waits for the person or the flow ends.</summary>
    private async Task RunAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        for (var run = 0; run < ChatOptions.MaxStepsPerTurn; run++)
        {
            if (Current(state) is not { } step)
            {
                state.EndFlow();
                return;
            }

            switch (step.Kind)
            {
                case StepKind.Message:
                    context.Say(step.Text!, Display(context));
                    Move(state, step.Next!);
                    break;
                case StepKind.End:
                    context.Say(step.Text!, Display(context));
                    context.Forget |= step.Forget;
                    state.EndFlow();
                    return;
                case StepKind.Action:
                    var outcome = await actions.RunAsync(step.Action!, context, cancellationToken);
                    Move(state, step.Outcomes.TryGetValue(outcome, out var target) ? target : step.Next!);
                    break;
                case StepKind.Check:
                    Move(state, state.CaseId is not null ? step.Yes! : step.No!);
                    break;
                case StepKind.Office:
                    var served = await ServedByAsync(context, cancellationToken);
                    if (served.Count == 1)
                    {
                        state.Values[step.Save ?? "office"] = served[0].Id;
                        Move(state, step.Next!);
                        break;
                    }

                    Ask(context, step, served);
                    return;
                default:
                    Ask(context, step, []);
                    return;
            }
        }
    }

    private void Ask(ChatContext context, ChatStep step, IReadOnlyList<Office> served)
    {
        var language = context.Language;
        IReadOnlyList<ChatChoice> choices = step.Kind switch
        {
            StepKind.Choice => step.Choices.Select(c => new ChatChoice(c.Value, language.Say(c.Text))).ToArray(),
            StepKind.YesNo or StepKind.Consent or StepKind.Confirm =>
                [new ChatChoice(ChatCommands.Yes, language.Say(EngineTexts.Yes)), new ChatChoice(ChatCommands.No, language.Say(EngineTexts.No))],
            StepKind.Office => served.Select(o => new ChatChoice(o.Id, o.Locality)).ToArray(),
            _ => [],
        };
        var text = step.Text is null ? string.Join(" / ", served.Select(o => o.Locality)) : language.Say(step.Text, Display(context));
        context.Replies.Add(new ChatReply(text, choices));
    }

    private async Task AnswerAsync(ChatContext context, string text, string normalized, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (Current(state) is not { } step)
        {
            await GotoAsync(context, Menu, cancellationToken);
            return;
        }

        var served = step.Kind == StepKind.Office ? await ServedByAsync(context, cancellationToken) : [];
        var answer = Read(context, step, text, normalized, served);
        if (answer.Problem is { } problem)
        {
            if (++state.Attempts >= ChatOptions.MaxAttempts)
            {
                context.Say(EngineTexts.TooManyTries);
                await GotoAsync(context, Menu, cancellationToken);
                return;
            }

            context.Say(problem, answer.ProblemValues);
            Ask(context, step, served);
            return;
        }

        if (step.Save is { } name)
        {
            state.Values[name] = answer.Value!;
            if (answer.TextKey is { } key)
            {
                state.Values[$"{name}#text"] = key;
            }
        }

        if (step.Kind == StepKind.Consent)
        {
            state.Values[$"consent:{step.Purpose}"] = answer.Value!;
        }

        await GotoAsync(context, answer.Next!, cancellationToken);
    }

    private Answer Read(ChatContext context, ChatStep step, string text, string normalized, IReadOnlyList<Office> served)
    {
        var language = context.Language;
        var index = int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1;
        switch (step.Kind)
        {
            case StepKind.Choice:
                var choice = step.Choices.Where((c, i) =>
                    i == index || normalized == ChatText.Normalize(c.Value) || normalized == ChatText.Normalize(language.Say(c.Text))).FirstOrDefault();
                return choice is null ? Answer.Invalid(EngineTexts.InvalidChoice) : Answer.Of(choice.Value, choice.Next ?? step.Next!, choice.Text);
            case StepKind.YesNo or StepKind.Consent or StepKind.Confirm:
                bool? yes = index == 0 || normalized == ChatText.Normalize(language.Say(EngineTexts.Yes)) || language.IsCommand(ChatCommands.Yes, normalized) ? true
                    : index == 1 || normalized == ChatText.Normalize(language.Say(EngineTexts.No)) || language.IsCommand(ChatCommands.No, normalized) ? false
                    : null;
                return yes switch
                {
                    true => Answer.Of(ChatCommands.Yes, step.Yes!, EngineTexts.Yes),
                    false => Answer.Of(ChatCommands.No, step.No!, EngineTexts.No),
                    null => Answer.Invalid(EngineTexts.InvalidChoice),
                };
            case StepKind.Office:
                var office = served.Where((o, i) => i == index || normalized == o.Id || normalized == ChatText.Normalize(o.Locality)).FirstOrDefault();
                return office is null ? Answer.Invalid(EngineTexts.InvalidChoice) : Answer.Of(office.Id, step.Next!, null);
            case StepKind.Number:
                var min = step.Min!.Value;
                var max = step.Max!.Value;
                return int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                    ? Answer.Of(number.ToString(CultureInfo.InvariantCulture), step.Next!, null)
                    : Answer.Invalid(EngineTexts.InvalidNumber, Values(("min", min), ("max", max)));
            case StepKind.Date:
                return ReadDate(step, text);
            default:
                return ReadText(step, text);
        }
    }

    private Answer ReadDate(ChatStep step, string text)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!Answers.TryDate(text, out var date) || date.Year < today.Year - 120 || date.Year > today.Year + 10)
        {
            return Answer.Invalid(EngineTexts.InvalidDate);
        }

        return step.Range switch
        {
            DateRange.Past when date > today => Answer.Invalid(EngineTexts.DateInFuture),
            DateRange.Future when date < today => Answer.Invalid(EngineTexts.DatePassed),
            _ => Answer.Of(Answers.Show(date), step.Next!, null),
        };
    }

    private static Answer ReadText(ChatStep step, string text)
    {
        if (text.Length == 0)
        {
            return Answer.Invalid(EngineTexts.InvalidText);
        }

        var max = step.Max ?? DefaultTextLength;
        if (text.Length > max)
        {
            return Answer.Invalid(EngineTexts.TooLong, Values(("max", max)));
        }

        var (value, problem) = step.Pattern switch
        {
            TextPattern.Phone => (Answers.Phone(text), EngineTexts.InvalidPhone),
            TextPattern.Reference => (Answers.Reference(text), EngineTexts.InvalidReference),
            TextPattern.Code => (ClientSecrets.Normalize(text), EngineTexts.InvalidCode),
            _ => (text, EngineTexts.InvalidText),
        };
        return value is null ? Answer.Invalid(problem) : Answer.Of(value, step.Next!, null);
    }

    private async Task<IReadOnlyList<Office>> ServedByAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var all = await offices.ListAsync(cancellationToken);
        var country = context.Value("country");
        var served = all.Where(o => o.Country == country).OrderBy(o => o.DemoUnit).ThenBy(o => o.Id, StringComparer.Ordinal).ToArray();
        return served.Length > 0 ? served : all.OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The answers as a text shows them: a chosen option by its text in the conversation's language.</summary>
    private static Dictionary<string, string> Display(ChatContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in context.State.Values.Where(v => !v.Key.Contains('#', StringComparison.Ordinal)))
        {
            values[name] = context.State.Values.TryGetValue($"{name}#text", out var key) ? context.Language.Say(key) : value;
        }

        return values;
    }

    private static Dictionary<string, string> Values(params (string Name, int Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private sealed record Answer(string? Value, string? Next, string? TextKey, string? Problem, IReadOnlyDictionary<string, string>? ProblemValues)
    {
        public static Answer Of(string value, string next, string? textKey) => new(value, next, textKey, null, null);

        public static Answer Invalid(string problem, IReadOnlyDictionary<string, string>? values = null) => new(null, null, null, problem, values);
    }
}
