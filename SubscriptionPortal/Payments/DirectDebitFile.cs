namespace SubscriptionPortal.Payments;

/// <summary>
/// A batch sent to the bank: the file the gateway produced (a pain.008.001.02 document for the built-in
/// SEPA gateway), kept byte for byte with its SHA-256 so support can download exactly what was sent.
/// </summary>
public sealed class DirectDebitFile
{
    private DirectDebitFile()
    {
    }

    public DirectDebitFile(string messageId, DateTime createdAtUtc, string fileName, string contentType, int transactionCount, long controlSumCents, byte[] content)
    {
        if (transactionCount <= 0 || controlSumCents <= 0 || content.Length == 0)
        {
            throw new ArgumentException("A direct-debit file carries at least one debit.", nameof(transactionCount));
        }

        MessageId = messageId;
        CreatedAtUtc = createdAtUtc;
        FileName = fileName;
        ContentType = contentType;
        TransactionCount = transactionCount;
        ControlSumCents = controlSumCents;
        Content = content;
        Sha256 = StoredBytes.Sha256(content);
    }

    public int Id { get; private set; }

    /// <summary>The file's unique message id (pain.008 <c>MsgId</c>); banks refuse a repeated one.</summary>
    public string MessageId { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    /// <summary>Number of debits in the file (<c>NbOfTxs</c>).</summary>
    public int TransactionCount { get; private set; }

    /// <summary>Sum of the debits' amounts, in cents (<c>CtrlSum</c>).</summary>
    public long ControlSumCents { get; private set; }

    public byte[] Content { get; private set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private set; } = "";
}
