using LegalAidReferral.Core.Audit;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;
using LegalAidReferral.Core.Offices;
using LegalAidReferral.Core.Referrals.Protocol;
using LegalAidReferral.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LegalAidReferral.Infrastructure.Tests.Sqlite;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "legalaidreferral-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Registered_storage_starts_with_schema_and_seeded_offices()
    {
        await using (var provider = new ServiceCollection().AddSqliteStorage(new SqliteStorageOptions(folder)).BuildServiceProvider())
        {
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(default);
            }

            Assert.Contains(await provider.GetRequiredService<IOfficeDirectory>().ListAsync(default), o => o.Id == "gt-idpp-guatemala");
            Assert.Same(provider.GetRequiredService<SqliteCaseStore>(), provider.GetRequiredService<ICaseStore>());
            Assert.NotNull(provider.GetRequiredService<IAuditTrail>());
            Assert.NotNull(provider.GetRequiredService<IIdempotencyStore>());
            Assert.Equal(1, (await provider.GetRequiredService<ICaseReferenceSequence>().NextAsync("gt-idpp-guatemala", 2026, default)).Number);
            Assert.True(await provider.GetRequiredService<SqliteDatabase>().IsHealthyAsync(default));
            Assert.Equal(1, (await provider.GetRequiredService<IProtocolSettingsStore>().CurrentAsync("mx-ifdp-tapachula", default))!.Version);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
