namespace SubscriptionPortal.Payments;

/// <summary>What an admin types to sign a SEPA mandate.</summary>
public sealed class MandateForm
{
    public string AccountHolder { get; set; } = "";

    public string Iban { get; set; } = "";

    /// <summary>The explicit authorisation: without it nothing is stored.</summary>
    public bool Authorised { get; set; }
}
