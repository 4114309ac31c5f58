namespace SubscriptionPortal.Billing.Pdf;

/// <summary>A billed period, in the platform's local dates.</summary>
/// <param name="Start">First day of the period (inclusive).</param>
/// <param name="End">
/// Day after the last day of the period (exclusive), as the subscription engine computes periods:
/// [start, end). The PDF prints the last day covered, End − 1 day, because that is how a reader
/// expects "from … to …" on an invoice.
/// </param>
public sealed record BillingDocumentPeriod(DateOnly Start, DateOnly End);
