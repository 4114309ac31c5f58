using System.Collections.Concurrent;
using System.Globalization;

namespace SubscriptionPortal.Components.Shared;

/// <summary>
/// How the product writes money, dates and numbers, in the user's culture (<see cref="CultureInfo.CurrentCulture"/>):
/// always the euro and two decimals; dates spelled out. French <c>1 440,00 €</c>, <c>28 nov. 2026</c>;
/// English <c>€1,440.00</c>, <c>28 Nov 2026</c>.
/// </summary>
public static class Format
{
    // English text with the euro: Ireland's conventions (€1,234.56), whichever English culture asks
    // (en-GB's own currency is the pound). Any other language writes the euro its own way.
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-IE");

    private static readonly ConcurrentDictionary<string, CultureInfo> Cultures = new();

    private static CultureInfo Culture => For(CultureInfo.CurrentCulture);

    /// <summary>
    /// An amount in euros, two decimals. Where the symbol follows the number (French), it is held to it by a
    /// no-break space: .NET writes a plain one, and a line could then end between the amount and its currency.
    /// </summary>
    public static string Eur(decimal amount)
    {
        var culture = Culture;
        var text = amount.ToString("C2", culture);
        return ReferenceEquals(culture, English) ? text : text.Replace(" €", "\u00A0€", StringComparison.Ordinal);
    }

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string DateTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", Culture);

    /// <summary>A month as a chart labels it: <c>Nov 2026</c>, <c>nov. 2026</c>.</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Culture);

    /// <summary>A period [start, end) as the user reads it: both days included.</summary>
    public static string Period(DateOnly start, DateOnly endExclusive)
    {
        var (first, last) = PeriodDays(start, endExclusive);
        return $"{first} – {last}";
    }

    /// <summary>The first and last days of a period [start, end), each as <see cref="Date(DateOnly)"/> writes it, for a table that keeps each on one line.</summary>
    public static (string First, string Last) PeriodDays(DateOnly start, DateOnly endExclusive) => (Date(start), Date(endExclusive.AddDays(-1)));

    /// <summary>A count with the culture's thousands separator (French: a narrow no-break space, <c>1 000</c>).</summary>
    public static string Contacts(int count) => count.ToString("N0", Culture);

    /// <summary>A whole number written as <see cref="Contacts"/> is.</summary>
    public static string Number(int value) => value.ToString("N0", Culture);

    private static CultureInfo For(CultureInfo current)
    {
        if (current.TwoLetterISOLanguageName is "en" or "iv")
        {
            return English;
        }

        return Cultures.GetOrAdd(current.Name, _ =>
        {
            var culture = (CultureInfo)current.Clone();
            culture.NumberFormat.CurrencySymbol = "€";
            return CultureInfo.ReadOnly(culture);
        });
    }
}
