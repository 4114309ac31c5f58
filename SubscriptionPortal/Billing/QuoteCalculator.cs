using System.Globalization;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Billing;

/// <summary>
/// Prices a subscription change (SPEC §3, §4) and a renewal. Pure: everything comes in through
/// the input, including the change's local date. A change that is not allowed is a refusal value;
/// exceptions mean the input itself is inconsistent (a bug in the caller).
/// </summary>
internal static class QuoteCalculator
{
    public const string PaidToFreeMessage =
        "A paid platform cannot become free. To use Liberty, cancel the subscription, export your data and create a new 100 % free platform.";

    public const string NothingToChangeMessage =
        "Nothing to change: this is already your offer, number of contacts and commitment.";

    public const string ChangeDateOutsidePeriodMessage =
        "The current period has ended or changed since this page was loaded. Reload the page to see the current subscription.";

    /// <summary>Quotes a change of offer, tier and/or commitment on the input's change date.</summary>
    /// <exception cref="ArgumentException">The input is inconsistent (e.g. a paid subscription without a period).</exception>
    public static QuoteResult Calculate(QuoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var current = input.Current;
        var target = input.Target;

        if (target.Offer.IsFree)
        {
            if (!current.Offer.IsFree)
            {
                return QuoteResult.Refused(QuoteRefusalReason.PaidToFree, PaidToFreeMessage);
            }

            if (IsSameOffer(current.Offer, target.Offer))
            {
                return QuoteResult.Refused(QuoteRefusalReason.NothingToChange, NothingToChangeMessage);
            }

            return QuoteResult.Allowed(FreeToFree(input));
        }

        if (target.Commitment is not { } commitment)
        {
            return QuoteResult.Refused(QuoteRefusalReason.MissingCommitment,
                $"Choose a monthly or annual commitment for {target.Offer.Name}.");
        }

        var tier = target.TierMaxContacts is { } maxContacts ? target.Offer.FindTier(maxContacts) : null;
        if (tier is null)
        {
            return QuoteResult.Refused(QuoteRefusalReason.UnknownTier, target.TierMaxContacts is { } asked
                ? $"{target.Offer.Name} has no tier for {Count(asked)} contacts. Choose one of the listed tiers."
                : $"Choose a number of contacts for {target.Offer.Name}.");
        }

        if (!current.Offer.IsFree
            && IsSameOffer(current.Offer, target.Offer)
            && current.TierMaxContacts == tier.MaxContacts
            && current.Commitment == commitment)
        {
            return QuoteResult.Refused(QuoteRefusalReason.NothingToChange, NothingToChangeMessage);
        }

        if (tier.MaxContacts < input.ContactsInUse)
        {
            return QuoteResult.Refused(QuoteRefusalReason.TierBelowContactsInUse,
                $"This platform has {Count(input.ContactsInUse)} contacts in use, more than the {Count(tier.MaxContacts)} "
                + $"this tier allows. Choose a tier of at least {Count(input.ContactsInUse)} contacts.");
        }

        if (current.Period is { } period && !period.Contains(input.ChangeDate))
        {
            return QuoteResult.Refused(QuoteRefusalReason.ChangeDateOutsidePeriod, ChangeDateOutsidePeriodMessage);
        }

        return QuoteResult.Allowed(ToPaid(input, tier, commitment));
    }

    /// <summary>
    /// Prices the renewal of a paid subscription: the next full period of the same offer, tier and
    /// commitment, paid from the account balance first.
    /// </summary>
    /// <exception cref="ArgumentException">A free offer, an unknown tier, a period not of the anchor, or an issue date before the period's end.</exception>
    public static RenewalCalculation Renewal(RenewalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Offer.IsFree)
        {
            throw new ArgumentException($"{input.Offer.Name} is free: a free offer never renews.", nameof(input));
        }

