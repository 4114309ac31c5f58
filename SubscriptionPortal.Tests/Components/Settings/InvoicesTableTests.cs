using Bunit;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Components.Pages.Settings;

namespace SubscriptionPortal.Tests.Components.Settings;

public sealed class InvoicesTableTests : PortalComponentTest
{
    [Fact]
    public void PlatformWithNoDocuments_SaysSoAndShowsNoTable()
    {
        var cut = Context.Render<InvoicesTable>(p => p.Add(x => x.List, new DocumentList([], [], [])));

        Assert.Contains("No invoices or credit notes yet", cut.Find("[data-testid=no-documents]").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void PlatformWithSeveralDocuments_ListsThemWithStatusDownloadAndTheCorrectedInvoice()
    {
        var rows = new List<DocumentRow>
        {
            new(3, "A-2026-000001", DocumentKind.CreditNote, new(2026, 3, 20), new(2026, 3, 20), new(2026, 4, 10), 27.10m, 32.52m, DocumentStatus.Issued, 1, "F-2026-000001"),
            new(2, "F-2026-000002", DocumentKind.Invoice, new(2026, 3, 20), new(2026, 3, 20), new(2026, 4, 20), 75.00m, 90.00m, DocumentStatus.AwaitingDebit, null, null),
            new(1, "F-2026-000001", DocumentKind.Invoice, new(2026, 3, 10), new(2026, 3, 10), new(2026, 4, 10), 40.00m, 48.00m, DocumentStatus.PartlyCredited, null, null),
        };
        var list = new DocumentList(rows, [2026], [new MonthlyBilling(2026, 3, 138.00m, 32.52m)]);

        var cut = Context.Render<InvoicesTable>(p => p.Add(x => x.List, list));

        var bodyRows = cut.FindAll("tbody tr");
        Assert.Equal(3, bodyRows.Count);
        Assert.Contains("A-2026-000001", bodyRows[0].TextContent);
        Assert.Contains("Credit note", bodyRows[0].TextContent);
        Assert.Contains("for F-2026-000001", bodyRows[0].TextContent);
        Assert.Contains("€90.00", bodyRows[1].TextContent);
        Assert.Contains("Awaiting debit", bodyRows[1].TextContent);
        Assert.Contains("Partly credited", bodyRows[2].TextContent);
        // Each link's name starts with its visible words, then the document's number, read to screen readers only.
        Assert.Equal("documents/2/pdf", cut.FindAll("a").Single(a => a.TextContent == "Download PDF F-2026-000002").GetAttribute("href"));
        Assert.Equal("documents/2/xml", cut.FindAll("a").Single(a => a.TextContent == "XML e-invoice F-2026-000002").GetAttribute("href"));
        Assert.Empty(cut.FindAll("a[aria-label]"));
        Assert.NotEmpty(cut.FindAll("svg"));
    }
}
