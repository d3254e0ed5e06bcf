using System.Diagnostics;
using System.Reflection;

namespace LegalAidReferral.Infrastructure.Deployment.Tests.Bicep;

/// <summary>
/// The Bicep CLI restored by this project's PackageDownload (offline, cached in the NuGet folder), run
/// as a process. Its environment holds only the variables given, besides the process's own, so the
/// parameter files read fixed test values.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static string Path { get; } = Metadata("BicepCli");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static async Task<BicepRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the CLI in the repository root with its standard streams redirected.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
    }

    // NuGet extracts the package without the execute bit on some systems.
    private static void EnsureExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(Path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Path, mode | UnixFileMode.UserExecute);
        }
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}

/// <summary>What one run of the CLI answered. Bicep prints every diagnostic (error, warning, info) on stderr.</summary>
public sealed record BicepRun(string Command, int ExitCode, string Output, string Errors)
{
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(Errors);

    public override string ToString() => $"bicep {Command} exited {ExitCode}:\n{Errors}";
}
