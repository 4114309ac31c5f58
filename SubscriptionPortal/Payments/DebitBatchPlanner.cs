using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Payments;

/// <summary>A scheduled debit waiting for a file: its mandate and its planned collection date.</summary>
internal sealed record DueDebit(int DebitId, int MandateId, DateOnly PlannedDate);

/// <summary>How a debit goes into a file: its sequence type and the collection date requested.</summary>
internal sealed record PlannedDebit(int DebitId, SequenceType SequenceType, DateOnly CollectionDate);

/// <summary>Decides, without I/O, how each due debit is written into the next file.</summary>
internal static class DebitBatchPlanner
{
    /// <summary>
    /// Orders the debits by planned date then id, and gives each its sequence type and collection date:
    /// FRST for a mandate's first debit to reach the bank, RCUR for every later one — including a second
    /// debit of the same mandate in this very file.
    /// </summary>
    /// <param name="mandatesWithHistory">Mandates that already have a submitted or collected debit.</param>
    /// <param name="submissionDay">The day the file is produced (the creditor's local date).</param>
    public static IReadOnlyList<PlannedDebit> Plan(IEnumerable<DueDebit> due, IReadOnlySet<int> mandatesWithHistory, DateOnly submissionDay)
    {
        var seen = new HashSet<int>(mandatesWithHistory);
        var planned = new List<PlannedDebit>();
        foreach (var debit in due.OrderBy(d => d.PlannedDate).ThenBy(d => d.DebitId))
        {
            var sequence = SequenceTypeRule.ForNextDebit(seen.Contains(debit.MandateId));
            seen.Add(debit.MandateId);
            planned.Add(new PlannedDebit(debit.DebitId, sequence, CollectionDates.ForSubmission(debit.PlannedDate, submissionDay)));
        }

        return planned;
    }

    /// <summary>The file's message id: "SPDD-" + the day + a number unique across files (20 characters up to 999 999, far below the 35 allowed).</summary>
    public static string MessageId(DateOnly submissionDay, int fileNumber) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SPDD-{submissionDay:yyyyMMdd}-{fileNumber:D6}");
}
