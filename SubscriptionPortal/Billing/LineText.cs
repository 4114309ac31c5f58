using System.Globalization;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>
/// The texts a document carries as data (its lines, a credit note's reason), written once in the
/// document's language when it is calculated: French alone on a French document, English on an English
/// one. Offer names are brand names and stay as they are. Culture-independent, like the documents.
/// </summary>
internal static class LineText
{
    /// <summary>"Professional — up to 1,000 contacts — annual" / « Professional — jusqu'à 1 000 contacts — annuel ».</summary>
    public static string Subscription(string language, string offerName, int maxContacts, Commitment commitment)
    {
        var commitmentText = commitment == Commitment.Monthly ? DocumentLabels.Monthly : DocumentLabels.Annual;
        return language == BillingLanguage.French
            ? string.Format(CultureInfo.InvariantCulture, DocumentLabels.SubscriptionLine.French, offerName, DocumentWording.French.Quantity(maxContacts), commitmentText.French)
            : string.Format(CultureInfo.InvariantCulture, DocumentLabels.SubscriptionLine.English, offerName, maxContacts.ToString("N0", CultureInfo.InvariantCulture), commitmentText.English);
    }

    /// <summary>A credit note's line: the subscription credited and the share of its period left unused.</summary>
    public static string UnusedPart(string language, string subscription, int unusedDays, int periodDays) =>
        string.Format(CultureInfo.InvariantCulture, Pick(language, DocumentLabels.UnusedPart), subscription, unusedDays, periodDays);

    /// <summary>The reason of the credit note issued with a change of subscription.</summary>
    public static string ChangeCredited(string language, DateOnly changeDate) =>
        string.Format(CultureInfo.InvariantCulture, Pick(language, DocumentLabels.ChangeCredited), DocumentWording.French.Date(changeDate));

    /// <summary>The line of a credit note that writes an invoice's unpaid amount off.</summary>
    public static string WrittenOff(string language, string invoiceNumber) =>
        string.Format(CultureInfo.InvariantCulture, Pick(language, DocumentLabels.WrittenOff), invoiceNumber);

    /// <summary>The reason of a write-off's credit note: the agent's words, as typed, after the label.</summary>
    public static string WriteOffReason(string language, string reason) =>
        string.Format(CultureInfo.InvariantCulture, Pick(language, DocumentLabels.WriteOffReason), reason);

    private static string Pick(string language, DocumentLabel label) => language == BillingLanguage.French ? label.French : label.English;
}
