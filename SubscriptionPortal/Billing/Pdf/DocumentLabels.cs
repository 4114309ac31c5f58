namespace SubscriptionPortal.Billing.Pdf;

/// <summary>
/// Every fixed text of the invoices and credit notes, French and English side by side, so that the two
/// cannot drift apart. A French document prints the French alone; an English one prints the French first
/// and the English beneath it (<see cref="DocumentWording"/>). Composite texts take their values as
/// <c>{0}</c>, <c>{1}</c>… in both languages.
/// </summary>
internal static class DocumentLabels
{
    public static readonly DocumentLabel Invoice = new("Facture", "Invoice");
    public static readonly DocumentLabel CreditNote = new("Avoir", "Credit note");

    public static readonly DocumentLabel Seller = new("VENDEUR", "SELLER");
    public static readonly DocumentLabel Buyer = new("CLIENT", "BILLED TO");
    public static readonly DocumentLabel ShareCapital = new("{0} au capital de {1}", "{0}, share capital {1}");
    public static readonly DocumentLabel VatNumber = new("N° TVA", "VAT no.");

    public static readonly DocumentLabel InvoiceNumber = new("N° DE FACTURE", "INVOICE NUMBER");
    public static readonly DocumentLabel CreditNoteNumber = new("N° D'AVOIR", "CREDIT NOTE NUMBER");
    public static readonly DocumentLabel IssueDate = new("DATE D'ÉMISSION", "ISSUE DATE");
    public static readonly DocumentLabel ServicePeriod = new("PÉRIODE", "SERVICE PERIOD");
    public static readonly DocumentLabel CorrectsInvoice = new("Rectifie la facture {0} du {1}", "Corrects invoice {0} dated {1}");
    public static readonly DocumentLabel Reason = new("Motif", "Reason");

    // Line texts and reasons written when a document is calculated, in the document's language only.
    public static readonly DocumentLabel SubscriptionLine = new("{0} — jusqu'à {1} contacts — {2}", "{0} — up to {1} contacts — {2}");
    public static readonly DocumentLabel Monthly = new("mensuel", "monthly");
    public static readonly DocumentLabel Annual = new("annuel", "annual");
    public static readonly DocumentLabel UnusedPart = new("{0} — {1} jours non utilisés sur {2}", "{0} — unused {1} of {2} days");
    public static readonly DocumentLabel WrittenOff = new("Montant impayé de la facture {0} passé en perte", "Unpaid amount of invoice {0} written off");
    public static readonly DocumentLabel WriteOffReason = new("Créance abandonnée : {0}", "Debt written off: {0}");
    public static readonly DocumentLabel ChangeCredited = new(
        "Changement d'abonnement le {0} : la part non utilisée de la période est créditée.",
        "Change of subscription on {0}: the unused part of the period is credited.");

    public static readonly DocumentLabel Description = new("Désignation", "Description");
    public static readonly DocumentLabel Period = new("Période", "Period");
    public static readonly DocumentLabel Quantity = new("Quantité", "Qty");
    public static readonly DocumentLabel UnitPrice = new("Prix unitaire HT", "Unit price excl. VAT");
    public static readonly DocumentLabel VatRate = new("TVA", "VAT");
    public static readonly DocumentLabel LineTotal = new("Total HT", "Total excl. VAT");

    public static readonly DocumentLabel VatSummary = new("RÉCAPITULATIF TVA", "VAT SUMMARY");
    public static readonly DocumentLabel Rate = new("Taux", "Rate");
    public static readonly DocumentLabel VatBase = new("Base HT", "Base excl. VAT");
    public static readonly DocumentLabel VatAmount = new("Montant TVA", "VAT amount");
    public static readonly DocumentLabel TotalExcludingVat = new("Total HT", "Total excl. VAT");
    public static readonly DocumentLabel TotalVat = new("TVA", "VAT");
    public static readonly DocumentLabel TotalIncludingVat = new("Total TTC", "Total incl. VAT");

    public static readonly DocumentLabel Payment = new("RÈGLEMENT", "PAYMENT");
    public static readonly DocumentLabel Settlement = new("IMPUTATION", "SETTLEMENT");
    public static readonly DocumentLabel SetAgainstInvoice = new("Imputé sur facture", "Set against invoice");
    public static readonly DocumentLabel Imputation = new("Imputé sur la facture {0} du {1} : {2}", "Set against invoice {0} dated {1}: {2}");
    public static readonly DocumentLabel CreditedToAccount = new("Crédit au compte", "Credited to account balance");
    public static readonly DocumentLabel CreditedToAccountValue = new("Porté au crédit de votre compte : {0}", "Credited to your account balance: {0}");
    public static readonly DocumentLabel BalanceAppliedFirst = new(
        "Le crédit du compte est imputé en priorité sur les factures suivantes.",
        "The account balance is applied first to the following invoices.");
    public static readonly DocumentLabel PaymentTerms = new("Mode de paiement", "Payment terms");
    public static readonly DocumentLabel SepaDirectDebit = new("Prélèvement SEPA", "SEPA direct debit");
    public static readonly DocumentLabel NothingDebited = new("Aucun prélèvement", "Nothing is debited");
    public static readonly DocumentLabel SettledByCreditNote = new("Réglé par l'avoir", "Settled by credit note");
    public static readonly DocumentLabel PaidFromBalance = new("Payé par le crédit du compte", "Paid from account balance");
    public static readonly DocumentLabel AmountDebited = new("Montant prélevé", "Amount debited");
    public static readonly DocumentLabel CollectionDate = new("Date de prélèvement", "Collection date");
    public static readonly DocumentLabel DebitedAccount = new("Compte prélevé (IBAN)", "Debited account (IBAN)");
    public static readonly DocumentLabel MandateReference = new("Référence du mandat (RUM)", "Mandate reference");
    public static readonly DocumentLabel CreditorIdentifier = new("Identifiant créancier SEPA (ICS)", "Creditor identifier (ICS)");

    public static readonly DocumentLabel OperationNature = new("Nature de l'opération", "Nature of the operation");
    public static readonly DocumentLabel ServiceAddress = new("Adresse de réalisation de la prestation", "Service address");
    public static readonly DocumentLabel VatOption = new("TVA", "VAT");
    public static readonly DocumentLabel ServicesValue = new(DocumentMentions.OperationNature, "Services");
    public static readonly DocumentLabel VatOnDebitsValue = new(DocumentMentions.VatOnDebits, "VAT paid on debits");

    public static readonly DocumentLabel Continued = new("{0} {1} · {2} (suite)", "{0} {1} · {2} (continued)");
    public static readonly DocumentLabel ContinuedPeriod = new("Période {0}", "Service period {0}");

    // €40 is fixed by the French Commercial Code (art. D441-5), not a seller setting.
    public static readonly DocumentLabel RecoveryIndemnity = new(
        DocumentMentions.RecoveryIndemnity,
        "Fixed indemnity for recovery costs in case of late payment: 40 € (French Commercial Code, art. L441-10 and D441-5).");

    public static readonly DocumentLabel NoEarlyPaymentDiscount = new(DocumentMentions.NoEarlyPaymentDiscount, "No discount for early payment.");
}
