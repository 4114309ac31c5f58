namespace SubscriptionPortal.Catalog;

/// <summary>A contact tier of a paid offer: up to <see cref="MaxContacts"/> active contacts for <see cref="MonthlyExcludingVat"/>.</summary>
/// <param name="MaxContacts">The maximum number of active contacts the tier allows.</param>
/// <param name="MonthlyExcludingVat">Monthly price excluding VAT, euros, whole cents; the annual price derives from it.</param>
public sealed record TierPrice(int MaxContacts, decimal MonthlyExcludingVat);
