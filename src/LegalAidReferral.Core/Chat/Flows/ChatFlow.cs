namespace LegalAidReferral.Core.Chat.Flows;

/// <summary>
/// One conversation flow, read from its data file (<c>Chat/Flows/*.json</c>): a start step and the steps
/// by id. A step names the next one by its id in the same flow, or <c>@flow</c> for another flow's start.
/// </summary>
public sealed record ChatFlow(string Id, string Start, IReadOnlyDictionary<string, ChatStep> Steps);

/// <summary>
/// One step of a flow. Which fields apply depends on <see cref="Kind"/> (docs/chat.md lists them);
/// <see cref="Text"/> is a key of the language files, never the text itself.
/// </summary>
public sealed record ChatStep
{
    public required StepKind Kind { get; init; }

    public string? Text { get; init; }

    public string? Next { get; init; }

    /// <summary>Where a yes goes (yes/no, consent, confirm, check).</summary>
    public string? Yes { get; init; }

    /// <summary>Where a no goes (yes/no, consent, confirm, check).</summary>
    public string? No { get; init; }

    /// <summary>The conversation variable the answer is kept in.</summary>
    public string? Save { get; init; }

    public IReadOnlyList<ChatStepChoice> Choices { get; init; } = [];

    /// <summary>Bounds of a number, or the length limit of a free text.</summary>
    public int? Min { get; init; }

    public int? Max { get; init; }

    /// <summary>A date: whether it must be in the past, the future, or either (today is both).</summary>
    public DateRange Range { get; init; } = DateRange.Any;

    /// <summary>A free text's shape, when it has one.</summary>
    public TextPattern Pattern { get; init; } = TextPattern.Any;

    /// <summary>A consent step's purpose (a <c>ConsentPurpose</c> name).</summary>
    public string? Purpose { get; init; }

    /// <summary>An action step's action, or a check step's condition.</summary>
    public string? Action { get; init; }

    /// <summary>Where each outcome of an action goes; an outcome not listed goes to <see cref="Next"/>.</summary>
    public IReadOnlyDictionary<string, string> Outcomes { get; init; } = new Dictionary<string, string>();

    /// <summary>An end step that forgets the whole conversation (nothing of it is kept).</summary>
    public bool Forget { get; init; }

    /// <summary>Every step id this step may go to.</summary>
    public IEnumerable<string> Targets() =>
        new[] { Next, Yes, No }.Concat(Choices.Select(c => c.Next)).Concat(Outcomes.Values).OfType<string>();
}

/// <summary>One option of a choice: the value kept, its text key, and where it goes (else the step's next).</summary>
public sealed record ChatStepChoice(string Value, string Text, string? Next);

public enum StepKind
{
    /// <summary>Says its text and goes on.</summary>
    Message,

    /// <summary>A question with options.</summary>
    Choice,

    /// <summary>A question answered yes or no, branching on the answer.</summary>
    YesNo,

    /// <summary>A yes/no question for one consent purpose; nothing is stored until the case is created.</summary>
    Consent,

    /// <summary>A free text answer.</summary>
    Text,

    /// <summary>A whole number between bounds.</summary>
    Number,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A summary of the answers, confirmed or not.</summary>
    Confirm,

    /// <summary>The office that serves the chosen country (asked only when several do).</summary>
    Office,

    /// <summary>Runs an action of the engine and branches on its outcome.</summary>
    Action,

    /// <summary>Branches on a condition of the conversation.</summary>
    Check,

    /// <summary>Says its text and ends the flow.</summary>
    End,
}

public enum DateRange
{
    Any,
    Past,
    Future,
}

public enum TextPattern
{
    Any,
    Phone,
    Reference,
    Code,
}
