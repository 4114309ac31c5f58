namespace SubscriptionPortal;

/// <summary>
/// The longest value each free-text field accepts, in characters (UTF-16 code units, as a browser's
/// <c>maxlength</c> counts them). The services refuse anything longer before saving, since SQLite
/// ignores declared column sizes; the forms show the same limits. The README lists them.
/// </summary>
public static class FieldLimits
{
    /// <summary>An association's (platform's) name, printed on every invoice and credit note.</summary>
    public const int PlatformName = 100;

    /// <summary>One line of a postal address.</summary>
    public const int AddressLine = 100;

    /// <summary>How many lines an address can have.</summary>
    public const int AddressLines = 3;

    /// <summary>The whole address: its lines and the line breaks between them.</summary>
    public const int Address = (AddressLine * AddressLines) + (AddressLines - 1);

    public const int PostalCode = 10;

    public const int City = 60;

    public const int Country = 60;

    /// <summary>An email address (RFC 5321: a path of at most 256 octets, so 254 for the address).</summary>
    public const int Email = 254;

    /// <summary>A SEPA account holder's name: the EPC rulebooks allow 70 characters.</summary>
    public const int AccountHolder = 70;

    /// <summary>A person's name, as they introduce themselves when they register.</summary>
    public const int PersonName = 100;

    /// <summary>A password: long passphrases are welcome, an unbounded one only costs hashing time.</summary>
    public const int Password = 128;

    public const int PasswordMinimum = 10;

    /// <summary>What support types to search platforms: a name, an email or a document number.</summary>
    public const int SearchTerm = Email;

    /// <summary>Why a support agent impersonates an admin, shown in the platform's activity.</summary>
    public const int ImpersonationReason = 500;

    /// <summary>A bank's reason code for a failed debit, such as AM04.</summary>
    public const int ReasonCode = 4;
}
