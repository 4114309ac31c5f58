using System.Collections.Concurrent;
using System.Text;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Billing.Pdf;
using SubscriptionPortal.Common;
using SubscriptionPortal.Tests.Unit.Billing.Pdf;

namespace SubscriptionPortal.Tests.Unit.Billing;

/// <summary>
/// PDFs rendered ahead are given only for the very model they were rendered from, once, and a guess or a render that
/// failed leaves the issuer to render. The renderer here writes the model's number and buyer: enough to tell PDFs apart.
/// Each test but one waits for the renders to finish before taking, so that taking runs on the test's own thread.
/// </summary>
public sealed class PdfsRenderedAheadTests
{
    private static readonly BillingDocumentModel First = BillingDocumentSamples.Invoice() with { Number = "F-2026-000015" };
    private static readonly BillingDocumentModel Second = BillingDocumentSamples.Invoice() with { Number = "F-2026-000016" };

    [Fact]
    public async Task Take_TheModelRenderedAhead_GivesItsPdfOnce()
    {
        var ahead = PdfsRenderedAhead.Start(_ => Models(First, Second), new NumberRenderer(), CancellationToken.None);
        await ahead.Finished;

        Assert.Equal("F-2026-000016 " + Second.Buyer.Name, Text(await ahead.TakeAsync(Second)));
        Assert.Equal("F-2026-000015 " + First.Buyer.Name, Text(await ahead.TakeAsync(First)));
        Assert.Null(await ahead.TakeAsync(First));
        Assert.Equal((2, 1), (ahead.Taken, ahead.Missed));
    }

    public static TheoryData<string> Details => ["number", "issue date", "buyer", "line amount", "debit date", "balance", "seller", "language", "kind", "period"];

    [Theory]
    [MemberData(nameof(Details))]
    public async Task Take_AModelThatDiffersInOneDetail_GivesNothing(string detail)
    {
        var ahead = PdfsRenderedAhead.Start(_ => Models(First), new NumberRenderer(), CancellationToken.None);
        await ahead.Finished;
        var issued = detail switch
        {
            "number" => First with { Number = "F-2026-000016" },
            "issue date" => First with { IssueDate = First.IssueDate.AddDays(1) },
            "buyer" => First with { Buyer = First.Buyer with { AddressLines = ["5 place des Vosges", "75004 Paris", "France"] } },
            "line amount" => First with { Lines = [First.Lines[0] with { UnitPriceExcludingVat = 40.01m }] },
            "debit date" => First with { Payment = First.Payment! with { DirectDebit = First.Payment.DirectDebit! with { CollectionDate = new DateOnly(2026, 3, 14) } } },
            "balance" => First with { Payment = First.Payment! with { PaidFromAccountBalance = 12.49m } },
            "seller" => First with { Seller = First.Seller with { SepaCreditorIdentifier = "FR12ZZZ654321" } },
            "language" => First with { Language = BillingLanguage.French },
            "kind" => First with { Kind = DocumentKind.CreditNote },
            _ => First with { ServicePeriod = new BillingPeriod(new DateOnly(2026, 3, 11), new DateOnly(2026, 4, 11)) },
        };

        Assert.Null(await ahead.TakeAsync(issued));
        Assert.Equal((0, 1), (ahead.Taken, ahead.Missed));
        Assert.NotNull(await ahead.TakeAsync(First with { }));
    }

    [Fact]
    public async Task Take_WhenTheGuessFailed_GivesNothing()
    {
        var ahead = PdfsRenderedAhead.Start(_ => throw new InvalidOperationException("The database went away."), new NumberRenderer(), CancellationToken.None);
        await ahead.Finished;

        Assert.Null(await ahead.TakeAsync(First));
        Assert.Equal(1, ahead.Missed);
    }

    [Fact]
    public async Task Take_WhenOneRenderFailed_GivesTheOthersAndLeavesThatOneToTheIssuer()
    {
        var ahead = PdfsRenderedAhead.Start(_ => Models(First, Second), new NumberRenderer(failOn: First.Number), CancellationToken.None);
        await ahead.Finished;

        Assert.Null(await ahead.TakeAsync(First));
        Assert.NotNull(await ahead.TakeAsync(Second));
    }

    [Fact]
    public async Task Take_AfterTheRenderingWasCancelled_GivesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var renderer = new NumberRenderer();

        var ahead = PdfsRenderedAhead.Start(_ => Models(First, Second), renderer, cancelled.Token);
        await ahead.Finished;

        Assert.Null(await ahead.TakeAsync(First));
        Assert.Empty(renderer.Rendered);
    }

    [Fact]
    public async Task Take_WaitsForTheRendersStillRunning()
    {
        var guessed = new TaskCompletionSource<IReadOnlyList<BillingDocumentModel>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ahead = PdfsRenderedAhead.Start(_ => guessed.Task, new NumberRenderer(), CancellationToken.None);

        var taking = ahead.TakeAsync(First);
        Assert.False(taking.IsCompleted);
        guessed.SetResult([First]);

        Assert.NotNull(await taking);
    }

    [Fact]
    public void Key_OfTwoModelsWithTheSameContent_IsTheSame_AndOfAnyOtherIsNot()
    {
        Assert.Equal(PdfsRenderedAhead.Key(First), PdfsRenderedAhead.Key(BillingDocumentSamples.Invoice() with { Number = "F-2026-000015" }));
        Assert.NotEqual(PdfsRenderedAhead.Key(First), PdfsRenderedAhead.Key(Second));
    }

    private static Task<IReadOnlyList<BillingDocumentModel>> Models(params BillingDocumentModel[] models) => Task.FromResult<IReadOnlyList<BillingDocumentModel>>(models);

    private static string? Text(byte[]? pdf) => pdf is null ? null : Encoding.UTF8.GetString(pdf);

    private sealed class NumberRenderer(string? failOn = null) : IDocumentRenderer
    {
        private readonly ConcurrentQueue<string> rendered = new();

        public IReadOnlyCollection<string> Rendered => rendered;

        public byte[] Render(BillingDocumentModel model)
        {
            if (model.Number == failOn)
            {
                throw new InvalidOperationException("This one does not render.");
            }

            rendered.Enqueue(model.Number);
            return Encoding.UTF8.GetBytes($"{model.Number} {model.Buyer.Name}");
        }
    }
}
