namespace SubscriptionPortal.Platforms;

/// <summary>A person in an association's directory. Only active (not archived) contacts count toward a tier.</summary>
public sealed class Contact
{
    private Contact()
    {
    }

    public Contact(int platformId, string firstName, string lastName, string email, DateTime createdAtUtc)
    {
        PlatformId = platformId;
        FirstName = firstName;
        LastName = lastName;
        Email = email;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool IsArchived { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public void Archive() => IsArchived = true;
}
