namespace SubscriptionPortal.Support;

/// <summary>
/// One line of the append-only audit log: who did what, when, on which platform. While a support
/// agent impersonates an admin, the actor is the agent and <see cref="OnBehalfOfEmail"/> the admin.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTime atUtc, int? platformId, string actorUserId, string actorEmail, string action, string details,
        string? onBehalfOfUserId = null, string? onBehalfOfEmail = null)
    {
        AtUtc = atUtc;
        PlatformId = platformId;
        ActorUserId = actorUserId;
        ActorEmail = actorEmail;
        Action = action;
        Details = details;
        OnBehalfOfUserId = onBehalfOfUserId;
        OnBehalfOfEmail = onBehalfOfEmail;
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public int? PlatformId { get; private set; }

    public string ActorUserId { get; private set; } = "";

    public string ActorEmail { get; private set; } = "";

    public string? OnBehalfOfUserId { get; private set; }

    public string? OnBehalfOfEmail { get; private set; }

    /// <summary>A short stable verb such as <c>subscription.changed</c>.</summary>
    public string Action { get; private set; } = "";

    public string Details { get; private set; } = "";
}
