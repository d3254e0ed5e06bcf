using System.Globalization;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.State;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Conflicts;
using LegalAidReferral.Core.Identity;
using LegalAidReferral.Core.Triage;

namespace LegalAidReferral.Core.Chat.Engine;

/// <summary>
/// The actions a flow's action steps run, by name. Each answers an outcome the step branches on. They call
/// the use cases as the bound client (<see cref="ClientCaller"/>) through the access policy; the conflict
/// check and triage of a chat intake run as the system (<c>system:chat-intake</c>), as the office's own process.
/// </summary>
public sealed class ChatActions(
    IntakeCase intake,
    RecordConsent consents,
    RunConflictCheck conflicts,
    RunTriage triage,
    ClientChatActions client,
    VerifyChatCode verify,
    ChatStatus status,
    WithdrawConsent withdraw,
    GetCase getCase,
    IChatStateStore links,
    TimeProvider clock)
{
    public const string ClassifyNeed = "classify-need";
    public const string CreateCase = "create-case";
    public const string VerifyCode = "verify-code";
    public const string TellStatus = "tell-status";
    public const string AddInformation = "add-information";
    public const string WithdrawConsentAction = "withdraw-consent";
    public const string RequestErasure = "request-erasure";
    public const string OpenHandOff = "open-hand-off";

    public const string Ok = "ok";
    public const string Failed = "failed";
    public const string Unknown = "unknown";
    public const string Wrong = "wrong";
    public const string TooMany = "too-many";
    public const string None = "none";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ClassifyNeed, CreateCase, VerifyCode, TellStatus, AddInformation, WithdrawConsentAction, RequestErasure, OpenHandOff,
    };

    public Task<string> RunAsync(string action, ChatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return action switch
        {
            ClassifyNeed => Task.FromResult(Classify(context)),
            CreateCase => CreateAsync(context, cancellationToken),
            VerifyCode => VerifyAsync(context, cancellationToken),
            TellStatus => TellStatusAsync(context, cancellationToken),
            AddInformation => Bound(context, call => client.PostAsync(call, context.State.CaseId!.Value, ChatMessageKind.Information, context.Value("info"), cancellationToken)),
            WithdrawConsentAction => WithdrawAsync(context, cancellationToken),
            RequestErasure => Bound(context, call => client.RequestErasureAsync(call, context.State.CaseId!.Value, cancellationToken)),
            OpenHandOff => OpenHandOffAsync(context, cancellationToken),
            _ => throw new InvalidOperationException($"The chat action '{action}' does not exist."),
        };
    }

    private static string Classify(ChatContext context)
    {
        if (IssueLexicon.Classify(context.Language, context.Value("need")) is not { } type)
        {
            return Unknown;
        }

        context.State.Values["issue"] = Kebab<LegalIssueType>.Name(type);
        context.State.Values["issue#text"] = EngineTexts.Issue(type);
        return Ok;
    }

    private static async Task<string> Bound<T>(ChatContext context, Func<CallContext, Task<Result<T>>> act) =>
        context.Client is { } call && (await act(call)).IsSuccess ? Ok : Failed;

    private async Task<string> CreateAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var officeId = context.Value("office");
        // A retry after a failed step keeps the case id, so the intake is not made twice; an id is never
        // reused for another office, should the person have chosen another place meanwhile.
        if (!state.Values.TryGetValue("caseId", out var caseText) || !Guid.TryParse(caseText, out var caseId)
            || !state.Values.TryGetValue("caseOffice", out var caseOffice) || caseOffice != officeId)
        {
            caseId = Guid.CreateVersion7(clock.GetUtcNow());
            state.Values["caseId"] = caseId.ToString("D");
            state.Values["caseOffice"] = officeId;
        }

        var call = new CallContext(new ClientCaller(caseId, officeId), context.CorrelationId);
        var created = await intake.HandleAsync(new IntakeCase.Command(IntakeOf(context), null, string.Empty), call, cancellationToken);
        if (!created.IsSuccess)
        {
            return Failed;
        }

        foreach (var purpose in Enum.GetValues<ConsentPurpose>().Where(p => context.Value($"consent:{Kebab<ConsentPurpose>.Name(p)}") == ChatCommands.Yes))
        {
            var input = new ConsentInput
            {
                Purpose = Kebab<ConsentPurpose>.Name(purpose),
                Given = true,
                Channel = Kebab<ConsentChannel>.Name(ConsentChannel.Chat),
                Language = context.Language.Code,
                EvidenceReference = $"chat:{state.Key[..16]}",
            };
            if (!(await consents.HandleAsync(new RecordConsent.Command(caseId, input, null, null, string.Empty), call, cancellationToken)).IsSuccess)
            {
                return Failed;
            }
        }

        var office = new CallContext(new SystemCaller("chat-intake", officeId), context.CorrelationId);
        await conflicts.HandleAsync(new RunConflictCheck.Command(caseId, null), office, cancellationToken);
        await triage.HandleAsync(new RunTriage.Command(caseId, null), office, cancellationToken);
        var code = await client.BindWithNewCodeAsync(call, caseId, context.Turn.Conversation, context.Language.Code, cancellationToken);
        if (!code.IsSuccess)
        {
            return Failed;
        }

        await links.SaveLinkAsync(new ChatCaseLink(created.Value.Case.Reference, officeId, caseId), cancellationToken);
        state.CaseId = caseId;
        state.OfficeId = officeId;
        state.Values["reference"] = created.Value.Case.Reference;
        state.Values["code"] = code.Value;
        return Ok;
    }

    private IntakeInput IntakeOf(ChatContext context)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var age = int.TryParse(context.Value("age"), NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : (int?)null;
        var vulnerabilities = new List<string?>();
        if (context.Value("detained") == ChatCommands.Yes)
        {
            vulnerabilities.Add(Kebab<Vulnerability>.Name(Vulnerability.Detained));
        }

        if (context.Value("childAlone") == ChatCommands.Yes)
        {
            vulnerabilities.Add(Kebab<Vulnerability>.Name(Vulnerability.UnaccompaniedMinor));
        }

        if (age < 18)
        {
            vulnerabilities.Add(Kebab<Vulnerability>.Name(Vulnerability.Child));
        }

        var phone = context.Value("phone");
        var hearing = context.Value("hearingDate");
        return new IntakeInput
        {
            Channel = Kebab<IntakeChannel>.Name(IntakeChannel.Chat),
            Client = new ClientInput
            {
                FullName = context.Value("name"),
                BirthDate = age is { } a ? new DateOnly(today.Year - a, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                BirthDateApproximate = age is null ? null : true,
                Languages = [context.Language.Code],
                Contact = phone.Length == 0 ? null : new ContactInput { Phone = phone },
                CurrentLocation = new LocationInput { Country = context.Value("country"), Locality = NullIfEmpty(context.Value("locality")) },
            },
            Vulnerabilities = vulnerabilities,
            LegalIssues = [new LegalIssueInput { Type = context.Value("issue"), Description = NullIfEmpty(context.Value("need")) }],
            KeyDates = Answers.TryDate(hearing, out var date)
                ? new KeyDatesInput { HearingDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
                : null,
        };
    }

    private async Task<string> VerifyAsync(ChatContext context, CancellationToken cancellationToken)
    {
        var check = await verify.HandleAsync(
            context.Value("reference"), context.Value("code"), context.Turn.Conversation, context.Language.Code, context.CorrelationId, cancellationToken);
        context.State.Values.Remove("code");
        switch (check.Result)
        {
            case CodeCheckResult.Verified:
                context.State.CaseId = check.CaseId;
                context.State.OfficeId = check.OfficeId;
                return Ok;
            case CodeCheckResult.TooMany:
                return TooMany;
            default:
                return Wrong;
        }
    }

    private async Task<string> TellStatusAsync(ChatContext context, CancellationToken cancellationToken)
    {
        if (context.Client is not { } call)
        {
            return Failed;
        }

        var lines = await status.DescribeAsync(call, context.Language, cancellationToken);
        if (lines is null)
        {
            return Failed;
        }

        context.Replies.AddRange(lines.Select(ChatReply.Say));
        return Ok;
    }

    private async Task<string> WithdrawAsync(ChatContext context, CancellationToken cancellationToken)
    {
        if (context.Client is not { } call || !Kebab<ConsentPurpose>.TryParse(context.Value("purpose"), out var purpose))
        {
            return Failed;
        }

        var found = await getCase.HandleAsync(context.State.CaseId!.Value, call, cancellationToken);
        if (!found.IsSuccess)
        {
            return Failed;
        }

        var inForce = found.Value.Consents.Where(c => c.Purpose == purpose && c.IsInForce).ToArray();
        var input = new ConsentWithdrawalInput { Channel = Kebab<ConsentChannel>.Name(ConsentChannel.Chat) };
        foreach (var consent in inForce)
        {
            if (!(await withdraw.HandleAsync(new WithdrawConsent.Command(found.Value.Id, consent.Id, input, null), call, cancellationToken)).IsSuccess)
            {
                return Failed;
            }
        }

        return inForce.Length == 0 ? None : Ok;
    }

    private async Task<string> OpenHandOffAsync(ChatContext context, CancellationToken cancellationToken)
    {
        if (context.Client is not { } call
            || !(await client.OpenHandOffAsync(call, context.State.CaseId!.Value, context.Turn.Conversation, cancellationToken)).IsSuccess)
        {
            return Failed;
        }

        context.State.HandOff = true;
        return Ok;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
