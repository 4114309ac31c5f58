using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.EInvoicing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Catalog;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Emails;
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
    PeriodInvoicing invoicing,
    MandateService mandates,
    OverdueStatus overdue,
    EmailOutbox emails,
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

    // A validation reads its quote once or twice: compiled once per model (tracked, for the transaction that marks it validated).
    private static readonly CompiledPerModel<Func<ApplicationDbContext, Guid, int, CancellationToken, Task<Quote?>>> QuoteOf = new(() => EF.CompileAsyncQuery(
        (ApplicationDbContext db, Guid quoteId, int platformId, CancellationToken ct) => db.Quotes.SingleOrDefault(q => q.Id == quoteId && q.PlatformId == platformId)));

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
            // A mandate is signed only for a quote of this platform still to validate. Without one, the transaction below
            // finds the quote itself, under the subscription's lock, and answers a replay or an unknown quote there.
            if (mandate is not null)
            {
                var quote = await QuoteOf.For(db)(db, quoteId, platformId, ct);
                if (quote is null)
                {
                    return new ChangeOutcome.NotFound();
                }

                if (quote.ValidatedAtUtc is not null)
                {
                    return await ReplayAsync(db, quote, ct);
                }
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
            Money.ToCents(calc.CreditNote?.Totals.IncludingVat ?? 0m), Money.ToCents(calc.Invoice?.Totals.IncludingVat ?? 0m), Money.ToCents(calc.AmountDue),
            userId, now.UtcDateTime, now.UtcDateTime.AddMinutes(options.Value.QuoteLifetimeMinutes));
        db.Quotes.Add(quote);
        // A quote charges nothing: its commit does not wait for the disk (SqliteUnsyncedSave). The validation's commit,
        // synced, makes it durable with the change.
        await SqliteUnsyncedSave.SaveChangesAsync(db, ct);
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

            logger.QuoteValidationFailed(ex, quoteId);
            throw;
        }
    }

    private async Task<ChangeOutcome> ValidateInTransactionAsync(int platformId, Guid quoteId, Actor actor, DateOnly? localDate, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // All or nothing: a failed save ends the whole validation, which is rolled back, so the saves below need no
        // savepoint each (two more statements per save, and two more round trips on PostgreSQL).
        db.Database.AutoSavepointsEnabled = false;
        // The subscription's row is locked before anything is read: a second validation of the same
        // quote, on any instance, waits here and then finds the quote validated, and the renewal job
        // skips this subscription until we are done. Every writer takes this row before the numbering
        // counters, so they cannot deadlock, and the platform's balance read below is the latest one.
        await db.LockWithoutReadingAsync<Subscription>(nameof(Subscription.PlatformId), platformId, ct);
        var quote = await QuoteOf.For(db)(db, quoteId, platformId, ct);
        if (quote is null)
        {
            return new ChangeOutcome.NotFound();
        }

        if (quote.ValidatedAtUtc is not null)
        {
            return await ReplayAsync(db, quote, ct);
        }

        var now = clock.GetUtcNow();
        var (change, refusal) = await RecalculateAsync(db, quote, localDate, now, ct);
        if (change is null)
        {
            return refusal!;
        }

        if (IsStale(quote, change, now))
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RequoteAsync(db, quote, change.Target, localDate, ct);
        }

        var mandate = await MandateService.ActiveAsync(db, platformId, ct);
        if (!change.Offer.IsFree && mandate is null)
        {
            return new ChangeOutcome.Refused(localizer["MandateFirst"]);
        }

        var documents = await IssueDocumentsAsync(db, quote, change, mandate, now.UtcDateTime, ct);
        var before = Describe(change.State.CurrentOffer.Name, change.State.Subscription.Plan?.TierMaxContacts, change.State.Subscription.Plan?.Commitment);
        Apply(change, documents);
        db.AuditEntries.Add(actor.Entry(now.UtcDateTime, platformId, AuditActions.SubscriptionChanged, $"{before} → {Summary(change, documents)}"));
        // The new rows go in by one command per table, the debit first: the quote names its id. One save then writes
        // what changed (the subscription, the balance, the quote) instead of two saves building a statement for each row.
        await db.InsertAddedAsync<DirectDebit>(ct);
        await db.InsertAddedAsync<OutboxMessage>(ct);
        await db.InsertAddedAsync<AuditEntry>(ct);
        quote.MarkValidated(now.UtcDateTime, documents.Invoice?.Id, documents.CreditNote?.Id, documents.Debit?.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ChangeOutcome.Applied(quote.Id, documents.Invoice?.Id, documents.Invoice?.Number, documents.CreditNote?.Id, documents.CreditNote?.Number,
            documents.Debit?.Id, Replayed: false);
    }

    /// <summary>Calculates the quoted change again on the state as it is now, or says why it can no longer be made.</summary>
    private async Task<(RecalculatedChange? Change, ChangeOutcome? Refusal)> RecalculateAsync(
        ApplicationDbContext db, Quote quote, DateOnly? localDate, DateTimeOffset now, CancellationToken ct)
    {
        var state = await SubscriptionStateLoader.LoadAsync(db, quote.PlatformId, ct);
        if (state.Platform.Status == PlatformStatus.Closed)
        {
            return (null, new ChangeOutcome.Refused(localizer["Closed"]));
        }

        if (await overdue.PlanChangeRefusalAsync(db, quote.PlatformId, ct) is { } overdueRefusal)
        {
            return (null, new ChangeOutcome.Refused(overdueRefusal));
        }

        if (state.Subscription.Version != quote.SubscriptionVersion)
        {
            return (null, new ChangeOutcome.Conflict(localizer["Conflict"]));
        }

        var date = localDate ?? PeriodMath.LocalDate(now, state.Platform.TimeZone);
        var target = new ChangeTarget(quote.TargetOfferCode, quote.TargetTierMaxContacts, quote.TargetCommitment);
        if (state.Catalog.FirstOrDefault(o => o.Code == target.OfferCode) is not { } offer)
        {
            return (null, new ChangeOutcome.Refused(localizer["OfferGone"]));
        }

        var result = Calculate(state, offer, target, date);
        return result.IsAllowed
            ? (new RecalculatedChange(state, offer, target, date, result.Calculation), null)
            : (null, new ChangeOutcome.Refused(Explain(result.Refusal, offer.Name, target, state.ContactsInUse)));
    }

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

    /// <summary>A quote is stale when its day, its lifetime or any of its amounts no longer hold.</summary>
    private static bool IsStale(Quote quote, RecalculatedChange change, DateTimeOffset now) =>
        change.Date != quote.LocalDate
        || now.UtcDateTime > quote.ExpiresAtUtc
        || Money.ToCents(change.Calculation.CreditNote?.Totals.IncludingVat ?? 0m) != quote.CreditIncludingVatCents
        || Money.ToCents(change.Calculation.Invoice?.Totals.IncludingVat ?? 0m) != quote.InvoiceIncludingVatCents
        || Money.ToCents(change.Calculation.AmountDue) != quote.DueCents;

    private async Task<ChangeOutcome> RequoteAsync(ApplicationDbContext db, Quote stale, ChangeTarget target, DateOnly? localDate, CancellationToken ct) =>
        await QuoteAsync(db, stale.PlatformId, target, stale.CreatedByUserId, localDate, ct) switch
        {
            QuoteOutcome.Quoted fresh => new ChangeOutcome.Requote(fresh.Quote, localizer["Stale"]),
            QuoteOutcome.Refused refused => new ChangeOutcome.Refused(refused.Message),
            _ => new ChangeOutcome.NotFound(),
        };

    /// <summary>
    /// The credit note of the unused part of the period and the invoice of the new one with its debit, issued
    /// together: both numbers are taken first, then both PDFs are rendered at once.
    /// </summary>
    private async Task<ChangeDocuments> IssueDocumentsAsync(
        ApplicationDbContext db, Quote quote, RecalculatedChange change, SepaMandate? mandate, DateTime nowUtc, CancellationToken ct)
    {
        var (state, _, _, date, calc) = change;
        // The credit note says which invoice its money went to, so that invoice's number is taken first.
        var invoiceNumber = calc.Invoice is null ? null : await DocumentNumbering.NextAsync(db, DocumentKind.Invoice, date.Year, ct);
        var creditNoteNumber = calc.CreditNote is null ? null : await DocumentNumbering.NextAsync(db, DocumentKind.CreditNote, date.Year, ct);
        var drafts = new List<NumberedDraft>(2);
        DocumentDraft? creditNoteDraft = null;
        if (calc.CreditNote is { } credit)
        {
            var opening = state.OpeningInvoice!;
            creditNoteDraft = new DocumentDraft(
                DocumentKind.CreditNote, quote.PlatformId, state.Subscription.Id, $"quote:{quote.Id:N}:credit-note", date, nowUtc,
                credit.CreditedPeriod, DocumentBuyers.Of(state.Platform), credit.Lines, credit.Totals, 0m, 0m,
                new CorrectedDocument(opening.Id, opening.Number, opening.IssueDate),
                LineText.ChangeCredited(state.Platform.BillingLanguage, date),
                DirectDebit: null,
                CreditedToBalance: CreditedToBalance(calc),
                AppliedToInvoice: invoiceNumber is not null && AppliedToInvoice(calc) > 0 ? new CreditNoteImputation(invoiceNumber, date, AppliedToInvoice(calc)) : null);
            drafts.Add(new NumberedDraft(creditNoteDraft, creditNoteNumber!));
        }

        var invoiceRequest = calc.Invoice is { } billed
            ? new InvoiceRequest(state.Platform, state.Subscription.Id, $"quote:{quote.Id:N}:invoice", date, nowUtc, billed,
                new InvoiceCharge(calc.BalanceApplied, calc.AmountDue, calc.CollectionDate), mandate)
            : null;
        var invoiceDraft = invoiceRequest is null ? null
            : PeriodInvoicing.Draft(invoiceRequest, creditNoteNumber is null ? null : (creditNoteNumber, AppliedToInvoice(calc)));
        if (invoiceDraft is not null)
        {
            drafts.Add(new NumberedDraft(invoiceDraft, invoiceNumber!));
        }

        var issued = await issuer.IssueNumberedAsync(db, drafts, ct: ct);
        var creditNote = creditNoteDraft is null ? null : issued[0];
        if (creditNote is not null)
        {
            await emails.CreditNoteIssuedAsync(db, creditNote, state.OpeningInvoice!.Number, invoiceNumber is null ? null : (invoiceNumber, AppliedToInvoice(calc)),
                CreditedToBalance(calc), ct: ct);
        }

        if (invoiceDraft is null)
        {
            return new ChangeDocuments(creditNote, null, null);
        }

        var (invoice, debit) = await invoicing.CollectAsync(db, issued[^1], invoiceDraft, mandate, ct);
        return new ChangeDocuments(creditNote, invoice, debit);
    }

    /// <summary>Euros of the credit note that settle the new invoice: all of it, up to the invoice's total.</summary>
    private static decimal AppliedToInvoice(QuoteCalculation calc) =>
        calc.CreditNote is { } credit && calc.Invoice is { } invoice ? Math.Min(credit.Totals.IncludingVat, invoice.Totals.IncludingVat) : 0m;

    /// <summary>Euros of the credit note left over once the new invoice is settled: they go to the account balance.</summary>
    private static decimal CreditedToBalance(QuoteCalculation calc) =>
        calc.CreditNote is { } credit ? Math.Max(0m, credit.Totals.IncludingVat - (calc.Invoice?.Totals.IncludingVat ?? 0m)) : 0m;

    /// <summary>Moves the subscription to the new offer and the platform's balance to what the change leaves.</summary>
    private static void Apply(RecalculatedChange change, ChangeDocuments documents)
    {
        var (state, offer, target, _, calc) = change;
        if (offer.IsFree)
        {
            state.Subscription.SwitchToFree(offer.Code);
        }
        else
        {
            state.Subscription.ChangeTo(offer.Code, target.TierMaxContacts!.Value, target.Commitment!.Value, calc.NewPeriod!.Value, documents.Invoice!.Id);
        }

        state.Platform.SetBalance(Money.ToCents(calc.BalanceAfter));
    }

    /// <summary>The audit entry's account of a change, after "before →".</summary>
    private static string Summary(RecalculatedChange change, ChangeDocuments documents)
    {
        var calc = change.Calculation;
        return Describe(change.Offer.Name, change.Target.TierMaxContacts, change.Target.Commitment)
            + (documents.CreditNote is null ? "" : $"; credit note {documents.CreditNote.Number} ({calc.CreditNote!.Totals.IncludingVat:0.00} € TTC)")
            + (documents.Invoice is null ? "" : $"; invoice {documents.Invoice.Number} ({calc.Invoice!.Totals.IncludingVat:0.00} € TTC)")
            + (documents.Debit is null ? "" : $"; direct debit of {calc.AmountDue:0.00} € on {documents.Debit.CollectionDate:dd/MM/yyyy}")
            + (calc.BalanceAfter > 0 ? $"; balance {calc.BalanceAfter:0.00} €" : "");
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
        if (subscription.Plan is { } plan)
        {
            var opening = state.OpeningInvoice
                ?? throw new InvalidOperationException($"Paid subscription {subscription.Id} has no opening invoice.");
            current = SubscriptionSnapshot.Paid(state.CurrentOffer, plan.TierMaxContacts, plan.Commitment, plan.AnchorDate, plan.CurrentPeriod,
                new CreditableInvoice(opening.Number, opening.IssueDate, opening.ExcludingVat, opening.VatRate, opening.PriorCreditsExcludingVat));
        }
        else
        {
            current = SubscriptionSnapshot.Free(state.CurrentOffer);
        }

        return QuoteCalculator.Calculate(new QuoteInput(current, new QuoteTarget(offer, target.TierMaxContacts, target.Commitment), date,
            state.ContactsInUse, Money.FromCents(state.Platform.BalanceCents), state.VatRate, state.CollectionDelayDays, state.Platform.BillingLanguage));
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
                c.Totals.ExcludingVat, c.Totals.VatRate, c.Totals.Vat, c.Totals.IncludingVat)
            : null,
        calc.Invoice is { } i
            ? new InvoicePreview(string.Join("; ", i.Lines.Select(l => l.Description)), i.Period, i.Totals.ExcludingVat, i.Totals.VatRate, i.Totals.Vat, i.Totals.IncludingVat)
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

    private static string Describe(string offerName, int? tier, Commitment? commitment) =>
        tier is { } t && commitment is { } c ? $"{offerName} {t} contacts {c.ToString().ToLowerInvariant()}" : offerName;

    private sealed record RecalculatedChange(SubscriptionState State, OfferPricing Offer, ChangeTarget Target, DateOnly Date, QuoteCalculation Calculation);

    private sealed record ChangeDocuments(BillingDocument? CreditNote, BillingDocument? Invoice, DirectDebit? Debit);
}
