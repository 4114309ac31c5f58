using System.Globalization;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// How one document language writes its texts and values. French (<c>fr-FR</c>): the French text alone,
/// amounts <c>1 440,00 €</c>. English (<c>en-GB</c>): bilingual, the French first and the English beneath,
/// amounts <c>1 440.00 €</c>. Dates are dd/MM/yyyy in both. Culture-independent so the bytes never depend
/// on the server's settings. Immutable, one instance per language.
/// </summary>
internal sealed class DocumentWording
{
    private const char NoBreakSpace = '\u00A0';

    public static readonly DocumentWording French = new(bilingual: false, decimalSeparator: ",", datePattern: "dd/MM/yyyy");

    // The French date pattern on English documents too: the French text comes first and both share the dates.
    public static readonly DocumentWording English = new(bilingual: true, decimalSeparator: ".", datePattern: "dd/MM/yyyy");

    private readonly NumberFormatInfo numbers;
    private readonly string datePattern;

    private DocumentWording(bool bilingual, string decimalSeparator, string datePattern)
    {
        IsBilingual = bilingual;
        this.datePattern = datePattern;
        numbers = new NumberFormatInfo
        {
            NumberDecimalSeparator = decimalSeparator,
            NumberGroupSeparator = NoBreakSpace.ToString(),
            NumberGroupSizes = [3],
            NegativeSign = "-",
        };
    }

    /// <summary>True when the English is printed beneath the French.</summary>
    public bool IsBilingual { get; }

    /// <summary>The wording of a document's language; an unknown one is a bug in the caller.</summary>
    public static DocumentWording For(string language) => language switch
    {
        BillingLanguage.French => French,
        BillingLanguage.English => English,
        _ => throw new ArgumentException($"Documents are issued in fr-FR or en-GB, not \"{language}\".", nameof(language)),
    };

    /// <summary>The lines a label prints as: the French, then the English on bilingual documents.</summary>
    public IReadOnlyList<string> Lines(DocumentLabel label, params object[] values) =>
        IsBilingual ? [Format(label.French, values), Format(label.English, values)] : [Format(label.French, values)];

    /// <summary>The lines of a label whose first value is itself a label (« Facture F-… (suite) »), each in its language.</summary>
    public IReadOnlyList<string> LinesAbout(DocumentLabel label, DocumentLabel subject, params object[] values) =>
        IsBilingual
            ? [Format(label.French, [subject.French, .. values]), Format(label.English, [subject.English, .. values])]
            : [Format(label.French, [subject.French, .. values])];

    /// <summary>A label on one line: « Motif » or « Motif / Reason ».</summary>
    public string Inline(DocumentLabel label) => IsBilingual ? $"{label.French} / {label.English}" : label.French;

    /// <summary>A label with its value, French typography: « Motif : … », « Motif / Reason : … ».</summary>
    public string Field(DocumentLabel label, string value) => $"{Inline(label)} : {value}";

    /// <summary>The French text, whatever the language (the title of the PDF file, the mentions the law words in French).</summary>
    public static string FrenchOf(DocumentLabel label, params object[] values) => Format(label.French, values);

    public string Money(decimal amount) => amount.ToString("#,0.00", numbers) + NoBreakSpace + "€";

    public string Date(DateOnly date) => date.ToString(datePattern, CultureInfo.InvariantCulture);

    /// <summary>Prints the last day covered, since <see cref="BillingPeriod.End"/> is exclusive.</summary>
    public string Period(BillingPeriod period) => Date(period.Start) + " – " + Date(period.End.AddDays(-1));

    public string Percent(decimal percent) => percent.ToString("0.##", numbers) + NoBreakSpace + "%";

    /// <summary>A rate held as a fraction (0.20), printed in percent ("20 %").</summary>
    public string Rate(decimal fraction) => Percent(fraction * 100m);

    public string Quantity(decimal quantity) => quantity.ToString("#,0.##", numbers);

    private static string Format(string text, object[] values) =>
        values.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, values);
}
