using System.Globalization;

namespace SubscriptionPortal.Components.Shared;

/// <summary>How the product writes money and dates: always the currency and two decimals; dates spelled out.</summary>
public static class Format
{
    // English text with the euro: Ireland's conventions (€1,234.56).
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-IE");

    public static string Eur(decimal amount) => amount.ToString("C2", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string DateTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", Culture);

    /// <summary>A period [start, end) as the user reads it: both days included.</summary>
    public static string Period(DateOnly start, DateOnly endExclusive) => $"{Date(start)} – {Date(endExclusive.AddDays(-1))}";

    public static string Contacts(int count) => count.ToString("N0", Culture);
}
