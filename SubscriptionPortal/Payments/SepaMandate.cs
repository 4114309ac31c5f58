namespace SubscriptionPortal.Payments;

/// <summary>A SEPA Core direct-debit mandate signed by an association. Replacing it revokes the old one.</summary>
public sealed class SepaMandate
{
    private SepaMandate()
    {
    }

    public SepaMandate(int platformId, string accountHolder, string iban, string reference, DateOnly signedOn, DateTime createdAtUtc)
    {
        PlatformId = platformId;
        AccountHolder = accountHolder;
        Iban = iban;
        Reference = reference;
        SignedOn = signedOn;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public int PlatformId { get; private set; }

    public string AccountHolder { get; private set; } = "";

    /// <summary>Normalised IBAN (no spaces, upper case).</summary>
    public string Iban { get; private set; } = "";

    /// <summary>Unique mandate reference (UMR), quoted on every debit.</summary>
    public string Reference { get; private set; } = "";

    public DateOnly SignedOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>
    /// The terms the account holder agreed to, word for word as shown when signing: the creditor's name, address
    /// and identifier, and the pre-notification period. Empty for mandates signed before the terms were stored.
    /// </summary>
    public string AgreementText { get; private set; } = "";

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Keeps the terms shown when the mandate was signed.</summary>
    public SepaMandate WithAgreement(string text)
    {
        AgreementText = text;
        return this;
    }

    public void Revoke(DateTime atUtc) => RevokedAtUtc ??= atUtc;
}
