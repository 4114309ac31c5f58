using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Emails;

/// <summary>One message of the outbox as Support › Emails lists it.</summary>
public sealed record EmailRow(Guid Id, int PlatformId, string PlatformName, EmailKind Kind, string Subject, string Recipients, OutboxStatus Status,
    DateTime QueuedAtUtc, DateTime? SentAtUtc, int Attempts, string? LastError);

/// <summary>One message as it was sent (or will be): its headers, both bodies and the attached document's name.</summary>
public sealed record EmailMessageView(EmailRow Row, string MessageId, string Language, string TextBody, string HtmlBody, string? AttachmentFileName,
    DateTime NextAttemptAtUtc);

/// <summary>What "Send again" did.</summary>
public enum SendAgainOutcome
{
    /// <summary>Queued again: the sender takes it now, with the same Message-ID.</summary>
    Queued,

    /// <summary>No such message (or the caller is not support): nothing changed.</summary>
    NotFound,

    /// <summary>Only a failed message can be sent again; this one is queued or sent: nothing changed.</summary>
    NotFailed,
}

/// <summary>
/// Support › Emails: the outbox, searched by platform and filtered by status, each message as sent, and
/// "Send again" for a failed one — a fresh round of attempts under the same Message-ID, recorded in the
/// audit log of the message's platform with the agent as actor. Every call checks the Support role.
/// </summary>
internal sealed class EmailDesk(IDbContextFactory<ApplicationDbContext> dbFactory, OutboxSignal signal, TimeProvider clock)
{
    public const int MaxRows = 200;

    /// <summary>The newest <see cref="MaxRows"/> messages matching the search; null for a caller who is not support.</summary>
    /// <param name="platform">Part of a platform's name, or its number; empty for all.</param>
    public async Task<IReadOnlyList<EmailRow>?> ListAsync(ClaimsPrincipal user, string? platform, OutboxStatus? status, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var platforms = db.Platforms.AsQueryable();
        var term = platform?.Trim() ?? "";
        if (term.Length > 0)
        {
            var pattern = TextSearch.KeyPattern(term);
            platforms = int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? platforms.Where(p => p.Id == number || EF.Functions.Like(p.NameKey, pattern, TextSearch.EscapeCharacter))
                : platforms.Where(p => EF.Functions.Like(p.NameKey, pattern, TextSearch.EscapeCharacter));
        }

        var messages = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
        {
            messages = messages.Where(m => m.Status == wanted);
        }

        return await (from m in messages
                      join p in platforms on m.PlatformId equals p.Id
                      orderby m.QueuedAtUtc descending, m.Id
                      select new EmailRow(m.Id, p.Id, p.Name, m.Kind, m.Subject, m.Recipients, m.Status, m.QueuedAtUtc, m.SentAtUtc, m.Attempts, m.LastError))
            .Take(MaxRows).ToListAsync(ct);
    }

    /// <summary>One message; null when it does not exist or the caller is not support.</summary>
    public async Task<EmailMessageView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from o in db.OutboxMessages.AsNoTracking()
                           join p in db.Platforms on o.PlatformId equals p.Id
                           where o.Id == id
                           select new { Message = o, PlatformName = p.Name }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var m = found.Message;
        return new EmailMessageView(
            new EmailRow(m.Id, m.PlatformId, found.PlatformName, m.Kind, m.Subject, m.Recipients, m.Status, m.QueuedAtUtc, m.SentAtUtc, m.Attempts, m.LastError),
            m.MessageId, m.Language, m.TextBody, m.HtmlBody, m.AttachmentFileName, m.NextAttemptAtUtc);
    }

    /// <summary>
    /// Queues a failed message again: status queued, attempts from zero, due now. The update is conditional on
    /// the message still being failed, so two agents pressing together queue it, and audit it, once.
    /// </summary>
    public async Task<SendAgainOutcome> SendAgainAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.IsSupportAgent())
        {
            return SendAgainOutcome.NotFound;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return SendAgainOutcome.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now)
                .SetProperty(m => m.LastError, (string?)null), ct);
        if (changed == 0)
        {
            return SendAgainOutcome.NotFailed;
        }

        db.AuditEntries.Add(Actor.From(user).Entry(now, message.PlatformId, AuditActions.EmailSentAgain, string.Create(CultureInfo.InvariantCulture,
            $"Email \"{message.Subject}\" to {message.Recipients} queued again after {message.Attempts} failed attempts (last error: {message.LastError ?? "none"}).")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Wake();
        return SendAgainOutcome.Queued;
    }
}
