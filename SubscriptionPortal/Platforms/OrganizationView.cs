namespace SubscriptionPortal.Platforms;

/// <summary>Settings › Organization: the editable details, read-only once the platform is closed.</summary>
/// <param name="SuspendedMessage">Why a suspended platform's details are read-only; null when it is not suspended.</param>
public sealed record OrganizationView(OrganizationForm Form, bool IsClosed, string? SuspendedMessage = null);
