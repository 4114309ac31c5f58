namespace SubscriptionPortal.Common;

/// <summary>
/// Euro amounts: <see cref="decimal"/> in code, integer cents in storage (SQLite sums and compares
/// integers exactly).
/// </summary>
internal static class Money
{
    /// <summary>
    /// Rounds euros to the cent, half away from zero (0.125 → 0.13, −0.125 → −0.13), as French
    /// invoices do; .NET's default would be banker's rounding, hence the explicit mode.
    /// </summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether <paramref name="amount"/> (euros) is a whole number of cents.</summary>
    public static bool IsWholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>Euros to cents, for storage.</summary>
    /// <exception cref="ArgumentException">The amount has a fraction of a cent: it was never rounded.</exception>
    public static long ToCents(decimal amount)
    {
        if (!IsWholeCents(amount))
        {
            throw new ArgumentException($"{amount} EUR is not a whole number of cents; round it first.", nameof(amount));
        }

        return decimal.ToInt64(amount * 100m);
    }

    /// <summary>Cents to euros, with two decimals (4000 → 40.00).</summary>
    public static decimal FromCents(long cents) => cents * 0.01m;

    /// <summary>Guards a stored or computed amount in euros: whole cents and not negative.</summary>
    public static void RequireWholeNonNegative(decimal amount, string paramName)
    {
        if (amount < 0m)
        {
            throw new ArgumentOutOfRangeException(paramName, amount, "The amount must not be negative.");
        }

        if (!IsWholeCents(amount))
        {
            throw new ArgumentException($"{amount} EUR is not a whole number of cents.", paramName);
        }
    }
}
