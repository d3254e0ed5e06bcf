using LegalAidReferral.Core.Cases;
using LegalAidReferral.Infrastructure.Sqlite;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

/// <summary>A database in a fresh temporary folder, removed with everything in it on dispose.</summary>
public abstract class TempDatabase : IAsyncLifetime
{
    /// <summary>The reference number tests claim with a case when numbering is not what they test.</summary>
    protected static readonly CaseNumber TestNumber = new("test-office", 2026, 1);

    protected TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-tests", Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(new SqliteStorageOptions(Folder));
    }

    protected string Folder { get; }

    protected SqliteDatabase Database { get; private set; }

    public virtual Task InitializeAsync() => Database.InitializeAsync(CancellationToken.None);

    public virtual async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Closes the file and opens it again, as a restarted host would.</summary>
    protected async Task ReopenAsync()
    {
        await Database.DisposeAsync();
        Database = new SqliteDatabase(new SqliteStorageOptions(Folder));
        await Database.InitializeAsync(CancellationToken.None);
    }
}
