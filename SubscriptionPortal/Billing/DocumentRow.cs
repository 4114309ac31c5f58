namespace SubscriptionPortal.Billing;

public enum DocumentStatus
{
    Paid,
    AwaitingDebit,
    DebitFailed,
    Credited,
    PartlyCredited,
    Issued,

    /// <summary>Unpaid after a failed debit, and no new attempt is planned: waits for a new mandate or for support.</summary>
    Overdue,

    /// <summary>Unpaid, and cancelled by a credit note when support wrote the debt off.</summary>
    WrittenOff,
}

/// <summary>One row of Settings › Invoices. Amounts in euros; the period end is exclusive. <see cref="NextAttemptOn"/>: when a failed debit is presented again.</summary>
public sealed record DocumentRow(
    int Id,
    string Number,
    DocumentKind Kind,
    DateOnly IssueDate,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal TotalExcludingVat,
    decimal TotalIncludingVat,
    DocumentStatus Status,
    int? CorrectsId,
    string? CorrectsNumber,
    DateOnly? NextAttemptOn = null);

/// <summary>Amounts invoiced (TTC) and credited in one month, for the chart.</summary>
public sealed record MonthlyBilling(int Year, int Month, decimal Invoiced, decimal Credited);

/// <summary>A platform's documents, newest first, the years they were issued in (newest first), and their amounts per month.</summary>
public sealed record DocumentList(IReadOnlyList<DocumentRow> Rows, IReadOnlyList<int> Years, IReadOnlyList<MonthlyBilling> Months)
{
    /// <summary>The documents issued in <paramref name="year"/> and their months, all of them when it is null; the years to choose from stay.</summary>
    public DocumentList ForYear(int? year) => year is { } wanted
        ? this with { Rows = Rows.Where(r => r.IssueDate.Year == wanted).ToList(), Months = Months.Where(m => m.Year == wanted).ToList() }
        : this;
}
