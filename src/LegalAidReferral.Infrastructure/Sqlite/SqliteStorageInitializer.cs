using LegalAidReferral.Infrastructure.Seed;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>Creates the schema and seeds the office directory before the host serves requests.</summary>
public sealed class SqliteStorageInitializer(SqliteDatabase database, SqliteOfficeDirectory directory) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        await directory.SeedAsync(SeedOffices.Load(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
