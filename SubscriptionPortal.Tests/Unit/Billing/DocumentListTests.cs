using SubscriptionPortal.Billing;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class DocumentListTests
{
    private static readonly DocumentList TwoYears = new(
        [
            Row(3, "F-2026-000002", new(2026, 1, 10)),
            Row(2, "F-2025-000002", new(2025, 12, 10)),
            Row(1, "F-2025-000001", new(2025, 11, 10)),
        ],
        [2026, 2025],
        [
            new MonthlyBilling(2025, 11, 30.00m, 0m),
            new MonthlyBilling(2025, 12, 30.00m, 0m),
            new MonthlyBilling(2026, 1, 30.00m, 0m),
        ]);

    [Fact]
    public void AYearChosen_KeepsOnlyTheDocumentsAndMonthsOfThatYear_NewestFirst()
    {
        var chosen = TwoYears.ForYear(2025);

        Assert.Equal(["F-2025-000002", "F-2025-000001"], chosen.Rows.Select(r => r.Number));
        Assert.Equal([(2025, 11), (2025, 12)], chosen.Months.Select(m => (m.Year, m.Month)));
    }

    [Fact]
    public void AYearChosen_StillOffersEveryYear()
    {
        Assert.Equal([2026, 2025], TwoYears.ForYear(2026).Years);
    }

    [Fact]
    public void NoYearChosen_KeepsEverything()
    {
        Assert.Same(TwoYears, TwoYears.ForYear(null));
    }

    [Fact]
    public void AYearWithoutDocuments_KeepsNone()
    {
        var chosen = TwoYears.ForYear(2024);

        Assert.Empty(chosen.Rows);
        Assert.Empty(chosen.Months);
        Assert.Equal([2026, 2025], chosen.Years);
    }

    private static DocumentRow Row(int id, string number, DateOnly issued) =>
        new(id, number, DocumentKind.Invoice, issued, issued, issued.AddMonths(1), 25.00m, 30.00m, DocumentStatus.Paid, null, null);
}
