using System.Collections.Frozen;
using System.Globalization;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Why a bank refused or returned a SEPA direct debit: an ISO 20022 reason code as banks send it in
/// their reject and return files, what it means, and what the association should do about it. The
/// codes and their words are data, in <see cref="ReturnReasonTable"/>.
/// </summary>
/// <param name="Code">Four characters, such as AM04.</param>
/// <param name="Description">What the bank says, in plain words.</param>
/// <param name="WhatToDo">The admin's next step, shown in their banner.</param>
/// <param name="NeedsNewMandate">
/// True for a final reason: presenting the debit again on the same mandate would fail the same way (closed
/// account, no mandate...), so it is presented again only once the admin has signed a new one.
/// </param>
public sealed record SepaReturnReason(string Code, PlainWords English, PlainWords French, bool NeedsNewMandate)
{
    /// <summary>What the bank says, in the reader's language (the current UI culture).</summary>
    public string Description => Words.WhatHappened;

    /// <summary>The admin's next step, in the reader's language (the current UI culture).</summary>
    public string WhatToDo => Words.WhatToDo;

    private PlainWords Words => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? French : English;

    /// <summary>The codes support can record by hand, in the order they are offered.</summary>
    public static readonly IReadOnlyList<SepaReturnReason> Known = [.. ReturnReasonTable.Rows.Select(Of)];

    private static readonly FrozenDictionary<string, SepaReturnReason> ByCode =
        Known.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>Whether dunning presents the debit again on schedule (temporary) or waits for a new mandate (final).</summary>
    public ReasonKind Kind => NeedsNewMandate ? ReasonKind.Final : ReasonKind.Temporary;

    /// <summary>
    /// The reason for <paramref name="code"/> (case and spaces ignored). A well-formed code that is not in
    /// <see cref="Known"/> still gets a generic, temporary reason, so a bank's return file is never refused for it.
    /// </summary>
    /// <returns>Null when <paramref name="code"/> is not four letters or digits.</returns>
    public static SepaReturnReason? Find(string? code)
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? "";
        if (normalized.Length != 4 || !normalized.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        return ByCode.TryGetValue(normalized, out var reason) ? reason : Of(ReturnReasonTable.Unlisted(normalized));
    }

    private static SepaReturnReason Of(ReturnReasonRow row) =>
        new(row.Code, row.English, row.French, row.Kind == ReasonKind.Final);
}
