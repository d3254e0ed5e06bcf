using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using LegalAidReferral.Core.Chat;

namespace LegalAidReferral.Benchmarks.Chat;

/// <summary>
/// One chat turn through the engine with the embedded stores (SQLite state and case stores, as the
/// standalone host runs them): the server's time for a turn, without the Bot Framework protocol. Each
/// measured iteration is exactly one turn of a conversation of its own, brought to the step before it in
/// the iteration's setup (not measured), so the percentiles are those of single turns. The person writes
/// in Spanish and follows the intake of <c>docs/chat.md</c>; every case gets a client name of its own.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 20, iterationCount: 200)]
public partial class ChatTurnBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] GivenNames = ["Lucía", "Ana", "María", "José", "Carlos", "Rosa", "Pedro", "Marta", "Luis", "Elena", "Jorge", "Sofía", "Juan", "Carmen", "Raúl", "Isabel"];
    private static readonly string[] Surnames = ["Ejemplo", "Ramírez", "Pérez", "López", "García", "Morales", "Castillo", "Méndez", "Herrera", "Ortiz", "Vásquez", "Cruz", "Reyes", "Flores", "Aguilar", "Navarro"];

    private string _folder = null!;
    private ChatEngineServices _services = null!;
    private IChatConversations _engine = null!;
    private int _conversations;
    private ChatAddress _conversation = null!;
    private string _answer = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-bench", Guid.NewGuid().ToString("N"));
        _services = ChatEngineServices.StartAsync(_folder, new FixedClock(Now)).GetAwaiter().GetResult();
        _engine = _services.Engine;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [IterationSetup(Target = nameof(QuestionAnswer))]
    public void AtLocalityQuestion() => Prepare(IntakeUntil("Ciudad de Guatemala"), "Ciudad de Guatemala");

    /// <summary>A question answered: the town or city (free text, checked), and the next question asked (detained?).</summary>
    [Benchmark]
    public Task<IReadOnlyList<ChatReply>> QuestionAnswer() => Say(_answer);

    [IterationSetup(Target = nameof(CreateCase))]
    public void AtSummary() => Prepare(IntakeUntil(null), "sí");

    /// <summary>The summary confirmed: the case is taken in with its consents, conflict-checked and triaged, the conversation bound, its code issued.</summary>
    [Benchmark]
    public Task<IReadOnlyList<ChatReply>> CreateCase() => Say(_answer);

    [IterationSetup(Target = nameof(StatusOfBoundCase))]
    public void AfterIntake() => Prepare(Intake().Conversation, "estado");

    /// <summary>"estado" in the conversation that took the case in: the case read as the client (audited), its status and referrals in plain words, the case menu.</summary>
    [Benchmark]
    public Task<IReadOnlyList<ChatReply>> StatusOfBoundCase() => Say(_answer);

    [IterationSetup(Target = nameof(StatusWithCode))]
    public void AtCodeQuestion()
    {
        var (_, reference, code) = Intake();
        var conversation = NextConversation();
        Run(conversation, ["hola", "1", "2", reference]);
        Prepare(conversation, code);
    }

    /// <summary>A later conversation gives the case's code: the code checked (PBKDF2, 100,000 iterations), the conversation bound, the status told.</summary>
    [Benchmark]
    public Task<IReadOnlyList<ChatReply>> StatusWithCode() => Say(_answer);

    private Task<IReadOnlyList<ChatReply>> Say(string text) => _engine.HandleAsync(new ChatTurn(_conversation, text, null, [], "es-GT"), default);

    private void Prepare(ChatAddress conversation, string answer)
    {
        _conversation = conversation;
        _answer = answer;
    }

    /// <summary>A new conversation through the intake, up to (not including) the answer <paramref name="stopAt"/>, or to the summary when null.</summary>
    private ChatAddress IntakeUntil(string? stopAt)
    {
        var conversation = NextConversation();
        var name = $"{GivenNames[_conversations % GivenNames.Length]} {Surnames[_conversations / GivenNames.Length % Surnames.Length]} {Surnames[_conversations * 7 % Surnames.Length]}";
        string[] answers =
        [
            "hola", "1", "1", "sí", "Guatemala", "1", "Ciudad de Guatemala", "si", "si", "20/12/2026", "no",
            "Me quieren deportar la próxima semana", "sí", name, "34", "Por este chat", "si",
        ];
        Run(conversation, stopAt is null ? answers : answers.TakeWhile(a => a != stopAt).ToArray());
        return conversation;
    }

    /// <summary>A whole intake: the conversation, bound to its new case, with the case's reference and code.</summary>
    private (ChatAddress Conversation, string Reference, string Code) Intake()
    {
        var conversation = IntakeUntil(null);
        var created = Run(conversation, ["sí"]);
        var match = CreatedPattern().Match(string.Join("\n", created.Select(r => r.Text)));
        return match.Success
            ? (conversation, match.Groups["reference"].Value, match.Groups["code"].Value)
            : throw new InvalidOperationException($"The intake did not create a case: {string.Join(" | ", created.Select(r => r.Text))}");
    }

    private IReadOnlyList<ChatReply> Run(ChatAddress conversation, IEnumerable<string> answers)
    {
        IReadOnlyList<ChatReply> replies = [];
        foreach (var answer in answers)
        {
            replies = _engine.HandleAsync(new ChatTurn(conversation, answer, null, [], "es-GT"), default).GetAwaiter().GetResult();
        }

        return replies;
    }

    private ChatAddress NextConversation()
    {
        var n = ++_conversations;
        return new ChatAddress("webchat", $"bench-conversation-{n}", $"bench-user-{n}");
    }

    [GeneratedRegex("(?<reference>[A-Z]{2}-[0-9]{4}-[0-9]{6}).*(?<code>[A-Z0-9]{4}-[A-Z0-9]{4})", RegexOptions.Singleline)]
    private static partial Regex CreatedPattern();

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, new PercentileColumn(99));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
