using System.Text.Json.Nodes;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Functions.Cases;
using LegalAidReferral.Functions.Tests.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace LegalAidReferral.Functions.Tests.Input;

public class RequestDefectTests
{
    private const string Defender = "gt-idpp-guatemala-defender";

    private static object Intake() => new
    {
        client = new { fullName = "Cliente Ficticia Límite" },
        legalIssues = new[] { new { type = "asylum" } },
    };

    private static object Consent(int i) => new { purpose = "store-and-process", given = i % 2 == 0, channel = "in-person", language = "es" };

    [Fact]
    public async Task A_case_holds_at_most_fifty_consents_and_the_next_is_a_409()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);

        for (var i = 0; i < FieldLimits.ConsentsPerCase; i++)
        {
            Assert.Equal(201, (await RecordConsentAsync(harness, caseId, Consent(i))).Status);
        }

        var (status, body) = await RecordConsentAsync(harness, caseId, Consent(0));

        Assert.Equal(409, status);
        Assert.Contains("50 consents", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_records_at_most_a_hundred_status_changes_and_the_next_is_a_409()
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);
        string[] cycle = ["triaged", "intake"];

        for (var i = 0; i < FieldLimits.StatusChangesPerCase; i++)
        {
            Assert.Equal(200, (await ChangeStatusAsync(harness, caseId, cycle[i % 2])).Status);
        }

        var (status, body) = await ChangeStatusAsync(harness, caseId, "triaged");

        Assert.Equal(409, status);
        Assert.EndsWith("/conflict", body!["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_a_408_and_one_warning_line()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new FunctionHarness(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await harness.StartAsync();
        var stalled = TestBody.Stalled();
        var request = harness.Request("POST", Defender, "{}");
        request.Body = stalled;
        request.ContentLength = 500;

        var running = harness.Function<IntakeCaseFunction>().Run(request);
        await stalled.Reading;
        clock.Advance(TimeSpan.FromSeconds(31));
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await running.WaitAsync(TimeSpan.FromSeconds(30)), request);

        Assert.Equal(408, status);
        Assert.EndsWith("/request-timeout", body!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertOneWarningWithoutStack(harness, "not received in time");
    }

    public static TheoryData<string, int, string> ReadFailures() => new()
    {
        { "min-data-rate", 408, "sent too slowly" },
        { "unexpected-end", 400, "incomplete" },
        { "connection-reset", 400, "incomplete" },
    };

    [Theory]
    [MemberData(nameof(ReadFailures))]
    public async Task A_body_the_server_cannot_finish_reading_is_a_problem_and_one_warning_line(string failure, int expected, string logged)
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var request = harness.Request("POST", Defender, "{}");
        request.Body = TestBody.Failing(failure switch
        {
            "min-data-rate" => new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", 408),
            "unexpected-end" => new BadHttpRequestException("Unexpected end of request content.", 400),
            _ => new IOException("Connection reset by peer"),
        });

        var (status, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);

        Assert.Equal(expected, status);
        Assert.Equal(expected, body!["status"]!.GetValue<int>());
        AssertOneWarningWithoutStack(harness, logged);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("W/")]
    [InlineData("\"5\", 6")]
    public async Task A_malformed_If_Match_is_a_400_naming_the_header(string ifMatch)
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);

        var (status, body) = await ChangeStatusAsync(harness, caseId, "triaged", ifMatch);

        Assert.Equal(400, status);
        Assert.True(body!["errors"]!.AsObject().ContainsKey("If-Match"));
    }

    [Theory]
    [InlineData("\"1\"", 200)]
    [InlineData("W/\"1\"", 412)]
    [InlineData("\"7\"", 412)]
    public async Task A_well_formed_If_Match_is_compared_with_the_case(string ifMatch, int expected)
    {
        await using var harness = new FunctionHarness();
        await harness.StartAsync();
        var caseId = await CreateCaseAsync(harness);

        Assert.Equal(expected, (await ChangeStatusAsync(harness, caseId, "triaged", ifMatch)).Status);
    }

    private static void AssertOneWarningWithoutStack(FunctionHarness harness, string reason)
    {
        var line = Assert.Single(harness.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
        Assert.StartsWith("Warning", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.TrimEnd());
    }

    private static async Task<string> CreateCaseAsync(FunctionHarness harness)
    {
        var request = harness.Request("POST", Defender, Intake());
        var (_, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<IntakeCaseFunction>().Run(request), request);
        return body!["id"]!.GetValue<string>();
    }

    private static async Task<(int Status, JsonNode? Body)> RecordConsentAsync(FunctionHarness harness, string caseId, object consent)
    {
        var request = harness.Request("POST", Defender, consent);
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<RecordConsentFunction>().Run(request, caseId), request);
        return (status, body);
    }

    private static async Task<(int Status, JsonNode? Body)> ChangeStatusAsync(FunctionHarness harness, string caseId, string to, string? ifMatch = null)
    {
        var headers = ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch };
        var request = harness.Request("POST", Defender, new { to, reason = "Back and forth" }, headers: headers);
        var (status, _, body) = await FunctionHarness.ExecuteAsync(await harness.Function<ChangeCaseStatusFunction>().Run(request, caseId), request);
        return (status, body);
    }

    /// <summary>A request body whose reads do what the test says: fail as Kestrel's do, or wait for a client that sent nothing more.</summary>
    private sealed class TestBody(Func<CancellationToken, Task<int>> read) : Stream
    {
        private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reading => _reading.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public static TestBody Stalled() => new(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        });

        public static TestBody Failing(Exception failure) => new(_ => Task.FromException<int>(failure));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _reading.TrySetResult();
            return new ValueTask<int>(read(cancellationToken));
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
