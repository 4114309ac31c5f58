using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace SubscriptionPortal.Payments.Sepa;

/// <summary>
/// Writes a SEPA Core Direct Debit initiation file (ISO 20022 <c>pain.008.001.02</c>, EPC rules) from a
/// batch: one payment block per (collection date, sequence type), control sums at both levels.
/// Pure: no clock, no I/O beyond the returned bytes.
/// </summary>
internal static partial class Pain008Writer
{
    /// <summary>The XML namespace of pain.008.001.02 documents.</summary>
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    /// <summary>The largest amount a single SEPA debit may carry, in euros.</summary>
    public const decimal MaxAmount = 999_999_999.99m;

    /// <summary>What the EPC lets a creditor write when the debtor bank's BIC is unknown.</summary>
    public const string BicNotProvided = "NOTPROVIDED";

    private const string NameFallback = "NOTPROVIDED";

    /// <summary>
    /// The batch as a UTF-8 XML document (no byte-order mark). Debits keep their order inside a payment
    /// block; blocks are ordered by collection date, FRST before RCUR.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The batch breaks a SEPA rule (no debits, an invalid IBAN, BIC, creditor identifier or identifier,
    /// an amount that is not positive or has more than two decimals, a repeated end-to-end id, a mandate
    /// signed after its collection date). Batches are built from validated data, so this is a bug.
    /// </exception>
    public static byte[] Write(SepaDirectDebitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var creditor = Prepare(batch);
        var lines = batch.Debits.Select(Prepare).ToList();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!seen.Add(line.Debit.EndToEndId))
            {
                // Two debits for one invoice in a file is how a customer gets charged twice.
                throw Invalid($"end-to-end id '{line.Debit.EndToEndId}' appears twice; an invoice is debited once per file");
            }
        }

        var blocks = lines
            .GroupBy(line => (line.Debit.CollectionDate, line.Debit.SequenceType))
            .OrderBy(block => block.Key.CollectionDate)
            .ThenBy(block => block.Key.SequenceType)
            .Select(block => block.ToList())
            .ToList();

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            // Same bytes on every operating system.
            NewLineChars = "\n",
        };

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            // Stryker disable once Statement : equivalent, the writer declares the document by itself
            xml.WriteStartDocument();
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrDrctDbtInitn", Namespace);
            WriteGroupHeader(xml, batch, lines);
            for (var i = 0; i < blocks.Count; i++)
            {
                WritePaymentInformation(xml, PaymentInformationId(batch.MessageId, i + 1), creditor, blocks[i]);
            }

            // Stryker disable Statement : equivalent, the writer closes open elements when disposed
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
            // Stryker restore Statement
        }

        return stream.ToArray();
    }

    private static void WriteGroupHeader(XmlWriter xml, SepaDirectDebitBatch batch, IReadOnlyCollection<Line> lines)
    {
        xml.WriteStartElement("GrpHdr", Namespace);
        Text(xml, "MsgId", batch.MessageId);
        Text(xml, "CreDtTm", batch.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Text(xml, "NbOfTxs", lines.Count.ToString(CultureInfo.InvariantCulture));
        Text(xml, "CtrlSum", FormatAmount(lines.Sum(line => line.Debit.Amount)));
        xml.WriteStartElement("InitgPty", Namespace);
        Text(xml, "Nm", Name(batch.InitiatingPartyName));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WritePaymentInformation(XmlWriter xml, string id, PreparedCreditor creditor, IReadOnlyList<Line> block)
    {
        var first = block[0].Debit;
        xml.WriteStartElement("PmtInf", Namespace);
        Text(xml, "PmtInfId", id);
        Text(xml, "PmtMtd", "DD");
        Text(xml, "NbOfTxs", block.Count.ToString(CultureInfo.InvariantCulture));
        Text(xml, "CtrlSum", FormatAmount(block.Sum(line => line.Debit.Amount)));

        xml.WriteStartElement("PmtTpInf", Namespace);
        Code(xml, "SvcLvl", "SEPA");
        Code(xml, "LclInstrm", "CORE");
        Text(xml, "SeqTp", SequenceCode(first.SequenceType));
        xml.WriteEndElement();

        Text(xml, "ReqdColltnDt", FormatDate(first.CollectionDate));
        Party(xml, "Cdtr", creditor.Name);
        Account(xml, "CdtrAcct", creditor.Iban);
        Agent(xml, "CdtrAgt", creditor.Bic);
        Text(xml, "ChrgBr", "SLEV");

        xml.WriteStartElement("CdtrSchmeId", Namespace);
        xml.WriteStartElement("Id", Namespace);
        xml.WriteStartElement("PrvtId", Namespace);
        xml.WriteStartElement("Othr", Namespace);
        Text(xml, "Id", creditor.Identifier);
        xml.WriteStartElement("SchmeNm", Namespace);
        Text(xml, "Prtry", "SEPA");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        foreach (var line in block)
        {
            WriteTransaction(xml, line);
        }

        xml.WriteEndElement();
    }

    private static void WriteTransaction(XmlWriter xml, Line line)
    {
        var debit = line.Debit;
        xml.WriteStartElement("DrctDbtTxInf", Namespace);

        xml.WriteStartElement("PmtId", Namespace);
        Text(xml, "EndToEndId", debit.EndToEndId);
        xml.WriteEndElement();

        xml.WriteStartElement("InstdAmt", Namespace);
        xml.WriteAttributeString("Ccy", "EUR");
        xml.WriteString(FormatAmount(debit.Amount));
        xml.WriteEndElement();

        xml.WriteStartElement("DrctDbtTx", Namespace);
        xml.WriteStartElement("MndtRltdInf", Namespace);
        Text(xml, "MndtId", debit.MandateId);
        Text(xml, "DtOfSgntr", FormatDate(debit.MandateSignedOn));
        xml.WriteEndElement();
        xml.WriteEndElement();

        Agent(xml, "DbtrAgt", line.Bic);
        Party(xml, "Dbtr", line.Name);
        Account(xml, "DbtrAcct", line.Iban);

        if (line.Remittance.Length > 0)
        {
            xml.WriteStartElement("RmtInf", Namespace);
            Text(xml, "Ustrd", line.Remittance);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static PreparedCreditor Prepare(SepaDirectDebitBatch batch)
    {
        if (SepaText.IdentifierProblem(batch.MessageId) is { } problem)
        {
            throw Invalid($"the message id '{batch.MessageId}' {problem}");
        }

        if (batch.Debits is null || batch.Debits.Count == 0)
        {
            throw Invalid("a pain.008 file needs at least one debit");
        }

        var creditor = batch.Creditor ?? throw Invalid("the creditor is missing");
        var identifier = CreditorIdentifier.Validate(creditor.CreditorIdentifier);
        if (!identifier.IsValid)
        {
            throw Invalid($"creditor identifier '{creditor.CreditorIdentifier}': {identifier.Error}");
        }

        return new PreparedCreditor(
            Name(creditor.Name),
            ValidIban(creditor.Iban, "creditor"),
            ValidBic(creditor.Bic, "creditor") ?? throw Invalid("the creditor's BIC is required"),
            identifier.Value);
    }

    private static Line Prepare(SepaDirectDebit debit)
    {
        var where = $"debit '{debit.EndToEndId}'";
        if (SepaText.IdentifierProblem(debit.EndToEndId) is { } idProblem)
        {
            throw Invalid($"the end-to-end id '{debit.EndToEndId}' {idProblem}");
        }

        if (debit.Amount <= 0m || debit.Amount > MaxAmount || decimal.Round(debit.Amount, 2) != debit.Amount)
        {
            // Rounding here would silently change what the debtor pays; the amount must come exact.
            throw Invalid($"{where}: amount {debit.Amount.ToString(CultureInfo.InvariantCulture)} is not between 0.01 and {FormatAmount(MaxAmount)} EUR in whole cents");
        }

        var mandate = MandateReference.Validate(debit.MandateId);
        if (!mandate.IsValid || mandate.Value != debit.MandateId)
        {
            throw Invalid($"{where}: mandate id '{debit.MandateId}' is not a valid mandate reference");
        }

        if (debit.MandateSignedOn > debit.CollectionDate)
        {
            throw Invalid($"{where}: the mandate was signed after the collection date");
        }

        if (!Enum.IsDefined(debit.SequenceType))
        {
            throw Invalid($"{where}: unknown sequence type {debit.SequenceType}");
        }

        return new Line(
            debit,
            Name(debit.DebtorName),
            ValidIban(debit.DebtorIban, where),
            ValidBic(debit.DebtorBic, where) ?? BicNotProvided,
            SepaText.Clean(debit.RemittanceInformation, SepaText.RemittanceMaxLength));
    }

    private static string ValidIban(string iban, string owner)
    {
        var check = Iban.Validate(iban);
        return check.IsValid ? check.Value : throw Invalid($"{owner} IBAN: {check.Error}");
    }

    private static string? ValidBic(string? bic, string owner)
    {
        if (string.IsNullOrWhiteSpace(bic))
        {
            return null;
        }

        var normalized = string.Concat(bic.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return BicPattern().IsMatch(normalized) ? normalized : throw Invalid($"{owner}: '{bic}' is not a BIC");
    }

    private static string Name(string? name)
    {
        // A name is mandatory in the file; one written only in characters outside the SEPA set
        // (Greek, Cyrillic...) must still produce a file the bank accepts.
        var cleaned = SepaText.Clean(name, SepaText.NameMaxLength);
        return cleaned.Length > 0 ? cleaned : NameFallback;
    }

    private static string PaymentInformationId(string messageId, int number)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var room = SepaText.IdentifierMaxLength - suffix.Length;
        // Stryker disable once Equality : equivalent, a message id of exactly the room cut to the room is itself
        var stem = messageId.Length <= room ? messageId : messageId[..room].TrimEnd(' ', '/');
        return stem + suffix;
    }

    private static string SequenceCode(SequenceType type) => type switch
    {
        SequenceType.First => "FRST",
        SequenceType.Recurring => "RCUR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Text(XmlWriter xml, string element, string value) => xml.WriteElementString(element, Namespace, value);

    private static void Code(XmlWriter xml, string element, string code)
    {
        xml.WriteStartElement(element, Namespace);
        Text(xml, "Cd", code);
        xml.WriteEndElement();
    }

    private static void Party(XmlWriter xml, string element, string name)
    {
        xml.WriteStartElement(element, Namespace);
        Text(xml, "Nm", name);
        xml.WriteEndElement();
    }

    private static void Account(XmlWriter xml, string element, string iban)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteStartElement("Id", Namespace);
        Text(xml, "IBAN", iban);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Agent(XmlWriter xml, string element, string bic)
    {
        xml.WriteStartElement(element, Namespace);
        xml.WriteStartElement("FinInstnId", Namespace);
        if (bic == BicNotProvided)
        {
            xml.WriteStartElement("Othr", Namespace);
            Text(xml, "Id", BicNotProvided);
            xml.WriteEndElement();
        }
        else
        {
            Text(xml, "BIC", bic);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    // Every check is on the batch handed to the writer: the exception names that argument, not this helper's.
#pragma warning disable CA2208
    private static ArgumentException Invalid(string message) => new($"Invalid SEPA batch: {message}.", "batch");
#pragma warning restore CA2208

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BicPattern();

    private sealed record PreparedCreditor(string Name, string Iban, string Bic, string Identifier);

    private sealed record Line(SepaDirectDebit Debit, string Name, string Iban, string Bic, string Remittance);
}
