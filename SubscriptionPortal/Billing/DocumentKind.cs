namespace SubscriptionPortal.Billing;

public enum DocumentKind
{
    Invoice = 1,
    CreditNote = 2,
}
