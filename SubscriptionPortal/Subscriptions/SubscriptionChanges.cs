using System.Security.Claims;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;
using SubscriptionPortal.Payments.Dunning;
using SubscriptionPortal.Platforms;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Subscriptions;

/// <summary>
/// The change command (SPEC §3, §4): quotes a change, stores the quote, and validates it in one
/// transaction — credit note, invoice, numbers, subscription, balance, debit and audit entry, or
/// nothing. A quote's id is the idempotency key: validating it again returns the first result.
/// </summary>
internal sealed class SubscriptionChanges(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    DocumentIssuer issuer,
    MandateService mandates,
    OverdueStatus overdue,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionChanges> logger,
    IStringLocalizer<SubscriptionChanges> localizer)
{
    // The English texts of the refusals; the user reads them in their language (Resources/Subscriptions/SubscriptionChanges).
    public const string ConflictMessage =
        "Someone else changed this subscription since your quote was made. Nothing was charged. Check the subscription and the new quote, then validate again.";

    public const string StaleMessage =
        "Your quote was out of date, so nothing was charged. Here is the updated quote: check it and validate again.";

    public const string ClosedMessage = "This platform is closed: its subscription can no longer change.";

    /// <summary>The Offer Change page: every offer with its prices, marked current or unavailable for this platform.</summary>
    public async Task<OfferChoices?> GetOfferChoicesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return null;
        }

        var plan = await SubscriptionPlanQueries.LoadAsync(db, platformId, ct);
        var catalog = await CatalogReader.LoadAsync(db, ct);
        var vatRate = (await db.CatalogSettings.AsNoTracking().SingleAsync(ct)).VatRate;
        var overdueRefusal = plan.IsClosed ? null : await overdue.PlanChangeRefusalAsync(db, platformId, ct);
        var summaries = await db.Offers.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Summary, ct);
        var offers = catalog.Select(offer => new OfferChoice(
                offer.Code,
                offer.Name,
                summaries[offer.Code],
                offer.IsFree,
                offer.Code == plan.OfferCode,
                offer.Features,
                offer.Tiers.Select(t => TierChoiceOf(t, vatRate, plan.ContactsInUse)).ToList(),
                overdueRefusal ?? UnavailableReason(plan, offer)))
            .ToList();
        return new OfferChoices(plan, offers, vatRate);
    }

    /// <summary>Quotes a change of the admin's current platform and stores the quote.</summary>
    public async Task<QuoteOutcome> QuoteAsync(ClaimsPrincipal user, ChangeTarget target, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CurrentPlatformIdAsync(user, ct) is not { } platformId)
        {
            return new QuoteOutcome.NotFound();
        }

        return await QuoteAsync(db, platformId, target, user.UserId(), null, ct);
    }

    /// <summary>
    /// Validates a quote of the admin's current platform. For a platform without a mandate, the
    /// mandate form is signed first. A quote of another platform is not found.
    /// </summary>
    public async Task<ChangeOutcome> ValidateAsync(ClaimsPrincipal user, Guid quoteId, MandateForm? mandate = null, CancellationToken ct = default)
    {
        int platformId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.CurrentPlatformIdAsync(user, ct) is not { } current)
            {
                return new ChangeOutcome.NotFound();
            }

            platformId = current;
            var quote = await db.Quotes.AsNoTracking().SingleOrDefaultAsync(q => q.Id == quoteId && q.PlatformId == platformId, ct);
            if (quote is null)
            {
                return new ChangeOutcome.NotFound();
            }

            if (quote.ValidatedAtUtc is not null)
            {
                return await ReplayAsync(db, quote, ct);
            }
        }

        if (mandate is not null)
        {
            var signed = await mandates.SignAsync(user, mandate, ct);
            if (!signed.Succeeded)
            {
                return new ChangeOutcome.Refused(signed.Message ?? localizer["MandateNotSaved"]);
            }
        }

        return await ValidateCoreAsync(platformId, quoteId, Actor.From(user), null, ct);
    }

    /// <summary>Quotes and validates at once, on a given local date: the demo seed's way to start a subscription.</summary>
    public async Task<ChangeOutcome> ApplyAsync(int platformId, ChangeTarget target, DateOnly localDate, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await QuoteAsync(db, platformId, target, actor.UserId, localDate, ct) switch
        {
            QuoteOutcome.Quoted quoted => await ValidateCoreAsync(platformId, quoted.Quote.Id, actor, localDate, ct),
            QuoteOutcome.Refused refused => new ChangeOutcome.Refused(refused.Message),
            _ => new ChangeOutcome.NotFound(),
        };
    }

    private async Task<QuoteOutcome> QuoteAsync(ApplicationDbContext db, int platformId, ChangeTarget target, string userId, DateOnly? localDate, CancellationToken ct)
    {
        var state = await SubscriptionStateLoader.LoadAsync(db, platformId, ct);
        if (state.Platform.Status == PlatformStatus.Closed)
        {
            return new QuoteOutcome.Refused(localizer["Closed"]);
        }

        if (await overdue.PlanChangeRefusalAsync(db, platformId, ct) is { } overdueRefusal)
        {
            return new QuoteOutcome.Refused(overdueRefusal);
        }

        if (state.Catalog.FirstOrDefault(o => o.Code == target.OfferCode) is not { } offer)
        {
            return new QuoteOutcome.Refused(localizer["NoSuchOffer"]);
        }

        var now = clock.GetUtcNow();
        var date = localDate ?? PeriodMath.LocalDate(now, state.Platform.TimeZone);
        var result = Calculate(state, offer, target, date);
        if (!result.IsAllowed)
        {
            return new QuoteOutcome.Refused(Explain(result.Refusal, offer.Name, target, state.ContactsInUse));
        }

        var calc = result.Calculation;
        var quote = new Quote(Guid.NewGuid(), platformId, state.Subscription.Id, state.Subscription.Version, date,
            offer.Code, target.TierMaxContacts, target.Commitment,
            Money.ToCents(calc.CreditNote?.Totals.Ttc ?? 0m), Money.ToCents(calc.Invoice?.Totals.Ttc ?? 0m), Money.ToCents(calc.AmountDue),
            userId, now.UtcDateTime, now.UtcDateTime.AddMinutes(options.Value.QuoteLifetimeMinutes));
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(ct);
        return new QuoteOutcome.Quoted(ToView(quote, state, offer, calc));
    }

    private async Task<ChangeOutcome> ValidateCoreAsync(int platformId, Guid quoteId, Actor actor, DateOnly? localDate, CancellationToken ct)
    {
        try
        {
            return await ValidateInTransactionAsync(platformId, quoteId, actor, localDate, ct);
        }
        catch (DbUpdateException ex)
        {
            // The same quote validated at the same moment elsewhere (its documents' unique keys or the
            // subscription's version stopped us): answer with that validation's result.
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var quote = await db.Quotes.AsNoTracking().SingleAsync(q => q.Id == quoteId, ct);
            if (quote.ValidatedAtUtc is not null)
            {
                return await ReplayAsync(db, quote, ct);
            }

            if (ex is DbUpdateConcurrencyException)
            {
                // Another change of the subscription between our read and our write.
                return new ChangeOutcome.Conflict(localizer["Conflict"]);
            }

            logger.LogError(ex, "Validating quote {QuoteId} failed.", quoteId);
            throw;
        }
    }

    private async Task<ChangeOutcome> ValidateInTransactionAsync(int platformId, Guid quoteId, Actor actor, DateOnly? localDate, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The subscription's row is locked before anything is read: a second validation of the same
        // quote, on any instance, waits here and then finds the quote validated, and the renewal job
        // skips this subscription until we are done. Every writer takes this row before the numbering
        // counters, so they cannot deadlock, and the platform's balance read below is the latest one.
        await db.LockAsync<Subscription>(nameof(Subscription.PlatformId), platformId, ct);
        var quote = await db.Quotes.SingleAsync(q => q.Id == quoteId && q.PlatformId == platformId, ct);
        if (quote.ValidatedAtUtc is not null)
        {
            return await ReplayAsync(db, quote, ct);
        }

        var state = await SubscriptionStateLoader.LoadAsync(db, platformId, ct);
        if (state.Platform.Status == PlatformStatus.Closed)
        {
            return new ChangeOutcome.Refused(localizer["Closed"]);
        }

        if (await overdue.PlanChangeRefusalAsync(db, platformId, ct) is { } overdueRefusal)
        {
            return new ChangeOutcome.Refused(overdueRefusal);
        }

        if (state.Subscription.Version != quote.SubscriptionVersion)
        {
            return new ChangeOutcome.Conflict(localizer["Conflict"]);
        }

        var now = clock.GetUtcNow();
        var date = localDate ?? PeriodMath.LocalDate(now, state.Platform.TimeZone);
        var target = new ChangeTarget(quote.TargetOfferCode, quote.TargetTierMaxContacts, quote.TargetCommitment);
        if (state.Catalog.FirstOrDefault(o => o.Code == target.OfferCode) is not { } offer)
        {
            return new ChangeOutcome.Refused(localizer["OfferGone"]);
        }

        var result = Calculate(state, offer, target, date);
        if (!result.IsAllowed)
        {
            return new ChangeOutcome.Refused(Explain(result.Refusal, offer.Name, target, state.ContactsInUse));
        }

        var calc = result.Calculation;
        var stale = date != quote.LocalDate
            || now.UtcDateTime > quote.ExpiresAtUtc
            || Money.ToCents(calc.CreditNote?.Totals.Ttc ?? 0m) != quote.CreditTtcCents
            || Money.ToCents(calc.Invoice?.Totals.Ttc ?? 0m) != quote.InvoiceTtcCents
            || Money.ToCents(calc.AmountDue) != quote.DueCents;
        if (stale)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await QuoteAsync(db, platformId, target, quote.CreatedByUserId, localDate, ct) switch
            {
                QuoteOutcome.Quoted fresh => new ChangeOutcome.Requote(fresh.Quote, localizer["Stale"]),
                QuoteOutcome.Refused refused => new ChangeOutcome.Refused(refused.Message),
                _ => new ChangeOutcome.NotFound(),
            };
        }

        var mandate = await MandateService.ActiveAsync(db, platformId, ct);
        if (!offer.IsFree && mandate is null)
        {
            return new ChangeOutcome.Refused(localizer["MandateFirst"]);
        }

        var buyer = BuyerOf(state.Platform);
        // The credit note says which invoice its money went to, so that invoice's number is taken first.
        var invoiceNumber = calc.Invoice is null ? null : await DocumentNumbering.NextAsync(db, DocumentKind.Invoice, date.Year, ct);
        BillingDocument? creditNote = null;
        if (calc.CreditNote is { } credit)
        {
            var opening = state.OpeningInvoice!;
            var imputed = calc.Invoice is { } next ? Math.Min(credit.Totals.Ttc, next.Totals.Ttc) : 0m;
            creditNote = await issuer.IssueAsync(db, new DocumentDraft(
                DocumentKind.CreditNote, platformId, state.Subscription.Id, $"quote:{quote.Id:N}:credit-note", date, now.UtcDateTime,
                credit.CreditedPeriod.Start, credit.CreditedPeriod.End, buyer,
                credit.Lines.Select(ToDraftLine).ToList(),
                credit.Totals.Ht, credit.Totals.VatRate, credit.Totals.Vat, 0m, 0m,
                new CorrectedDocument(opening.Id, opening.Number, opening.IssueDate),
                $"Change of subscription on {date:dd/MM/yyyy}: the unused part of the period is credited.",
                DirectDebit: null,
                CreditedToBalance: Math.Max(0m, credit.Totals.Ttc - (calc.Invoice?.Totals.Ttc ?? 0m)),
                AppliedToInvoice: invoiceNumber is not null && imputed > 0 ? new CreditNoteImputation(invoiceNumber, date, imputed) : null), ct);
        }

        BillingDocument? invoice = null;
        DirectDebit? debit = null;
        if (calc.Invoice is { } billed)
        {
            var debitDraft = calc.AmountDue > 0 && mandate is not null
                ? new DraftDirectDebit(Iban.Mask(mandate.Iban), mandate.Reference, calc.CollectionDate!.Value, calc.AmountDue)
                : null;
            invoice = await issuer.IssueAsync(db, new DocumentDraft(
                DocumentKind.Invoice, platformId, state.Subscription.Id, $"quote:{quote.Id:N}:invoice", date, now.UtcDateTime,
                billed.Period.Start, billed.Period.End, buyer,
                billed.Lines.Select(ToDraftLine).ToList(),
                billed.Totals.Ht, billed.Totals.VatRate, billed.Totals.Vat, calc.BalanceApplied, calc.AmountDue,
                Corrects: null, Reason: null, debitDraft,
                SettledByCreditNote: creditNote is null ? null : (creditNote.Number, Math.Min(calc.CreditNote!.Totals.Ttc, billed.Totals.Ttc))), invoiceNumber, ct);
            if (debitDraft is not null)
            {
                debit = new DirectDebit(platformId, invoice.Id, mandate!.Id, Money.ToCents(calc.AmountDue), calc.CollectionDate!.Value, now.UtcDateTime);
                db.DirectDebits.Add(debit);
            }
        }

        var before = Describe(state.CurrentOffer.Name, state.Subscription.TierMaxContacts, state.Subscription.Commitment);
        if (offer.IsFree)
        {
            state.Subscription.SwitchToFree(offer.Code);
        }
        else
        {
            state.Subscription.ChangeTo(offer.Code, target.TierMaxContacts!.Value, target.Commitment!.Value, calc.NewPeriod!.Value, invoice!.Id);
        }

        state.Platform.SetBalance(Money.ToCents(calc.BalanceAfter));
        db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, "subscription.changed",
            $"{before} → {Describe(offer.Name, target.TierMaxContacts, target.Commitment)}"
            + (creditNote is null ? "" : $"; credit note {creditNote.Number} ({calc.CreditNote!.Totals.Ttc:0.00} € TTC)")
            + (invoice is null ? "" : $"; invoice {invoice.Number} ({calc.Invoice!.Totals.Ttc:0.00} € TTC)")
            + (debit is null ? "" : $"; direct debit of {calc.AmountDue:0.00} € on {debit.CollectionDate:dd/MM/yyyy}")
            + (calc.BalanceAfter > 0 ? $"; balance {calc.BalanceAfter:0.00} €" : "")));
        await db.SaveChangesAsync(ct);

        quote.MarkValidated(now.UtcDateTime, invoice?.Id, creditNote?.Id, debit?.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ChangeOutcome.Applied(quote.Id, invoice?.Id, invoice?.Number, creditNote?.Id, creditNote?.Number, debit?.Id, Replayed: false);
    }

    private static async Task<ChangeOutcome> ReplayAsync(ApplicationDbContext db, Quote quote, CancellationToken ct)
    {
        var ids = new[] { quote.InvoiceId, quote.CreditNoteId }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var numbers = await db.Documents.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return new ChangeOutcome.Applied(quote.Id, quote.InvoiceId, quote.InvoiceId is { } i ? numbers[i] : null,
            quote.CreditNoteId, quote.CreditNoteId is { } c ? numbers[c] : null, quote.DirectDebitId, Replayed: true);
    }

    /// <summary>Feeds the pure calculator with the loaded state.</summary>
    internal static QuoteResult Calculate(SubscriptionState state, OfferPricing offer, ChangeTarget target, DateOnly date)
    {
        var subscription = state.Subscription;
        SubscriptionSnapshot current;
        if (subscription.IsPaid)
        {
            var opening = state.OpeningInvoice
                ?? throw new InvalidOperationException($"Paid subscription {subscription.Id} has no opening invoice.");
            current = SubscriptionSnapshot.Paid(state.CurrentOffer, subscription.TierMaxContacts!.Value, subscription.Commitment!.Value,
                subscription.AnchorDate!.Value, subscription.CurrentPeriod!.Value,
                new CreditableInvoice(opening.Number, opening.IssueDate, opening.Ht, opening.VatRate, opening.PriorCreditsHt));
        }
        else
        {
            current = SubscriptionSnapshot.Free(state.CurrentOffer);
        }

        return QuoteCalculator.Calculate(new QuoteInput(current, new QuoteTarget(offer, target.TierMaxContacts, target.Commitment), date,
            state.ContactsInUse, Money.FromCents(state.Platform.BalanceCents), state.VatRate, state.CollectionDelayDays));
    }

    private static QuoteView ToView(Quote quote, SubscriptionState state, OfferPricing offer, QuoteCalculation calc) => new(
        quote.Id,
        quote.ExpiresAtUtc,
        quote.LocalDate,
        state.CurrentOffer.Name,
        offer.Name,
        new ChangeTarget(offer.Code, quote.TargetTierMaxContacts, quote.TargetCommitment),
        state.Subscription.CurrentPeriod,
        calc.CreditNote is { } c
            ? new CreditNotePreview(c.CorrectedInvoiceNumber, c.CorrectedInvoiceDate, c.CreditedPeriod, c.UnusedDays, c.PeriodDays,
                c.Totals.Ht, c.Totals.VatRate, c.Totals.Vat, c.Totals.Ttc)
            : null,
        calc.Invoice is { } i
            ? new InvoicePreview(string.Join("; ", i.Lines.Select(l => l.Description)), i.Period, i.Totals.Ht, i.Totals.VatRate, i.Totals.Vat, i.Totals.Ttc)
            : null,
        calc.BalanceBefore,
        calc.BalanceApplied,
        calc.AmountDue,
        calc.CollectionDate,
        calc.BalanceAfter,
        calc.LostFeatures,
        DirectionOf(state.CurrentOffer, offer, calc.RankChange),
        RequiresMandate: !offer.IsFree && !state.HasMandate);

    private static ChangeDirection DirectionOf(OfferPricing current, OfferPricing target, RankChange rank) => (current.IsFree, target.IsFree) switch
    {
        (true, true) => ChangeDirection.FreeToFree,
        (true, false) => ChangeDirection.FreeToPaid,
        _ when current.Code == target.Code => ChangeDirection.SameOffer,
        _ => rank == RankChange.Downgrade ? ChangeDirection.Downgrade : ChangeDirection.Upgrade,
    };

    /// <summary>Why the calculator refused, in the user's language.</summary>
    private string Explain(QuoteRefusal refusal, string offerName, ChangeTarget target, int contactsInUse) => refusal.Reason switch
    {
        QuoteRefusalReason.PaidToFree => localizer["PaidToFree"],
        QuoteRefusalReason.NothingToChange => localizer["NothingToChange"],
        QuoteRefusalReason.MissingCommitment => localizer["MissingCommitment", offerName],
        QuoteRefusalReason.UnknownTier when target.TierMaxContacts is { } asked => localizer["UnknownTier", offerName, Count(asked)],
        QuoteRefusalReason.UnknownTier => localizer["MissingTier", offerName],
        QuoteRefusalReason.TierBelowContactsInUse when target.TierMaxContacts is { } max =>
            localizer["TierBelowContactsInUse", Count(contactsInUse), Count(max)],
        QuoteRefusalReason.ChangeDateOutsidePeriod => localizer["ChangeDateOutsidePeriod"],
        _ => refusal.Message,
    };

    private static string Count(int contacts) => contacts.ToString("N0", CultureInfo.CurrentCulture);

    private TierChoice TierChoiceOf(TierPrice tier, decimal vatRate, int contactsInUse)
    {
        var annualHt = OfferPricing.AnnualHt(tier.MonthlyHt);
        return new TierChoice(tier.MaxContacts, tier.MonthlyHt, VatAmounts.FromHt(tier.MonthlyHt, vatRate).Ttc, annualHt,
            VatAmounts.FromHt(annualHt, vatRate).Ttc,
            tier.MaxContacts < contactsInUse ? localizer["TierUnavailable", Count(contactsInUse)].Value : null);
    }

    private string? UnavailableReason(SubscriptionPlanView plan, OfferPricing offer)
    {
        if (plan.IsClosed)
        {
            return localizer["Closed"].Value;
        }

        if (offer.IsFree && !plan.IsFree)
        {
            return localizer["CannotBecomeFree", offer.Name].Value;
        }

        return offer.IsFree && offer.Code == plan.OfferCode ? localizer["CurrentOffer"].Value : null;
    }

    internal static DocumentBuyer BuyerOf(Platform platform)
    {
        // The address holds up to three lines, one per line of the document.
        var address = platform.AddressLine.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        var city = $"{platform.PostalCode} {platform.City}".Trim();
        if (city.Length > 0)
        {
            address.Add(city);
        }

        if (!string.IsNullOrWhiteSpace(platform.Country))
        {
            address.Add(platform.Country);
        }

        var postal = new PostalAddress
        {
            Line = NullIfBlank(platform.AddressLine),
            PostalCode = NullIfBlank(platform.PostalCode),
            City = NullIfBlank(platform.City),
            CountryCode = CountryCodes.Of(platform.Country),
        };
        return new DocumentBuyer(platform.Name, address, platform.Siren, platform.VatNumber, platform.Rna, NullIfBlank(platform.BillingEmail), postal);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DraftLine ToDraftLine(CalculatedLine line) =>
        new(line.Description, line.Period.Start, line.Period.End, line.Quantity, line.UnitPriceHt, line.TotalHt);

    private static string Describe(string offerName, int? tier, Commitment? commitment) =>
        tier is { } t && commitment is { } c ? $"{offerName} {t} contacts {c.ToString().ToLowerInvariant()}" : offerName;
}
