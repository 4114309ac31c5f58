namespace SubscriptionPortal.Payments;

/// <summary>The active SEPA mandate as the admin sees it: the IBAN is masked.</summary>
public sealed record MandateSummary(string AccountHolder, string MaskedIban, string Reference, DateOnly SignedOn, string AgreementText = "");
