using System.Collections.Frozen;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Why a bank refused or returned a SEPA direct debit: an ISO 20022 reason code as banks send it in
/// their reject and return files, what it means, and what the association should do about it.
/// </summary>
/// <param name="Code">Four characters, such as AM04.</param>
/// <param name="Description">What the bank says, in plain words.</param>
/// <param name="WhatToDo">The admin's next step, shown in their banner.</param>
/// <param name="NeedsNewMandate">
/// True when presenting the debit again on the same mandate would fail the same way (closed account,
/// no mandate...): support retries only after the admin has signed a new one.
/// </param>
public sealed record SepaReturnReason(string Code, string Description, string WhatToDo, bool NeedsNewMandate)
{
    private const string SignNewMandate =
        "Sign a new mandate for a valid account in Settings › Payment method. We will then collect the amount again.";

    private const string CheckWithBank =
        "Check with your bank that it accepts direct debits from SubscriptionPortal, then contact us: we will collect the amount again.";

    /// <summary>The codes support can record by hand, in the order they are offered.</summary>
    public static readonly IReadOnlyList<SepaReturnReason> Known =
    [
        new("AM04", "Insufficient funds on the account", "Make sure the account has enough funds: we will then present the debit again.", false),
        new("AC01", "The account number is incorrect", SignNewMandate, true),
        new("AC04", "The account is closed", SignNewMandate, true),
        new("AC06", "The account is blocked", SignNewMandate, true),
        new("AG01", "Direct debits are not allowed on this account", SignNewMandate, true),
        new("MD01", "The bank holds no mandate for this debit", SignNewMandate, true),
        new("MD02", "Mandate information is missing or wrong", SignNewMandate, true),
        new("MD06", "The account holder asked for a refund", "Contact us about this invoice: the amount is still owed.", false),
        new("MD07", "The account holder has died", SignNewMandate, true),
        new("MS02", "The account holder refused the debit", CheckWithBank, false),
        new("MS03", "The bank refused the debit without giving a reason", CheckWithBank, false),
        new("SL01", "The account holder's bank blocks debits from this creditor", CheckWithBank, true),
        new("RC01", "The bank identifier (BIC) is incorrect", SignNewMandate, true),
        new("AM05", "The bank saw this debit as a duplicate", "Nothing to do for now: our team checks it with the bank.", false),
    ];

    private static readonly FrozenDictionary<string, SepaReturnReason> ByCode =
        Known.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>
    /// The reason for <paramref name="code"/> (case and spaces ignored). A well-formed code that is not in
    /// <see cref="Known"/> still gets a generic reason, so a bank's return file is never refused for it.
    /// </summary>
    /// <returns>Null when <paramref name="code"/> is not four letters or digits.</returns>
    public static SepaReturnReason? Find(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? "";
        if (normalized.Length != 4 || !normalized.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return ByCode.TryGetValue(normalized, out var reason)
            ? reason
            : new SepaReturnReason(normalized, $"The bank refused the debit (reason {normalized})", CheckWithBank, false);
    }
}
