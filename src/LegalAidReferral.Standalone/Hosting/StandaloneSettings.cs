using System.Globalization;
using LegalAidReferral.Infrastructure.Storage;

namespace LegalAidReferral.Standalone.Hosting;

/// <summary>
/// The standalone host's own options, from the command line (<c>--data</c>, <c>--dev-sign-in</c>,
/// <c>--seed-demo-data</c>, <c>--dev-clock-offset</c>, <c>--storage</c>) or configuration, and the embedded defaults it gives the shared services.
/// </summary>
/// <param name="RealIdentity">
/// The first <c>AzureAd</c> setting that names a real tenant or application, or null when the
/// identity settings are absent or the development defaults.
/// </param>
/// <param name="ClockOffset">How far ahead of the system clock the host's clock runs (zero but on a development host).</param>
public sealed record StandaloneSettings(string DataFolder, bool DevSignIn, bool SeedDemoData, string? RealIdentity, TimeSpan ClockOffset)
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The audience of development tokens; the Functions app gets its own from Entra ID settings.</summary>
    public const string DevClientId = "api://legalaidreferral-dev";

    public const string DevTenantId = "00000000-0000-0000-0000-000000000000";

    private const string DevSignInFlag = "dev-sign-in";
    private const string SeedDemoDataFlag = "seed-demo-data";
    private const string ClockOffsetFlag = "dev-clock-offset";
    private const string StorageFlag = "storage";

    // A setting with any other value than these development defaults is a real configuration: a real
    // tenant or application, or a real Cosmos DB account reached by identity (the emulator is reached
    // by a connection string).
    private static readonly (string Key, string DevValue)[] IdentitySettings =
    [
        ("AzureAd:TenantId", DevTenantId),
        ("AzureAd:ClientId", DevClientId),
        ("AzureAd:Audience", DevClientId),
        ("Storage:Cosmos:AccountEndpoint", ""),
    ];

    /// <summary>
    /// Development sign-in and demo data are on by default only in the Development environment and
    /// without a real identity configuration; a flag turns either on or off explicitly. Turning
    /// either on together with a real identity configuration is refused, so a production host can
    /// never offer tokens for anyone, or mix demo cases into real ones, by accident. A clock offset is
    /// a development aid too: accepted only with development sign-in on.
    /// </summary>
    /// <exception cref="StartupRefusedException">
    /// A development feature is on together with a real identity configuration, or a clock offset is
    /// not a duration or is set without development sign-in.
    /// </exception>
    public static StandaloneSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var realIdentity = IdentitySettings
            .Where(s => !string.IsNullOrWhiteSpace(configuration[s.Key]) && configuration[s.Key] != s.DevValue)
            .Select(s => s.Key)
            .FirstOrDefault();
        var byDefault = environment.IsDevelopment() && realIdentity is null;
        var settings = new StandaloneSettings(
            Path.GetFullPath(configuration["data"] ?? ".data"),
            configuration.GetValue(DevSignInFlag, byDefault),
            configuration.GetValue(SeedDemoDataFlag, byDefault),
            realIdentity,
            ParseClockOffset(configuration[ClockOffsetFlag]))
        {
            StorageProvider = configuration["Storage:Provider"] ?? configuration[StorageFlag] ?? StorageRegistration.Sqlite,
        };
        if (realIdentity is not null && (settings.DevSignIn || settings.SeedDemoData))
        {
            var flag = settings.DevSignIn ? DevSignInFlag : SeedDemoDataFlag;
            throw new StartupRefusedException(
                $"Refusing to start: --{flag} is on, but {realIdentity} names a real Entra ID or Cosmos DB configuration. " +
                $"Remove --{flag} (production), or remove that setting (local development).");
        }

        if (settings.ClockOffset != TimeSpan.Zero && !settings.DevSignIn)
        {
            throw new StartupRefusedException(
                $"Refusing to start: --{ClockOffsetFlag} moves the host's clock and is for development hosts only; turn on --{DevSignInFlag} or remove it.");
        }

        return settings;
    }

    /// <summary><c>sqlite</c> (the default, in <see cref="DataFolder"/>) or <c>cosmos</c> (<c>--storage cosmos</c> or <c>Storage:Provider</c>).</summary>
    public string StorageProvider { get; init; } = StorageRegistration.Sqlite;

    /// <summary>Where the data is, for the start-up lines.</summary>
    public string StorageDescription => StorageProvider == StorageRegistration.Sqlite ? DataFolder : "Cosmos DB (Storage:Cosmos)";

    private static TimeSpan ParseClockOffset(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var offset) && offset >= TimeSpan.Zero
            ? offset
            : throw new StartupRefusedException(
                $"Refusing to start: --{ClockOffsetFlag} '{value}' is not a duration of zero or more, such as 5.00:00:00 for five days.");
    }

    /// <summary>One line that says what anyone who reaches this host can do, for the banner.</summary>
    public string Mode => (DevSignIn, SeedDemoData, RealIdentity) switch
    {
        (true, true, _) => "development: development sign-in and demo data. Never expose this host.",
        (true, false, _) => "development: development sign-in, no demo data. Never expose this host.",
        (false, true, _) => "demo data, no development sign-in; AzureAd:TenantId and AzureAd:ClientId are not set, so no token is accepted.",
        (false, false, null) => "production: Entra ID sign-in, but AzureAd:TenantId and AzureAd:ClientId are not set, so no token is accepted.",
        (false, false, _) => "production: Entra ID sign-in.",
    };

    public IEnumerable<KeyValuePair<string, string?>> Defaults() =>
    [
        new("Storage:DataFolder", DataFolder),
        new("Storage:Provider", StorageProvider),
        new("AzureAd:Instance", "https://login.microsoftonline.com/"),
        new("AzureAd:TenantId", DevTenantId),
        new("AzureAd:ClientId", DevClientId),
    ];
}
