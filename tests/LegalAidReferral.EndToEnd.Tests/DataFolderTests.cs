using System.Runtime.Versioning;

namespace LegalAidReferral.EndToEnd.Tests;

public class DataFolderTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Data_folder_and_every_file_in_it_are_the_owners_only()
    {
        using var parent = new TempFolder();
        var data = Path.Combine(parent.Path, "data");
        await using var host = await StandaloneProcess.StartAsync(data);
        var defender = await ApiSession.SignInAsync(host.CreateClient(), Samples.GuatemalaDefender);
        await defender.CreateCaseAsync();

        var files = Directory.GetFiles(data);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
        Assert.Equal(
            ["dev-signing-key.json", "legalaidreferral.db", "legalaidreferral.db-shm", "legalaidreferral.db-wal"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file)));
    }
}
