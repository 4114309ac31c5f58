namespace SubscriptionPortal.Payments.Dunning;

/// <summary>Whether presenting a refused debit again can succeed.</summary>
public enum ReasonKind
{
    /// <summary>The account may be fine tomorrow (funds short, a refusal without reason): presented again on schedule.</summary>
    Temporary = 0,

    /// <summary>The account or mandate is unusable (closed, blocked, wrong IBAN, no mandate): never presented again on it; waits for a new mandate.</summary>
    Final = 1,
}

/// <summary>What a reason means and what the association should do, in one language.</summary>
/// <param name="WhatHappened">What the bank says, in plain words.</param>
/// <param name="WhatToDo">The admin's next step, shown in their banner.</param>
public sealed record PlainWords(string WhatHappened, string WhatToDo);

/// <summary>One row of <see cref="ReturnReasonTable"/>: a code, whether it is retried, and its plain words per language.</summary>
public sealed record ReturnReasonRow(string Code, ReasonKind Kind, PlainWords English);

/// <summary>
/// The SEPA reject and return reasons the portal knows, as data in one place: each ISO 20022 code, whether
/// dunning presents the debit again (<see cref="ReasonKind"/>), and its plain-words explanation. A language
/// is one more <see cref="PlainWords"/> column on <see cref="ReturnReasonRow"/>.
/// </summary>
public static class ReturnReasonTable
{
    private const string SignNewMandate =
        "Sign a new mandate for a valid account in Settings › Payment method: the amount is then collected again automatically.";

    private const string WePresentAgain =
        "We present the debit again automatically; you can also pay by bank transfer and tell us.";

    private const string CheckWithBank =
        "Check with your bank that it accepts direct debits from SubscriptionPortal: we present the debit again automatically.";

    /// <summary>Every known reason, in the order support is offered them.</summary>
    public static readonly IReadOnlyList<ReturnReasonRow> Rows =
    [
        new("AM04", ReasonKind.Temporary, new("Insufficient funds on the account", "Make sure the account has enough funds. " + WePresentAgain)),
        new("AC01", ReasonKind.Final, new("The account number is incorrect", SignNewMandate)),
        new("AC04", ReasonKind.Final, new("The account is closed", SignNewMandate)),
        new("AC06", ReasonKind.Final, new("The account is blocked", SignNewMandate)),
        new("AG01", ReasonKind.Final, new("Direct debits are not allowed on this account", SignNewMandate)),
        new("MD01", ReasonKind.Final, new("The bank holds no mandate for this debit", SignNewMandate)),
        new("MD02", ReasonKind.Final, new("Mandate information is missing or wrong", SignNewMandate)),
        new("MD06", ReasonKind.Temporary, new("The account holder asked for a refund", "The amount is still owed. " + WePresentAgain)),
        new("MD07", ReasonKind.Final, new("The account holder has died", SignNewMandate)),
        new("MS02", ReasonKind.Temporary, new("The account holder refused the debit", CheckWithBank)),
        new("MS03", ReasonKind.Temporary, new("The bank refused the debit without giving a reason", CheckWithBank)),
        new("SL01", ReasonKind.Final, new("The account holder's bank blocks debits from this creditor", SignNewMandate)),
        new("RC01", ReasonKind.Final, new("The bank identifier (BIC) is incorrect", SignNewMandate)),
        new("AM05", ReasonKind.Temporary, new("The bank saw this debit as a duplicate", "Nothing to do for now: our team checks it with the bank. " + WePresentAgain)),
    ];

    /// <summary>
    /// The row for a code the table does not list (a bank may send any ISO 20022 code): treated as temporary,
    /// so the debit is presented again rather than left to wait for a mandate nobody asked for.
    /// </summary>
    public static ReturnReasonRow Unlisted(string code) =>
        new(code, ReasonKind.Temporary, new($"The bank refused the debit (reason {code})", CheckWithBank));
}
