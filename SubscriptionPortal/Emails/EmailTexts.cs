namespace SubscriptionPortal.Emails;

/// <summary>The emails' texts: <c>Resources/Emails/EmailTexts.resx</c> (English) and <c>EmailTexts.fr.resx</c> (French).</summary>
public sealed class EmailTexts;
