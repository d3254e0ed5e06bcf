using LegalAidReferral.Core.Chat;
using LegalAidReferral.Core.Chat.Cases;
using LegalAidReferral.Core.Chat.State;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>
/// A code check costs the same hashing whether the reference exists or not (docs/chat.md, "Secrets and lockout"),
/// so the time of the answer does not tell which references exist. The hasher is the real one, counted.
/// </summary>
public sealed class ChatCodeCheckWorkTests
{
    private const string WrongCode = "ACDE-3479";

    private static readonly ChatAddress Sender = new("test", "probe", "person");

    private readonly Mock<IChatCodeHasher> hasher = new();

    public ChatCodeCheckWorkTests()
    {
        var real = new Pbkdf2ChatCodeHasher();
        hasher.Setup(h => h.HashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string code, CancellationToken token) => real.HashAsync(code, token));
        hasher.Setup(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((string typed, string? stored, CancellationToken token) => real.VerifyAsync(typed, stored, token));
    }

    [Fact]
    public async Task Unknown_reference_hashes_the_code_once_and_is_refused()
    {
        await using var scenario = await StartAsync();

        var check = await VerifyAsync(scenario, "GT-2026-999999");

        AssertRefusedAfterOneHash(check, againstStoredHash: false);
    }

    [Fact]
    public async Task Known_reference_with_a_wrong_code_hashes_the_code_once_against_its_stored_hash()
    {
        await using var scenario = await StartAsync();
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");

        var check = await VerifyAsync(scenario, transcript.Captured["reference"]);

        AssertRefusedAfterOneHash(check, againstStoredHash: true);
    }

    [Fact]
    public async Task Reference_linked_to_a_case_without_a_code_hashes_the_code_once_and_is_refused()
    {
        await using var scenario = await StartAsync();
        await scenario.Services.GetRequiredService<IChatStateStore>().SaveLinkAsync(
            new ChatCaseLink("GT-2026-000777", "gt-idpp-guatemala", Guid.NewGuid()), default);

        var check = await VerifyAsync(scenario, "GT-2026-000777");

        AssertRefusedAfterOneHash(check, againstStoredHash: false);
    }

    [Fact]
    public async Task Locked_reference_with_the_right_code_is_answered_like_a_wrong_code_after_the_same_hashing()
    {
        await using var scenario = await StartAsync();
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");
        var answers = new List<CodeCheckResult>();
        for (var i = 0; i < ChatOptions.MaxWrongCodes; i++)
        {
            answers.Add((await VerifyAsync(scenario, transcript.Captured["reference"])).Result);
        }

        hasher.Invocations.Clear();

        var check = await scenario.Services.GetRequiredService<VerifyChatCode>().HandleAsync(
            transcript.Captured["reference"], transcript.Captured["code"], Sender, "en", "test", default);

        Assert.All(answers, answer => Assert.Equal(CodeCheckResult.Wrong, answer));
        Assert.Equal(CodeCheckResult.Wrong, check.Result);
        hasher.Verify(h => h.VerifyAsync(transcript.Captured["code"], null, It.IsAny<CancellationToken>()), Times.Once());
        hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Sender_over_the_limit_is_refused_without_hashing()
    {
        var limit = new Mock<ICodeCheckLimit>();
        limit.Setup(l => l.TryAdmit(Sender)).Returns(false);
        await using var scenario = await ChatScenario.StartAsync(services => services.AddSingleton(hasher.Object).AddSingleton(limit.Object));
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");

        var check = await scenario.Services.GetRequiredService<VerifyChatCode>().HandleAsync(
            transcript.Captured["reference"], transcript.Captured["code"], Sender, "en", "test", default);

        Assert.Equal(CodeCheckResult.TooMany, check.Result);
        hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task Without_a_stored_hash_even_a_well_formed_code_is_refused()
    {
        Assert.False(await new Pbkdf2ChatCodeHasher().VerifyAsync(ClientSecrets.NewCode(), null, default));
    }

    private void AssertRefusedAfterOneHash(CodeCheck check, bool againstStoredHash)
    {
        Assert.Equal(CodeCheckResult.Wrong, check.Result);
        hasher.Verify(h => h.VerifyAsync(WrongCode, It.Is<string?>(s => (s != null) == againstStoredHash), It.IsAny<CancellationToken>()), Times.Once());
        hasher.Verify(h => h.VerifyAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    private Task<ChatScenario> StartAsync() => ChatScenario.StartAsync(services => services.AddSingleton(hasher.Object));

    private static Task<CodeCheck> VerifyAsync(ChatScenario scenario, string reference) =>
        scenario.Services.GetRequiredService<VerifyChatCode>().HandleAsync(reference, WrongCode, Sender, "en", "test", default);
}
