using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using SubscriptionPortal.Data;

namespace SubscriptionPortal.Emails;

/// <summary>What one run of the sender did.</summary>
public sealed record SendRun(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the due messages of the outbox. A batch is claimed in a short transaction (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances share the queue; SQLite: its one writer) that pushes the
/// messages' next attempt past a lease; each message is then sent and marked on its own. A crash between
/// sending and marking leaves the message to come back after the lease with the same <c>Message-ID</c>.
/// A passing failure waits 1 min, 5 min, 30 min, 2 h, 12 h, then the message is failed; a permanent
/// refusal (SMTP 5xx) fails it at once. Either way support sees it under Support › Emails.
/// </summary>
internal sealed class EmailSender(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    IEnumerable<IOutboxObserver> observers,
    ILogger<EmailSender> logger)
{
    private readonly IOutboxObserver[] observers = [.. observers];

    /// <summary>How long a claimed message is kept from other senders while this one works on it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends every due message, batch after batch, until none is left.</summary>
    public async Task<SendRun> SendDueAsync(CancellationToken ct = default)
    {
        int sent = 0, retrying = 0, failed = 0;
        while (true)
        {
            var batch = await ClaimAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var run = await SendBatchAsync(batch, ct);
            sent += run.Sent;
            retrying += run.Retrying;
            failed += run.Failed;
            if (run.Retrying > 0 && run.Sent == 0)
            {
                // The server is out of reach: the rest waits for its next attempt rather than for timeouts now.
                break;
            }
        }

        if (sent + retrying + failed > 0)
        {
            logger.EmailsSent(sent, retrying, failed);
        }

        return new SendRun(sent, retrying, failed);
    }

    /// <summary>Takes up to a batch of due messages for this sender alone, for <see cref="Lease"/>.</summary>
    internal async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var size = Math.Max(1, options.Value.BatchSize);
        List<Guid> ids;
        if (db.Database.IsNpgsql())
        {
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "OutboxMessages"
                WHERE "Status" = {(int)OutboxStatus.Queued} AND "NextAttemptAtUtc" <= {now}
                ORDER BY "NextAttemptAtUtc" LIMIT {size}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        }
        else
        {
            ids = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAtUtc <= now)
                .OrderBy(m => m.NextAttemptAtUtc).Take(size).Select(m => m.Id)
                .ToListAsync(ct);
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var leaseEnd = now + Lease;
        await db.OutboxMessages.Where(m => ids.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, leaseEnd).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        var claimed = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.QueuedAtUtc).ToListAsync(ct);
        await tx.CommitAsync(ct);
        return claimed;
    }

    private async Task<SendRun> SendBatchAsync(List<OutboxMessage> batch, CancellationToken ct)
    {
        int sent = 0, retrying = 0, failed = 0;
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.MailServerUnreachable(ex);
            foreach (var message in batch)
            {
                failed += await MarkFailedAttemptAsync(message, ex.Message, permanent: false, ct) ? 1 : 0;
            }

            return new SendRun(0, batch.Count - failed, failed);
        }

        await using (session)
        {
            foreach (var message in batch)
            {
                try
                {
                    var mime = await BuildAsync(message, ct);
                    await session.SendAsync(mime, ct);
                    await MarkSentAsync(message, ct);
                    sent++;
                }
                catch (PermanentRefusalException ex)
                {
                    logger.EmailRefused(message.Id, ex.Message);
                    await MarkFailedAttemptAsync(message, ex.Message, permanent: true, ct);
                    failed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.EmailAttemptFailed(ex, message.Id);
                    if (await MarkFailedAttemptAsync(message, ex.Message, permanent: false, ct))
                    {
                        failed++;
                    }
                    else
                    {
                        retrying++;
                    }
                }
            }
        }

        return new SendRun(sent, retrying, failed);
    }

    /// <summary>The message exactly as it goes out, rebuilt identically on every attempt.</summary>
    internal async Task<MimeMessage> BuildAsync(OutboxMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.QueuedAtUtc, DateTimeKind.Utc)),
            Subject = message.Subject,
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        if (!string.IsNullOrWhiteSpace(settings.ReplyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyTo));
        }

        foreach (var recipient in message.Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mime.To.Add(MailboxAddress.Parse(recipient));
        }

        // RFC 3834: no vacation responder or auto-reply should answer it.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentDocumentId is { } documentId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var pdf = await db.Documents.Where(d => d.Id == documentId).Select(d => d.Pdf).SingleAsync(ct);
            body.Attachments.Add(message.AttachmentFileName ?? "document.pdf", pdf, new ContentType("application", "pdf"));
        }

        mime.Body = body.ToMessageBody();
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Language);
        return mime;
    }

    private async Task MarkSentAsync(OutboxMessage message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, now).SetProperty(m => m.LastError, (string?)null), ct);
        foreach (var observer in observers)
        {
            observer.Sent();
        }
    }

    /// <returns>Whether the message is now failed for good.</returns>
    private async Task<bool> MarkFailedAttemptAsync(OutboxMessage message, string error, bool permanent, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts;
        var giveUp = permanent || attempts > OutboxMessage.RetryDelays.Count;
        var next = giveUp ? now : now + OutboxMessage.RetryDelays[Math.Max(0, attempts - 1)];
        var text = error.Length > 1000 ? error[..1000] : error;
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.LastError, text), CancellationToken.None);
        foreach (var observer in observers)
        {
            if (giveUp)
            {
                observer.Failed();
            }
            else
            {
                observer.RetryScheduled();
            }
        }

        return giveUp;
    }
}
