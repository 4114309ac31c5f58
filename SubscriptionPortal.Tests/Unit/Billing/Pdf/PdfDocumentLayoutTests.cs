using SubscriptionPortal.Billing.Pdf;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

/// <summary>The renderer lays out any value within the field limits on its pages: nothing overflows, nothing overlaps, no mention is lost.</summary>
public sealed class PdfDocumentLayoutTests
{
    private readonly PdfDocumentRenderer renderer = new();

    public static TheoryData<string> MaximalDocuments => ["invoice", "credit note", "long invoice"];

    [Theory]
    [MemberData(nameof(MaximalDocuments))]
    public void EveryFieldAtItsLimit_EveryMandatoryMentionIsPrinted(string which)
    {
        var model = Maximal(which);

        var pdf = PdfReadBack.Of(renderer.Render(model));

        Assert.Empty(MandatoryMentions.Missing(pdf, MandatoryMentions.Of(model)));
    }

    [Theory]
    [MemberData(nameof(MaximalDocuments))]
    public void EveryFieldAtItsLimit_NoTextLeavesThePageOrCrossesOtherText(string which)
    {
        var pdf = PdfReadBack.Of(renderer.Render(Maximal(which)));

        Assert.All(pdf.Pages, page => Assert.Empty(PdfLayout.Problems(page)));
    }

    [Fact]
    public void EveryFieldAtItsLimit_WithManyLines_BreaksOntoPagesThatRepeatNumberAndDates()
    {
        var model = Maximal("long invoice");

        var pdf = PdfReadBack.Of(renderer.Render(model));

        Assert.True(pdf.PageTexts.Count >= 2);
        Assert.All(pdf.PageTexts.Skip(1), page =>
        {
            Assert.Contains("Invoice F-2026-000200 · 10/03/2026 (continued)", page);
            Assert.Contains("Service period 10/03/2026 – 09/04/2026", page);
        });
        Assert.Equal(1, pdf.CountOccurrences("Total incl. VAT (TTC)"));
    }

    [Fact]
    public void EveryFieldAtItsLimit_WhateverTheNumberOfLines_EveryPageIsLaidOutWithinItsBox()
    {
        // Each count ends the table at another height, so some page break falls at every place.
        var problems = new List<string>();
        for (var lines = 1; lines <= 32; lines++)
        {
            var model = BillingDocumentSamples.LongInvoice(lines) with { Buyer = MaximalSamples.Buyer };
            var pdf = PdfReadBack.Of(renderer.Render(model));

            problems.AddRange(MandatoryMentions.Missing(pdf, MandatoryMentions.Of(model)).Select(m => $"{lines} lines: missing {m}"));
            problems.AddRange(pdf.Pages.SelectMany((page, i) => PdfLayout.Problems(page).Select(p => $"{lines} lines, page {i + 1}: {p}")));
            problems.AddRange(pdf.PageTexts.Skip(1).Where(page => !page.Contains($"{model.Number} · 10/03/2026 (continued)", StringComparison.Ordinal))
                .Select(_ => $"{lines} lines: a page without the continuation header"));
            if (pdf.CountOccurrences("Total incl. VAT (TTC)") != 1)
            {
                problems.Add($"{lines} lines: the totals are not printed exactly once");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void LegacyThreeThousandCharacterAddress_KeepsEveryMandatoryMentionOnThePages()
    {
        var model = BillingDocumentSamples.Invoice() with { Buyer = MaximalSamples.LegacyBuyer };

        var pdf = PdfReadBack.Of(renderer.Render(model));

        var mentions = MandatoryMentions.Of(model with { Buyer = BillingDocumentSamples.Buyer with { Name = "Chorale Chorale", AddressLines = ["75011 Paris", "France"] } });
        Assert.Empty(MandatoryMentions.Missing(pdf, mentions));
        Assert.All(pdf.Pages, page => Assert.Empty(PdfLayout.Problems(page)));
    }

    [Fact]
    public void LegacyOverLimitValue_IsCutAtTheLimitWithAnEllipsis()
    {
        var model = BillingDocumentSamples.Invoice() with { Buyer = MaximalSamples.LegacyBuyer };

        var text = PdfReadBack.Of(renderer.Render(model)).Flat;

        var address = MaximalSamples.LegacyBuyer.AddressLines[0];
        Assert.Contains(Squeeze(address[..(FieldLimits.AddressLine - 1)].TrimEnd() + "…"), Squeeze(text));
        Assert.DoesNotContain(Squeeze(address[..(FieldLimits.AddressLine + 20)]), Squeeze(text));
    }

    [Fact]
    public void SamplesAreAtTheirLimits()
    {
        var buyer = MaximalSamples.Buyer;

        Assert.Equal(FieldLimits.PlatformName, buyer.Name.Length);
        Assert.All(buyer.AddressLines.Take(3), line => Assert.Equal(FieldLimits.AddressLine, line.Length));
        Assert.Equal(FieldLimits.PostalCode + 1 + FieldLimits.City, buyer.AddressLines[3].Length);
        Assert.Equal(FieldLimits.Country, buyer.AddressLines[4].Length);
    }

    internal static BillingDocumentModel Maximal(string which) => which switch
    {
        "invoice" => MaximalSamples.Invoice(),
        "credit note" => MaximalSamples.CreditNote(),
        _ => BillingDocumentSamples.LongInvoice(40) with { Buyer = MaximalSamples.Buyer },
    };

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
