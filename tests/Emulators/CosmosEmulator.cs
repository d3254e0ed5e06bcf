using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace LegalAidReferral.Testing.Emulators;

/// <summary>
/// The Cosmos DB emulator of <c>emulators/cosmos</c> (@vercel/cosmosdb-server behind its proxy), started
/// once per test assembly on a free port: installed with <c>npm ci</c> from the committed lockfile when
/// the installed copy is missing or older than the lockfile, and stopped by its process id when the
/// tests end (it also exits by itself when this process dies: it watches its standard input).
/// Node.js and npm are required; without them the Cosmos tests fail with what to install, never skip.
/// </summary>
public sealed class CosmosEmulator
{
    /// <summary>Any key is accepted; this is the well-known key of Microsoft's emulator.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private const string ReadyPrefix = "ready ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Task<CosmosEmulator>> Shared = new(StartAsync);

    private readonly Process process;

    private CosmosEmulator(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public Uri Endpoint { get; }

    public string ConnectionString => $"AccountEndpoint={Endpoint};AccountKey={Key};";

    /// <summary>The emulator of this test run, started on first use.</summary>
    public static Task<CosmosEmulator> Instance => Shared.Value;

    /// <summary>The folder of the emulator's npm package, found from the test assembly upwards.</summary>
    public static string PackageFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "emulators", "cosmos");
                if (File.Exists(Path.Combine(candidate, "package-lock.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("emulators/cosmos/package-lock.json was not found above the test assembly.");
        }
    }

    private static async Task<CosmosEmulator> StartAsync()
    {
        var folder = PackageFolder;
        await Task.Run(() => EnsureInstalled(folder));
        var start = new ProcessStartInfo("node", ["proxy.js"])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Run(start);
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
                {
                    return new CosmosEmulator(process, new Uri(line[ReadyPrefix.Length..]));
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The Cosmos DB emulator did not get ready within {StartTimeout.TotalSeconds} s.");
        }

        throw new InvalidOperationException($"The Cosmos DB emulator exited before it was ready: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>
    /// Runs <c>npm ci</c> unless the installed packages come from the current lockfile (a stamp holds
    /// its hash). A machine-wide mutex keeps test assemblies that start together from installing at once.
    /// </summary>
    private static void EnsureInstalled(string folder)
    {
        var lockfileHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, "package-lock.json"))));
        var stamp = Path.Combine(folder, "node_modules", ".installed-lockfile-sha256");
        if (File.Exists(stamp) && File.ReadAllText(stamp) == lockfileHash)
        {
            return;
        }

        using var installing = new Mutex(false, "legalaidreferral-cosmos-npm-ci");
        if (!installing.WaitOne(InstallTimeout))
        {
            throw new InvalidOperationException($"Another npm ci of {folder} did not finish within {InstallTimeout.TotalMinutes} minutes.");
        }

        try
        {
            if (File.Exists(stamp) && File.ReadAllText(stamp) == lockfileHash)
            {
                return;
            }

            var npm = Run(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            var output = npm.StandardOutput.ReadToEndAsync();
            var errors = npm.StandardError.ReadToEndAsync();
            if (!npm.WaitForExit(InstallTimeout) || npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed: {output.Result}{errors.Result}");
            }

            File.WriteAllText(stamp, lockfileHash);
        }
        finally
        {
            installing.ReleaseMutex();
        }
    }

    private static Process Run(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The Cosmos DB tests need Node.js 20 and npm ('{start.FileName}' was not found: {e.Message}). " +
                "Install them (Debian: apt-get install -y nodejs npm) and run the tests again.", e);
        }
    }

    private void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }
}
