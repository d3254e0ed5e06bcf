using System.Security.Cryptography;
using System.Text.Json;
using LegalAidReferral.Infrastructure.Files;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LegalAidReferral.Standalone.DevSignIn;

/// <summary>
/// Signs access tokens shaped like Entra ID v2.0 tokens for the demo users, so the standalone host
/// runs the real validation pipeline without a tenant. The RSA key lives in the data folder so that
/// tokens already handed out stay valid across restarts.
/// </summary>
public sealed class DevIssuer
{
    public const string Issuer = "https://legalaidreferral.local/dev-issuer";
    public const string KeyFileName = "dev-signing-key.json";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly DevIssuerSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly SigningCredentials _signingCredentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public DevIssuer(DevIssuerSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);

        _settings = settings;
        _timeProvider = timeProvider;
        SigningKey = LoadOrCreateKey(Path.Combine(settings.DataFolder, KeyFileName));
        _signingCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey SigningKey { get; }

    public string IssueToken(DemoUser user, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _signingCredentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["oid"] = user.UserId,
                ["sub"] = user.UserId,
                ["name"] = user.DisplayName,
                ["roles"] = user.Roles.Select(role => role.ToString()).ToArray(),
                [_settings.OfficeClaimType] = user.OfficeId,
                ["tid"] = _settings.TenantId,
                ["ver"] = "2.0",
            },
        });
    }

    private static RsaSecurityKey LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        OwnerOnly.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rsa = RSA.Create(2048);
        var stored = new StoredKey(Guid.NewGuid().ToString("N"), Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()));
        try
        {
            using var stream = new FileStream(path, OwnerOnly.CreateNew());
            JsonSerializer.Serialize(stream, stored);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first; use theirs so both accept the same tokens.
            rsa.Dispose();
            return Load(path);
        }

        return new RsaSecurityKey(rsa) { KeyId = stored.KeyId };
    }

    private static RsaSecurityKey Load(string path)
    {
        var stored = JsonSerializer.Deserialize<StoredKey>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The development signing key file {path} is empty.");
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKeyPkcs8), out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.KeyId };
    }

    private sealed record StoredKey(string KeyId, string PrivateKeyPkcs8);
}
