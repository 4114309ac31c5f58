namespace SubscriptionPortal.Platforms;

/// <summary>Links an admin (an Identity user) to a platform they administer.</summary>
public sealed class PlatformMembership
{
    private PlatformMembership()
    {
    }

    public PlatformMembership(int platformId, string userId)
    {
        PlatformId = platformId;
        UserId = userId;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public string UserId { get; private set; } = "";
}
