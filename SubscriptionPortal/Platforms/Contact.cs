using SubscriptionPortal.Data;

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
        FoldNames();
    }

    /// <summary>The longest <see cref="FirstNameKey"/> or <see cref="LastNameKey"/>.</summary>
    public const int NameKeyLength = 200;

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The first name as it is searched and sorted (<see cref="TextSearch.Fold"/>).</summary>
    public string FirstNameKey { get; private set; } = "";

    /// <summary>The last name as it is searched and sorted (<see cref="TextSearch.Fold"/>).</summary>
    public string LastNameKey { get; private set; } = "";

    public bool IsArchived { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public void Archive() => IsArchived = true;

    /// <summary>Sets the searched and sorted keys from the names; the names are never changed here.</summary>
    public void FoldNames()
    {
        FirstNameKey = TextSearch.Fold(FirstName, NameKeyLength);
        LastNameKey = TextSearch.Fold(LastName, NameKeyLength);
    }
}
