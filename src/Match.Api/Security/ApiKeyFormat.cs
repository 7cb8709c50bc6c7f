using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Match.Api.Security;

/// <summary>
/// API keys look like <c>mk_&lt;16 hex key id&gt;_&lt;64 hex secret&gt;</c>: the key id finds the stored row, the secret is 32 random
/// bytes. Only the SHA-256 of the whole key is stored.
/// </summary>
public static class ApiKeyFormat
{
    public const string HeaderName = "X-Api-Key";
    public const string Prefix = "mk_";

    private const int KeyIdLength = 16;
    private const int SecretLength = 64;
    private const int KeyLength = 3 + KeyIdLength + 1 + SecretLength;

    /// <summary>A fresh key and its public key id.</summary>
    public static (string KeyId, string Key) NewKey()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>Reads the key id from a presented key; false when the text does not have the shape of a key.</summary>
    public static bool TryReadKeyId(string? key, [NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (key is null || key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[3 + KeyIdLength] != '_'
            || !IsLowerHex(key.AsSpan(3, KeyIdLength)) || !IsLowerHex(key.AsSpan(3 + KeyIdLength + 1)))
        {
            return false;
        }

        keyId = key.Substring(3, KeyIdLength);
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the whole key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares the presented key's hash to the stored one in constant time.</summary>
    public static bool Matches(string key, string storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(key));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
