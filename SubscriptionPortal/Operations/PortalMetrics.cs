using System.Diagnostics.Metrics;
using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Operations;

/// <summary>
/// The portal's own meter: what the business did (changes, documents, renewals, debits), what became of its
/// emails, and how many people are connected. Exported on <c>/metrics</c> with the ASP.NET Core and runtime meters.
/// </summary>
internal sealed class PortalMetrics
{
    public const string MeterName = "SubscriptionPortal";

    private readonly Counter<long> changesValidated;
    private readonly Counter<long> documentsIssued;
    private readonly Counter<long> renewals;
    private readonly Counter<long> debitsSubmitted;
    private readonly Counter<long> debitsFailed;
    private readonly Counter<long> emailsQueued;
    private readonly Counter<long> emailsSent;
    private readonly Counter<long> emailsFailed;
    private readonly Counter<long> emailRetriesScheduled;
    private readonly UpDownCounter<long> activeCircuits;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        changesValidated = meter.CreateCounter<long>("portal.changes.validated", description: "Subscription changes applied (validated quotes and support changes).");
        documentsIssued = meter.CreateCounter<long>("portal.documents.issued", description: "Invoices and credit notes issued, by kind.");
        renewals = meter.CreateCounter<long>("portal.renewals", description: "Subscription periods renewed.");
        debitsSubmitted = meter.CreateCounter<long>("portal.debits.submitted", description: "Direct debits sent to the bank.");
        debitsFailed = meter.CreateCounter<long>("portal.debits.failed", description: "Direct debits the bank returned unpaid.");
        emailsQueued = meter.CreateCounter<long>("portal.emails.queued", description: "Emails queued in the outbox, counted when the change that queues them commits.");
        emailsSent = meter.CreateCounter<long>("portal.emails.sent", description: "Emails handed to the mail server (or written to the pickup folder).");
        emailsFailed = meter.CreateCounter<long>("portal.emails.failed", description: "Emails failed for good: refused permanently, or undelivered after the last retry.");
        emailRetriesScheduled = meter.CreateCounter<long>("portal.emails.retries_scheduled", description: "Failed sending attempts after which the email stays queued for a later retry.");
        activeCircuits = meter.CreateUpDownCounter<long>("portal.circuits.active", description: "Interactive (Blazor Server) circuits open now.");
    }

    public void ChangesValidated(long count) => changesValidated.Add(count);

    public void DocumentsIssued(DocumentKind kind, long count) =>
        documentsIssued.Add(count, new KeyValuePair<string, object?>("kind", kind == DocumentKind.Invoice ? "invoice" : "credit_note"));

    public void Renewed(long count) => renewals.Add(count);

    public void DebitsSubmitted(long count) => debitsSubmitted.Add(count);

    public void DebitsFailed(long count) => debitsFailed.Add(count);

    public void EmailsQueued(long count) => emailsQueued.Add(count);

    public void EmailSent() => emailsSent.Add(1);

    public void EmailFailed() => emailsFailed.Add(1);

    public void EmailRetryScheduled() => emailRetriesScheduled.Add(1);

    public void CircuitOpened() => activeCircuits.Add(1);

    public void CircuitClosed() => activeCircuits.Add(-1);
}
