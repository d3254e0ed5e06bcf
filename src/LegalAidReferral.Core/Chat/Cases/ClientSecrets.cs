using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LegalAidReferral.Core.Chat.Cases;

/// <summary>
/// The client's secret code: 8 characters from an alphabet without look-alikes (shown as XXXX-XXXX),
/// stored only as a PBKDF2-SHA256 hash with a salt of its own (<c>pbkdf2-sha256$iterations$salt$hash</c>).
/// </summary>
public static class ClientSecrets
{
    public const int Length = 8;

    private const string Alphabet = "ACDEFHJKMNPRTWXY3479";
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string NewCode()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        return $"{code[..4]}-{code[4..]}";
    }

    /// <summary>The code as typed, with case, spaces and dashes ignored; null if it cannot be a code.</summary>
    public static string? Normalize(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var code = new string(typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(code, salt, Iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string typed, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (Normalize(typed) is not { } code || parts.Length != 4 || parts[0] != Scheme)
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(code, Convert.FromBase64String(parts[2]), int.Parse(parts[1], CultureInfo.InvariantCulture));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(code) ?? code), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
