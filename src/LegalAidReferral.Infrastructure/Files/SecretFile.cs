using System.Security.Cryptography;

namespace LegalAidReferral.Infrastructure.Files;

/// <summary>
/// A random secret kept in an owner-only file (base64), created on first use: for the standalone
/// host, which has no key vault. Two processes starting together end up with the same secret.
/// </summary>
public static class SecretFile
{
    public static byte[] LoadOrCreate(string path, int bytes)
    {
        if (File.Exists(path))
        {
            return Load(path, bytes);
        }

        OwnerOnly.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var secret = RandomNumberGenerator.GetBytes(bytes);
        try
        {
            using var stream = new FileStream(path, OwnerOnly.CreateNew());
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(secret));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Load(path, bytes);
        }

        return secret;
    }

    private static byte[] Load(string path, int bytes)
    {
        var secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return secret.Length >= bytes
            ? secret
            : throw new InvalidOperationException($"The secret in {path} is shorter than {bytes} bytes; delete the file to create a new one.");
    }
}
