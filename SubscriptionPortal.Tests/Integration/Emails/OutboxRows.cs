using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Emails;

namespace SubscriptionPortal.Tests.Integration.Emails;

/// <summary>Outbox rows written straight into the database, in a chosen state, for the pages and desk that read them.</summary>
public static class OutboxRows
{
    public const string Html = "<!DOCTYPE html>\n<html lang=\"fr\"><body><p>Bonjour Chorale du Marais,</p><script>document.title='pwned'</script></body></html>\n";

    public static async Task<Guid> AddAsync(this TestDatabase database, string platformName, string subject, OutboxStatus status, string? error = null,
        string recipients = "tresorier@chorale.example", int minutesAgo = 0)
    {
        await using var db = database.CreateContext();
        var platformId = await db.Platforms.Where(p => p.Name == platformName).Select(p => p.Id).FirstAsync();
        var id = Guid.NewGuid();
        var queuedAt = database.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo);
        db.OutboxMessages.Add(new OutboxMessage(id, platformId, EmailKind.InvoiceIssued, "fr-FR", recipients, subject, Html,
            "Bonjour Chorale du Marais,\n\nLa facture a été émise.\n", null, null, queuedAt));
        await db.SaveChangesAsync();
        if (status != OutboxStatus.Queued)
        {
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, status == OutboxStatus.Failed ? 6 : 1)
                .SetProperty(m => m.SentAtUtc, status == OutboxStatus.Sent ? queuedAt : null)
                .SetProperty(m => m.LastError, error));
        }

        return id;
    }
}
