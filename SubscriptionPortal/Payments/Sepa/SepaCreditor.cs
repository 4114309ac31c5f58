namespace SubscriptionPortal.Payments.Sepa;

/// <summary>The party collecting the debits: the portal's operator, from configuration.</summary>
/// <param name="Name">Legal name; transliterated to the SEPA character set and cut to 70 characters in the file.</param>
/// <param name="Iban">The account credited, in any spacing or case.</param>
/// <param name="Bic">The BIC of the creditor's bank (8 or 11 characters).</param>
/// <param name="CreditorIdentifier">The SEPA creditor identifier (ICS), e.g. FR72ZZZ123456.</param>
internal sealed record SepaCreditor(string Name, string Iban, string Bic, string CreditorIdentifier);
