using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SubscriptionPortal.Platforms.Export;

/// <summary>
/// One-time download tickets for the data export. The export is started by a form post that carries an
/// antiforgery token; the post answers with a redirect to a download address holding a ticket, which the
/// download uses up. So a link or an image on another site cannot start an export (a plain GET has no
/// ticket), and a ticket seen once (in the history, in a log) is worth nothing afterwards.
/// </summary>
/// <remarks>
/// Tickets live in this instance's memory for a few minutes: the redirect is followed at once by the same
/// browser, which sticky sessions (required for the circuits anyway) send back to the same instance.
/// </remarks>
internal sealed class ExportTickets(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Ticket> tickets = new(StringComparer.Ordinal);

    /// <summary>What a ticket allows: one download of one platform's export, by the user who asked for it.</summary>
    public sealed record Ticket(string UserId, int PlatformId, Guid? ProgressId, DateTimeOffset ExpiresAt);

    public string Issue(string userId, int platformId, Guid? progressId)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, old) in tickets)
        {
            if (old.ExpiresAt <= now)
            {
                tickets.TryRemove(key, out _);
            }
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        tickets[token] = new Ticket(userId, platformId, progressId, now + Lifetime);
        return token;
    }

    /// <summary>
    /// Uses the ticket up and returns what it allows; null for an unknown, used or expired ticket, or one
    /// issued to another user (who does not use it up).
    /// </summary>
    public Ticket? Redeem(string token, string userId)
    {
        if (!tickets.TryGetValue(token, out var ticket) || ticket.UserId != userId)
        {
            return null;
        }

        if (!tickets.TryRemove(KeyValuePair.Create(token, ticket)))
        {
            // Another request used it at the same moment.
            return null;
        }

        return ticket.ExpiresAt > clock.GetUtcNow() ? ticket : null;
    }
}
