using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LegalAidReferral.Infrastructure.Tests.Documents;

/// <summary>
/// Azurite's Blob service from npm (<c>emulators/azurite</c>, committed lockfile): installed with
/// <c>npm ci</c> when missing, started on a free port in a temporary folder, ready once it says it
/// listens, and stopped by its process id. Without node or npm the tests fail with what to install.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly string _location = Directory.CreateTempSubdirectory("legalaidreferral-azurite-").FullName;
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The emulator's well-known development account on this run's port.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var folder = EmulatorFolder();
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, InstallTimeout);
        }

        Port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", _location, "--silent", "--skipApiVersionCheck" })
        {
            start.ArgumentList.Add(argument);
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = StartOrExplain(start);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("successfully listens", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before it listened."));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await listening.Task.WaitAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        Directory.Delete(_location, recursive: true);
    }

    private static async Task RunAsync(string fileName, string[] arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed in {folder} (exit {process.ExitCode}):\n{await output}\n{await errors}");
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The Blob document tests need Node.js 20 or later with npm, to run Azurite: '{start.FileName}' was not found. " +
                "Install them (Debian: apt-get install -y nodejs npm), then run the tests again; they install Azurite themselves.", e);
        }
    }

    private static string EmulatorFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "emulators", "azurite");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("emulators/azurite/package-lock.json was not found above the test folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
