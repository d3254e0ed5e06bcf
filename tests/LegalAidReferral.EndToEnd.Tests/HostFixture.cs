namespace LegalAidReferral.EndToEnd.Tests;

/// <summary>One standalone host shared by the tests of a class, on its own data folder (SQLite unless a subclass says otherwise).</summary>
public class HostFixture : IAsyncLifetime
{
    private readonly TempFolder _data = new();

    private StandaloneProcess? _host;

    /// <summary>The started host; a fixture whose start failed has none, and says so instead of a null reference.</summary>
    public StandaloneProcess Host => _host ?? throw new InvalidOperationException("The standalone host of this fixture did not start; see the class's first failure.");

    public string DataFolder => _data.Path;

    public async Task InitializeAsync() => _host = await StandaloneProcess.StartAsync(_data.Path, await StorageArgumentsAsync());

    public Task<ApiSession> SignInAsync(string userId) => ApiSession.SignInAsync(Host.CreateClient(), userId);

    /// <summary>The command-line arguments that choose the host's storage.</summary>
    protected virtual Task<string[]> StorageArgumentsAsync() => Task.FromResult<string[]>([]);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }
}
