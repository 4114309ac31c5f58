using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Payments;

/// <summary>The <c>Creditor</c> configuration section: who collects the direct debits, into which account.</summary>
public sealed class CreditorOptions
{
    /// <summary>The creditor's legal name, as the debtors' statements show it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The account credited with the collections.</summary>
    public string Iban { get; set; } = "";

    /// <summary>The BIC of the creditor's bank (8 or 11 characters).</summary>
    public string Bic { get; set; } = "";

    /// <summary>The SEPA creditor identifier (in France the ICS), such as FR72ZZZ123456.</summary>
    public string Identifier { get; set; } = "";

    internal SepaCreditor ToSepaCreditor() => new(Name, Iban, Bic, Identifier);
}
