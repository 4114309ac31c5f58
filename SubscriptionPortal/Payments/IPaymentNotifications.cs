using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments.Dunning;

namespace SubscriptionPortal.Payments;

/// <summary>
/// What Payments tells the platform's billing contact about. Each call adds its message to
/// <c>db</c> inside the caller's transaction, so it is sent only if the change commits. The Emails
/// feature writes the messages; Payments does not know it.
/// </summary>
internal interface IPaymentNotifications
{
    /// <summary>A SEPA mandate was signed, replacing an earlier one when <paramref name="replaced"/>.</summary>
    Task MandateSignedAsync(ApplicationDbContext db, SepaMandate mandate, bool replaced, CancellationToken ct = default);

    /// <summary>The platform's overdue state changed (payment failed, restricted, suspended, active again).</summary>
    Task OverdueStateChangedAsync(ApplicationDbContext db, OverdueStateChanged change, DunningAssessment assessment, CancellationToken ct = default);

    /// <summary>Support wrote off what remained unpaid of invoice <paramref name="invoiceNumber"/> with <paramref name="creditNote"/>.</summary>
    Task DebtWrittenOffAsync(ApplicationDbContext db, BillingDocument creditNote, string invoiceNumber, CancellationToken ct = default);
}
