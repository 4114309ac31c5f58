using System.Globalization;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// How values read on the documents: amounts "1 234.56 €" (no-break spaces, so an amount never
/// splits across lines), dates dd/MM/yyyy. Culture-independent so the bytes do not depend on the server.
/// </summary>
internal static class PdfFormat
{
    private const char NoBreakSpace = '\u00A0';

    private static readonly NumberFormatInfo AmountFormat = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = NoBreakSpace.ToString(),
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    public static string Money(decimal amount) =>
        amount.ToString("#,0.00", AmountFormat) + NoBreakSpace + "€";

    public static string Date(DateOnly date) =>
        date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Prints the last day covered, since <see cref="BillingPeriod.End"/> is exclusive.</summary>
    public static string Period(BillingPeriod period) =>
        Date(period.Start) + " – " + Date(period.End.AddDays(-1));

    public static string Percent(decimal percent) =>
        percent.ToString("0.##", AmountFormat) + NoBreakSpace + "%";

    /// <summary>A rate held as a fraction (0.20), printed in percent ("20 %").</summary>
    public static string Rate(decimal fraction) => Percent(fraction * 100m);

    public static string Quantity(decimal quantity) =>
        quantity.ToString("#,0.##", AmountFormat);
}
