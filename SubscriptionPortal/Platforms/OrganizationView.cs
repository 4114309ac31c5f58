namespace SubscriptionPortal.Platforms;

/// <summary>Settings › Organization: the editable details, read-only once the platform is closed.</summary>
public sealed record OrganizationView(OrganizationForm Form, bool IsClosed);
