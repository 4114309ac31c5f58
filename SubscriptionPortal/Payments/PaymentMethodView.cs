
namespace SubscriptionPortal.Payments;

/// <summary>Settings › Payment method: the active mandate (null when none), read-only once the platform is closed.</summary>
public sealed record PaymentMethodView(MandateSummary? Mandate, bool IsClosed);
