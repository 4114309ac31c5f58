namespace SubscriptionPortal.Platforms;

/// <summary>An association's platform: the tenant every other row belongs to.</summary>
public sealed class Platform
{
    public const string DefaultTimeZone = "Europe/Paris";

    private Platform()
    {
    }

    /// <param name="creationKey">The form submission that created it, so that submitting it twice creates one platform.</param>
    public Platform(string name, string billingEmail, DateTime createdAtUtc, Guid? creationKey = null)
    {
        Name = name;
        BillingEmail = billingEmail;
        CreatedAtUtc = createdAtUtc;
        CreationKey = creationKey;
        FoldName();
    }

    /// <summary>The longest <see cref="NameKey"/>.</summary>
    public const int NameKeyLength = 400;

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name as it is searched and sorted (<see cref="Data.TextSearch.Fold"/>).</summary>
    public string NameKey { get; private set; } = "";

    public string AddressLine { get; private set; } = "";

    public string PostalCode { get; private set; } = "";

    public string City { get; private set; } = "";

    /// <summary>The country of an address whose country was left blank: the platforms are French associations.</summary>
    public const string DefaultCountry = "France";

    public string Country { get; private set; } = DefaultCountry;

    /// <summary>French company identifier (9 digits), when the association has one.</summary>
    public string? Siren { get; private set; }

    /// <summary>Intra-community VAT number, compact (FR + key + SIREN), when the association has one.</summary>
    public string? VatNumber { get; private set; }

    /// <summary>RNA number (W + 9 digits), when the association is registered in the répertoire national des associations.</summary>
    public string? Rna { get; private set; }

    /// <summary>Where the service is delivered when it is not the postal address above; null when it is.</summary>
    public ServiceAddress? ServiceAddress { get; private set; }

    public string BillingEmail { get; private set; } = "";

    /// <summary>
    /// The culture name of the language its invoices and credit notes are issued in (<see cref="Billing.BillingLanguage"/>):
    /// <c>fr-FR</c> or <c>en-GB</c>. Each document keeps the language it was issued in.
    /// </summary>
    public string BillingLanguage { get; private set; } = Billing.BillingLanguage.Default;

    /// <summary>IANA time zone; billing dates are local dates in this zone (SPEC §4).</summary>
    public string TimeZoneId { get; private set; } = DefaultTimeZone;

    public PlatformStatus Status { get; private set; }

    /// <summary>Credit held in the association's favour, in cents (never negative); applied first to later invoices.</summary>
    public long BalanceCents { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the platform was closed (read-only from then on); null while it is active.</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Unique id of the request that created the platform, when an admin created it from the app.</summary>
    public Guid? CreationKey { get; private set; }

    public void UpdateDetails(string name, string addressLine, string postalCode, string city, string country, string? siren, string billingEmail)
    {
        Name = name;
        FoldName();
        AddressLine = addressLine;
        PostalCode = postalCode;
        City = city;
        Country = country;
        Siren = siren;
        BillingEmail = billingEmail;
    }

    /// <summary>Sets the searched and sorted key from the name.</summary>
    public void FoldName() => NameKey = Data.TextSearch.Fold(Name, NameKeyLength);

    /// <summary>Sets the identifiers printed on the invoices; both already checked and normalised, or null.</summary>
    public void SetTaxIdentifiers(string? vatNumber, string? rna)
    {
        VatNumber = vatNumber;
        Rna = rna;
    }

    /// <summary>Sets where the service is delivered, already checked and cleaned; null for the postal address.</summary>
    public void SetServiceAddress(ServiceAddress? serviceAddress)
    {
        ServiceAddress = serviceAddress;
    }

    /// <summary>Sets the language of the documents issued from now on; an unsupported language is a bug in the caller.</summary>
    public void SetBillingLanguage(string language)
    {
        if (!Billing.BillingLanguage.IsSupported(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Documents are issued in fr-FR or en-GB only.");
        }

        BillingLanguage = language;
    }

    public void SetBalance(long balanceCents)
    {
        if (balanceCents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(balanceCents), "A platform's balance is a credit and cannot be negative.");
        }

        BalanceCents = balanceCents;
    }

    /// <summary>Makes the platform read-only for good: its subscription ended. Closing twice is a bug.</summary>
    public void Close(DateTime atUtc)
    {
        if (Status == PlatformStatus.Closed)
        {
            throw new InvalidOperationException("The platform is already closed.");
        }

        Status = PlatformStatus.Closed;
        ClosedAtUtc = atUtc;
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