        var tier = input.Offer.FindTier(input.TierMaxContacts)
            ?? throw new ArgumentException($"{input.Offer.Name} has no tier for {input.TierMaxContacts} contacts.", nameof(input));
        if (input.IssueDate < input.CurrentPeriod.End)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.IssueDate, $"A renewal runs once {input.CurrentPeriod} has ended.");
        }

        RequireBalanceAndDelay(input.AccountBalance, input.CollectionDelayDays);

        var next = PeriodMath.NextPeriod(input.Anchor, input.Commitment, input.CurrentPeriod);
        var invoice = Invoice(input.Offer, tier, input.Commitment, next, input.VatRate, input.Language);
        var settlement = Settle(invoice.Totals.IncludingVat, 0m, input.AccountBalance, input.IssueDate, input.CollectionDelayDays);

        return new RenewalCalculation(invoice, input.AccountBalance, settlement.BalanceApplied, settlement.AmountDue,
            settlement.CollectionDate, settlement.BalanceAfter);
    }

    private static QuoteCalculation FreeToFree(QuoteInput input) => new(
        input.ChangeDate,
        CreditNote: null,
        Invoice: null,
        NewPeriod: null,
        NewAnchor: null,
        BalanceBefore: input.AccountBalance,
        BalanceApplied: 0m,
        AmountDue: 0m,
        CollectionDate: null,
        BalanceAfter: input.AccountBalance,
        LostFeatures(input.Current.Offer, input.Target.Offer),
        CompareRanks(input.Current.Offer, input.Target.Offer));

    private static QuoteCalculation ToPaid(QuoteInput input, TierPrice tier, Commitment commitment)
    {
        var current = input.Current;
        var changeDate = input.ChangeDate;

        var creditNote = current.Offer.IsFree ? null : CreditNote(current, changeDate, input.Language);

        // D becomes the anchor: the new invoice covers one full period from the change day, so that
        // day is billed once, on the new offer (the credit note gives it back on the old one).
        var newPeriod = PeriodMath.FirstPeriod(changeDate, commitment);
        var invoice = Invoice(input.Target.Offer, tier, commitment, newPeriod, input.VatRate, input.Language);

        var settlement = Settle(invoice.Totals.IncludingVat, creditNote?.Totals.IncludingVat ?? 0m, input.AccountBalance, changeDate, input.CollectionDelayDays);

        return new QuoteCalculation(
            changeDate,
            creditNote,
            invoice,
            newPeriod,
            NewAnchor: changeDate,
            BalanceBefore: input.AccountBalance,
            settlement.BalanceApplied,
            settlement.AmountDue,
            settlement.CollectionDate,
            settlement.BalanceAfter,
            LostFeatures(current.Offer, input.Target.Offer),
            CompareRanks(current.Offer, input.Target.Offer));
    }

    private static CreditNoteCalculation? CreditNote(SubscriptionSnapshot current, DateOnly changeDate, string language)
    {
        var period = current.Period!.Value;
        var invoice = current.OpeningInvoice!;
        var creditExcludingVat = Proration.CreditExcludingVat(invoice.ChargedExcludingVat, invoice.CreditedExcludingVat, period, changeDate);
        if (creditExcludingVat == 0m)
        {
            // Nothing left to give back: a credit note of zero would only add a document.
            return null;
        }

        var credited = new BillingPeriod(changeDate, period.End);
        var description = LineText.UnusedPart(language,
            LineText.Subscription(language, current.Offer.Name, current.TierMaxContacts!.Value, current.Commitment!.Value), credited.Days, period.Days);
        return new CreditNoteCalculation(
            invoice.Number,
            invoice.IssueDate,
            period,
            credited,
            [new BillingLine(description, credited, 1, creditExcludingVat, creditExcludingVat)],
            VatAmounts.FromExcludingVat(creditExcludingVat, invoice.VatRate));
    }

    private static InvoiceCalculation Invoice(OfferPricing offer, TierPrice tier, Commitment commitment, BillingPeriod period, decimal vatRate, string language)
    {
        var priceExcludingVat = OfferPricing.PriceExcludingVat(tier, commitment);
        return new InvoiceCalculation(
            period,
            [new BillingLine(LineText.Subscription(language, offer.Name, tier.MaxContacts, commitment), period, 1, priceExcludingVat, priceExcludingVat)],
            VatAmounts.FromExcludingVat(priceExcludingVat, vatRate));
    }

    /// <summary>
    /// due = invoice TTC − credit TTC − balance. The balance only pays what the credit note leaves
    /// of the invoice; a credit larger than the invoice goes to the balance instead of a negative document.
    /// </summary>
    private static Settlement Settle(decimal invoiceIncludingVat, decimal creditIncludingVat, decimal balance, DateOnly settledOn, int collectionDelayDays)
    {
        var due = invoiceIncludingVat - creditIncludingVat - balance;
        var balanceApplied = Math.Min(balance, Math.Max(0m, invoiceIncludingVat - creditIncludingVat));
        return due > 0m
            ? new Settlement(balanceApplied, due, settledOn.AddDays(collectionDelayDays), 0m)
            : new Settlement(balanceApplied, 0m, null, -due);
    }

    private static string[] LostFeatures(OfferPricing from, OfferPricing to)
    {
        var kept = new HashSet<string>(to.Features, StringComparer.Ordinal);
        return [.. from.Features.Where(f => !kept.Contains(f))];
    }

    private static RankChange CompareRanks(OfferPricing from, OfferPricing to) =>
        to.Rank.CompareTo(from.Rank) switch
        {
            > 0 => RankChange.Upgrade,
            < 0 => RankChange.Downgrade,
            _ => RankChange.SameRank,
        };

    private static bool IsSameOffer(OfferPricing a, OfferPricing b) => string.Equals(a.Code, b.Code, StringComparison.Ordinal);

    private static string Count(int contacts) => contacts.ToString("N0", CultureInfo.InvariantCulture);

    private static void Validate(QuoteInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Current);
        ArgumentNullException.ThrowIfNull(input.Target);
        ArgumentNullException.ThrowIfNull(input.Current.Offer);
        ArgumentNullException.ThrowIfNull(input.Target.Offer);
        ArgumentOutOfRangeException.ThrowIfNegative(input.ContactsInUse);
        RequireBalanceAndDelay(input.AccountBalance, input.CollectionDelayDays);

        var current = input.Current;
        if (current.Offer.IsFree)
        {
            return;
        }

        if (current is not { TierMaxContacts: not null, Commitment: { } commitment, Anchor: { } anchor, Period: { } period, OpeningInvoice: { } invoice })
        {
            throw new ArgumentException(
                $"A paid subscription ({current.Offer.Code}) needs its tier, commitment, anchor, period and opening invoice.", nameof(input));
        }

        if (period.Start < anchor || PeriodMath.PeriodContaining(anchor, commitment, period.Start) != period)
        {
            throw new ArgumentException($"{period} is not a {commitment} period of the anchor {anchor:yyyy-MM-dd}.", nameof(input));
        }

        Money.RequireWholeNonNegative(invoice.ChargedExcludingVat, nameof(input));
        Money.RequireWholeNonNegative(invoice.CreditedExcludingVat, nameof(input));
    }

    private static void RequireBalanceAndDelay(decimal balance, int collectionDelayDays)
    {
        Money.RequireWholeNonNegative(balance, nameof(balance));
        ArgumentOutOfRangeException.ThrowIfNegative(collectionDelayDays);
    }

    private readonly record struct Settlement(decimal BalanceApplied, decimal AmountDue, DateOnly? CollectionDate, decimal BalanceAfter);
}
