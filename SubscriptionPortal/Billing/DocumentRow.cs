namespace SubscriptionPortal.Billing;

public enum DocumentStatus
{
    Paid,
    AwaitingDebit,
    DebitFailed,
    Credited,
    PartlyCredited,
    Issued,
}

/// <summary>One row of Settings › Invoices. Amounts in euros; the period end is exclusive.</summary>
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
    string? CorrectsNumber);

/// <summary>Amounts invoiced (TTC) and credited in one month, for the chart.</summary>
public sealed record MonthlyBilling(int Year, int Month, decimal Invoiced, decimal Credited);

public sealed record DocumentList(IReadOnlyList<DocumentRow> Rows, IReadOnlyList<int> Years, IReadOnlyList<MonthlyBilling> Months);
