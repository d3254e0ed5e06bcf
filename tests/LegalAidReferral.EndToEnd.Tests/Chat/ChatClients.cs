using System.ComponentModel;
using System.Diagnostics;

namespace LegalAidReferral.EndToEnd.Tests.Chat;

/// <summary>
/// The npm package of the real Bot Framework clients (<c>chat-clients/</c>): installed by the standalone
/// host's build (npm ci from the committed lockfile), run here with Node.js.
/// </summary>
public static class ChatClients
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static string Folder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "chat-clients");
                if (File.Exists(Path.Combine(candidate, "package-lock.json")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("chat-clients/package-lock.json was not found above the test assembly.");
        }
    }

    /// <summary>Runs <c>node</c> with the arguments in <see cref="Folder"/>; its exit code, standard output and error.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> NodeAsync(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "botframework-directlinejs")))
        {
            throw new InvalidOperationException($"{Folder}/node_modules is missing: build src/LegalAidReferral.Standalone, which runs npm ci there.");
        }

        var start = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The chat client tests need Node.js 20 ('node' was not found: {e.Message}). Install it (Debian: apt-get install -y nodejs npm) and run the tests again.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(RunTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node {string.Join(' ', arguments)} did not finish within {RunTimeout}: {await errors}");
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
