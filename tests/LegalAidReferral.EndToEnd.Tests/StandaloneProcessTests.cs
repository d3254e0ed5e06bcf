namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>The harness itself: a start that fails must not leave a host running for the rest of the suite.</summary>
public sealed class StandaloneProcessTests
{
    [Fact]
    public async Task A_host_that_does_not_print_its_url_in_time_is_killed()
    {
        using var data = new TempFolder();

        await Assert.ThrowsAsync<TimeoutException>(
            () => StandaloneProcess.StartWithoutFlagsAsync(TimeSpan.FromMilliseconds(1), data.Path));

        Assert.Empty(ProcessesNaming(data.Path));
    }

    /// <summary>The ids of running processes whose command line names <paramref name="text"/> (Linux /proc).</summary>
    private static List<int> ProcessesNaming(string text)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var id) && CommandLine(folder).Contains(text, StringComparison.Ordinal))
            {
                found.Add(id);
            }
        }

        return found;
    }

    private static string CommandLine(string processFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
