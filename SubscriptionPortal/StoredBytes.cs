using System.Security.Cryptography;

namespace SubscriptionPortal;

/// <summary>
/// The fingerprint kept beside bytes stored once and served as they are (invoices, credit notes, bank
/// files): lower-case hex SHA-256, taken when they are stored and checked before they leave.
/// </summary>
internal static class StoredBytes
{
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether <paramref name="content"/> is still what was stored with <paramref name="sha256"/>.</summary>
    public static bool AreIntact(byte[] content, string sha256) => string.Equals(Sha256(content), sha256, StringComparison.Ordinal);
}
