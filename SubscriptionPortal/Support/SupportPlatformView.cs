using SubscriptionPortal.Billing;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Subscriptions;

namespace SubscriptionPortal.Support;

/// <summary>
/// One platform as the support console shows it: what its admins see under Settings, plus its
/// admins and its direct debits. Amounts in euros, TTC.
/// </summary>
public sealed record SupportPlatformView(
    int Id,
    string Name,
    SubscriptionPlanView Plan,
    DocumentList Documents,
    IReadOnlyList<SupportDebitRow> Debits,
    IReadOnlyList<SupportAdminRow> Admins,
    PlatformActivity Activity);

/// <summary>An admin of the platform; <see cref="IsSupportAgent"/> admins cannot be impersonated.</summary>
public sealed record SupportAdminRow(string UserId, string Name, string Email, bool IsSupportAgent);

/// <summary>A direct debit of one invoice; <see cref="Amount"/> in euros.</summary>
public sealed record SupportDebitRow(int Id, string InvoiceNumber, DateOnly CollectionDate, decimal Amount, DirectDebitStatus Status);
