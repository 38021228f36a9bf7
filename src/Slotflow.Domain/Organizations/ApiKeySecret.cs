using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Slotflow.Domain.Organizations;

/// <summary>The plaintext form of API keys: "sk_live_" and 32 lowercase alphanumerics. Only the hash is ever stored.</summary>
public static partial class ApiKeySecret
{
    public const string KeyPrefix = "sk_live_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Generate() => KeyPrefix + RandomNumberGenerator.GetString(Alphabet, 32);

    public static bool IsWellFormed(string? key) => key is not null && WellFormed().IsMatch(key);

    /// <summary>SHA-256, hex: the keys carry 165 random bits, so a slow password hash would add nothing.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What may be shown of a key later, e.g. in a key list: the fixed prefix and four characters.</summary>
    public static string DisplayPrefix(string key) => key[..(KeyPrefix.Length + 4)];

    [GeneratedRegex(@"^sk_live_[a-z0-9]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
