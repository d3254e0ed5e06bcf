using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using LegalAidReferral.EndToEnd.Tests.Contract;

namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>
/// The standalone host as a real child process on a free loopback port, with its own data folder.
/// It is started by the tests that need it and killed (SIGKILL) or stopped by them.
/// </summary>
public sealed partial class StandaloneProcess : IAsyncDisposable
{
    /// <summary>How long a start may take: generous, since the suite runs on shared 2-core machines next to builds.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private StandaloneProcess(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToArray();
            }
        }
    }

    /// <summary>
    /// The flags the suite's hosts run with: the host is started as Production, where development
    /// sign-in and demo data are off unless asked for.
    /// </summary>
    public static readonly string[] DevelopmentFlags = ["--dev-sign-in", "true", "--seed-demo-data", "true"];

    /// <summary>Starts the host with <see cref="DevelopmentFlags"/>, then <paramref name="extraArguments"/> (the last value of an option wins).</summary>
    public static Task<StandaloneProcess> StartAsync(string dataFolder, params string[] extraArguments) =>
        StartWithoutFlagsAsync(dataFolder, [.. DevelopmentFlags, .. extraArguments]);

    /// <summary>Starts the host as Production with only <paramref name="arguments"/>.</summary>
    public static Task<StandaloneProcess> StartWithoutFlagsAsync(string dataFolder, params string[] arguments) =>
        StartWithoutFlagsAsync(StartTimeout, dataFolder, arguments);

    /// <summary>
    /// Starts the host as Production with only <paramref name="arguments"/>, waiting at most
    /// <paramref name="startTimeout"/> for its URL; a host that does not print it in time, or fails
    /// to, is killed with its children, so no failed start leaves a process behind.
    /// </summary>
    internal static async Task<StandaloneProcess> StartWithoutFlagsAsync(TimeSpan startTimeout, string dataFolder, params string[] arguments)
    {
        var start = StartInfo(dataFolder, arguments);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the standalone host.");
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(startTimeout);
        await using var registration = timeout.Token.Register(() => ready.TrySetException(
            new TimeoutException($"The standalone host did not print its URL within {startTimeout}. Output:\n{Joined()}")));
        _ = process.WaitForExitAsync().ContinueWith(
            _ => ready.TrySetException(new InvalidOperationException($"The standalone host exited with {process.ExitCode}. Output:\n{Joined()}")),
            TaskScheduler.Default);

        Uri url;
        try
        {
            url = await ready.Task;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }

        var host = new StandaloneProcess(process, url, dataFolder);
        lock (lines)
        {
            host._output.AddRange(lines);
        }

        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        return host;

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (RunningAt().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(new Uri(match.Groups["url"].Value));
            }
        }

        string Joined()
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Runs the host as Production with <paramref name="arguments"/> until it exits by itself.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunUntilExitAsync(string dataFolder, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(dataFolder, arguments)) ?? throw new InvalidOperationException("Could not start the standalone host.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The standalone host did not exit within {StartTimeout}.");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>A client whose every exchange with <c>/api</c> is checked against the OpenAPI document (see <see cref="ContractCheckingHandler"/>).</summary>
    public HttpClient CreateClient() => new(new ContractCheckingHandler(OpenApiContract.Served, new HttpClientHandler())) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits a few seconds at most for a line of output that <paramref name="match"/> accepts.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> match)
    {
        // The host writes its log lines from another thread than its answers and its banner; give the console a moment.
        for (var i = 0; i < 100 && !Output.Any(match); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains(Output, line => match(line));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was acknowledged must already be durable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(string dataFolder, IEnumerable<string> arguments)
    {
        var hostDll = LocateHost();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { hostDll, "--urls", "http://127.0.0.1:0", "--data", dataFolder }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return start;
    }

    /// <summary>The folder that holds <c>LegalAidReferral.sln</c>, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LegalAidReferral.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Could not find the repository root (LegalAidReferral.sln) above the test folder.");
    }

    private static string LocateHost()
    {
        var configuration = typeof(StandaloneProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot(), "src", "LegalAidReferral.Standalone", "bin", configuration, "net10.0", "LegalAidReferral.Standalone.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"The standalone host is not built at {dll}. Build the solution first (dotnet test builds it).");
    }

    [GeneratedRegex(@"LegalAidReferral is running\. Open (?<url>http://\S+?)/?$")]
    private static partial Regex RunningAt();
}
