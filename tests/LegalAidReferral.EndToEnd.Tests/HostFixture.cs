namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>One standalone host shared by the tests of a class, on its own data folder (SQLite unless a subclass says otherwise).</summary>
public class HostFixture : IAsyncLifetime
{
    private readonly TempFolder _data = new();

    public StandaloneProcess Host { get; private set; } = null!;

    public string DataFolder => _data.Path;

    public async Task InitializeAsync() => Host = await StandaloneProcess.StartAsync(_data.Path, await StorageArgumentsAsync());

    public Task<ApiSession> SignInAsync(string userId) => ApiSession.SignInAsync(Host.CreateClient(), userId);

    /// <summary>The command-line arguments that choose the host's storage.</summary>
    protected virtual Task<string[]> StorageArgumentsAsync() => Task.FromResult<string[]>([]);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }
}
