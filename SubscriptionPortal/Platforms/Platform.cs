namespace SubscriptionPortal.Platforms;

/// <summary>An association's platform: the tenant every other row belongs to.</summary>
public sealed class Platform
{
    public const string DefaultTimeZone = "Europe/Paris";

    private Platform()
    {
    }

    public Platform(string name, string billingEmail, DateTime createdAtUtc)
    {
        Name = name;
        BillingEmail = billingEmail;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string AddressLine { get; private set; } = "";

    public string PostalCode { get; private set; } = "";

    public string City { get; private set; } = "";

    public string Country { get; private set; } = "France";

    /// <summary>French company identifier (9 digits), when the association has one.</summary>
    public string? Siren { get; private set; }

    public string BillingEmail { get; private set; } = "";

    /// <summary>IANA time zone; billing dates are local dates in this zone (SPEC §4).</summary>
    public string TimeZoneId { get; private set; } = DefaultTimeZone;

    public PlatformStatus Status { get; private set; }

    /// <summary>Credit held in the association's favour, in cents (never negative); applied first to later invoices.</summary>
    public long BalanceCents { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public void UpdateDetails(string name, string addressLine, string postalCode, string city, string country, string? siren, string billingEmail)
    {
        Name = name;
        AddressLine = addressLine;
        PostalCode = postalCode;
        City = city;
        Country = country;
        Siren = siren;
        BillingEmail = billingEmail;
    }

    public void SetBalance(long balanceCents)
    {
        if (balanceCents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(balanceCents), "A platform's balance is a credit and cannot be negative.");
        }

        BalanceCents = balanceCents;
    }

    public void Close() => Status = PlatformStatus.Closed;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
