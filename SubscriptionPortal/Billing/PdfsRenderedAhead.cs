using System.Text.Json;
using SubscriptionPortal.Billing.Pdf;

namespace SubscriptionPortal.Billing;

/// <summary>
/// PDFs rendered before their documents are issued, from the layout models the issuer is expected to give them: a
/// renewal batch renders the next batch's on the other core while it writes and commits its own. The issuer takes a
/// PDF from here only for a document whose model is exactly the one rendered (number, buyer, lines, amounts, payment,
/// seller: everything the renderer reads), else it renders the document itself. A wrong guess costs one render, never a
/// wrong document.
/// </summary>
/// <remarks>
/// The renderer's only input is the model, a tree of records, and it reads no clock: two models with the same JSON
/// give the same bytes. Nothing here throws: a guess that could not be made, or a render that failed, is simply not
/// there, and the issuer's own render meets the failure where it is reported.
/// </remarks>
internal sealed class PdfsRenderedAhead
{
    private readonly Task<Dictionary<string, byte[]>> rendered;
    private int taken;
    private int missed;

    private PdfsRenderedAhead(Task<Dictionary<string, byte[]>> rendered) => this.rendered = rendered;

    /// <summary>PDFs taken for the documents they were rendered for.</summary>
    public int Taken => Volatile.Read(ref taken);

    /// <summary>Documents asked for that were not rendered ahead as they are issued: a number or a detail was guessed wrong.</summary>
    public int Missed => Volatile.Read(ref missed);

    /// <summary>Completes once the guess and its renders are over, whatever came of them; it never fails.</summary>
    public Task Finished => rendered;

    /// <summary>
    /// Starts, on the thread pool, guessing the models (<paramref name="guess"/>, which may read the database) and
    /// rendering them on every core. Returns at once.
    /// </summary>
    public static PdfsRenderedAhead Start(Func<CancellationToken, Task<IReadOnlyList<BillingDocumentModel>>> guess, IDocumentRenderer renderer,
        CancellationToken ct) =>
        new(Task.Run(() => RenderAsync(guess, renderer, ct), CancellationToken.None));

    /// <summary>
    /// The PDF rendered ahead for exactly <paramref name="model"/>, waiting for the renders still running; null when it
    /// was not rendered ahead. Each PDF is given once. One caller at a time.
    /// </summary>
    public async Task<byte[]?> TakeAsync(BillingDocumentModel model) => Take(await rendered, model);

    private byte[]? Take(Dictionary<string, byte[]> pdfs, BillingDocumentModel model)
    {
        if (pdfs.Remove(Key(model), out var pdf))
        {
            Interlocked.Increment(ref taken);
            return pdf;
        }

        Interlocked.Increment(ref missed);
        return null;
    }

    /// <summary>What identifies a render: the model as JSON, every property of every part of it.</summary>
    internal static string Key(BillingDocumentModel model) => JsonSerializer.Serialize(model);

    private static async Task<Dictionary<string, byte[]>> RenderAsync(Func<CancellationToken, Task<IReadOnlyList<BillingDocumentModel>>> guess,
        IDocumentRenderer renderer, CancellationToken ct)
    {
        IReadOnlyList<BillingDocumentModel> models;
        try
        {
            models = await guess(ct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A guess is only a guess: the issuer renders what is not here.
            return [];
        }

        var pdfs = new byte[]?[models.Count];
        try
        {
            Parallel.For(0, models.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                try
                {
                    pdfs[i] = renderer.Render(models[i]);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Left to the issuer, whose own render of this model reports the failure to its caller.
                }
            });
        }
        catch (OperationCanceledException)
        {
            return [];
        }

        var byKey = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            if (pdfs[i] is { } pdf)
            {
                byKey.TryAdd(Key(models[i]), pdf);
            }
        }

        return byKey;
    }
}
