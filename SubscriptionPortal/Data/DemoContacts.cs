using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Data;

/// <summary>Plausible, deterministic contacts for the demo platforms.</summary>
internal static class DemoContacts
{
    private static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Lucas", "Hugo",
        "Louis", "Gabriel", "Arthur", "Jules", "Maël", "Noé", "Élodie", "Céline", "François", "Jérôme",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    ];

    public static IEnumerable<Contact> For(int platformId, int count, DateTime createdAtUtc)
    {
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i / FirstNames.Length + i) % LastNames.Length];
            var email = $"{Ascii(first)}.{Ascii(last)}.{platformId}-{i + 1}@example.org".ToLowerInvariant();
            yield return new Contact(platformId, first, last, email, createdAtUtc);
        }
    }

    private static string Ascii(string s) =>
        new(s.Normalize(System.Text.NormalizationForm.FormD).Where(c => c < 128).ToArray());
}
