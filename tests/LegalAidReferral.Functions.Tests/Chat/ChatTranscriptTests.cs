using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Chat.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace LegalAidReferral.Functions.Tests.Chat;

/// <summary>The transcripts of Chat/Transcripts, each against a fresh host with SQLite storage, a fake clock and a fake channel.</summary>
public sealed class ChatTranscriptTests
{
    [Theory]
    [InlineData("intake-es.txt")]
    [InlineData("intake-ht.txt")]
    [InlineData("refused-consent.txt")]
    [InlineData("status-lockout.txt")]
    [InlineData("code-check-limit.txt")]
    [InlineData("case-actions.txt")]
    [InlineData("hostile.txt")]
    [InlineData("language-switch.txt")]
    [InlineData("referral-notices.txt")]
    public async Task Transcript_runs_as_written(string name)
    {
        await using var scenario = await ChatScenario.StartAsync();

        await new Transcript(scenario).RunAsync(name);
    }

    [Fact]
    public async Task Spanish_intake_creates_a_triaged_chat_case_holding_only_the_hash_of_the_code()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var transcript = new Transcript(scenario);

        await transcript.RunAsync("intake-es.txt");

        var link = await scenario.LinkAsync(transcript.Captured["reference"]);
        var stored = await scenario.Services.GetRequiredService<ICaseStore>().FindAsync(link.OfficeId, link.CaseId, default);
        Assert.NotNull(stored);
        Assert.Equal("gt-idpp-guatemala", stored.OfficeId);
        Assert.Equal(IntakeChannel.Chat, stored.Channel);
        Assert.Equal(CaseStatus.Triaged, stored.Status);
        Assert.Equal("Lucía Ejemplo Ramírez", stored.Details.Client.FullName);
        Assert.Equal(LegalIssueType.Deportation, Assert.Single(stored.Details.LegalIssues).Type);
        Assert.Equal([ConsentPurpose.StoreAndProcess, ConsentPurpose.ContactByChat], stored.Consents.Select(c => c.Purpose));
        Assert.NotNull(stored.ConflictCheck);
        Assert.StartsWith("pbkdf2-sha256$", stored.Chat!.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(transcript.Captured["code"].Replace("-", string.Empty, StringComparison.Ordinal), stored.Chat.Secret, StringComparison.Ordinal);
        Assert.True(ClientSecrets.Verify(transcript.Captured["code"], stored.Chat.Secret!));
    }

    [Fact]
    public async Task Lock_after_wrong_codes_is_on_the_case_for_staff_to_see_and_answered_like_a_wrong_code()
    {
        await using var scenario = await ChatScenario.StartAsync();
        var transcript = new Transcript(scenario);
        await transcript.RunAsync("intake-en.part.txt");
        var link = await scenario.LinkAsync(transcript.Captured["reference"]);
        var verify = scenario.Services.GetRequiredService<VerifyChatCode>();
        var address = new Core.Chat.ChatAddress("test", "other", "person");

        for (var i = 0; i < 5; i++)
        {
            await verify.HandleAsync(transcript.Captured["reference"], "ACDE-3479", address, "en", "test", default);
        }

        var stored = await scenario.Services.GetRequiredService<ICaseStore>().FindAsync(link.OfficeId, link.CaseId, default);
        Assert.Equal(ChatScenario.Start + Core.Chat.ChatOptions.CodeLock, stored!.Chat!.LockedUntil);
        Assert.Equal(CodeCheckResult.Wrong, (await verify.HandleAsync(transcript.Captured["reference"], transcript.Captured["code"], address, "en", "test", default)).Result);
    }
}
