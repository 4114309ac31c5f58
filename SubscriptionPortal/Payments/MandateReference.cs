using System.Globalization;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Payments;

/// <summary>
/// The unique mandate reference (UMR, in France the RUM) that the creditor gives a SEPA mandate and
/// quotes on every debit under it.
/// </summary>
internal static class MandateReference
{
    /// <summary>The SEPA limit for a mandate reference.</summary>
    public const int MaxLength = SepaText.IdentifierMaxLength;

    /// <summary>
    /// The reference of a platform's <paramref name="sequence"/>-th mandate, signed on <paramref name="signedOn"/>:
    /// "SP-{platformId:D6}-{yyyyMMdd}-{sequence}", e.g. "SP-000042-20260115-1". Unique as long as the
    /// sequence is unique per platform; at most 33 characters even for the largest ids.
    /// </summary>
    /// <param name="platformId">The platform's id, positive.</param>
    /// <param name="signedOn">The local date the mandate was signed.</param>
    /// <param name="sequence">1 for the platform's first mandate, then 2, 3...</param>
    public static string Create(int platformId, DateOnly signedOn, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(platformId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        return string.Create(CultureInfo.InvariantCulture, $"SP-{platformId:D6}-{signedOn:yyyyMMdd}-{sequence}");
    }

    /// <summary>
    /// Checks a mandate reference, for instance one carried over from another creditor's system:
    /// 1–35 characters of the SEPA set (letters, digits, spaces and / - ? : ( ) . , ' +), not starting
    /// or ending with "/" and without "//". Surrounding spaces are ignored.
    /// </summary>
    /// <returns>Valid with the trimmed reference, or invalid with a message for the user.</returns>
    public static CheckResult Validate(string? input)
    {
        var reference = input?.Trim() ?? "";
        if (reference.Length == 0)
        {
            return CheckResult.Invalid("Enter a mandate reference");
        }

        return SepaText.IdentifierProblem(reference, MaxLength) is { } problem
            ? CheckResult.Invalid($"A mandate reference {problem}")
            : CheckResult.Valid(reference);
    }
}
