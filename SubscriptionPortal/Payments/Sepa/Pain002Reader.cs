using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace SubscriptionPortal.Payments.Sepa;

/// <summary>What the bank says about one debit of a file.</summary>
/// <param name="EndToEndId">The debit's end-to-end id: the invoice number.</param>
/// <param name="Status">The ISO 20022 transaction status, such as RJCT or ACSC.</param>
/// <param name="ReasonCode">The reason of a rejection, such as AM04; null when the bank gives none.</param>
internal sealed record BankAnswerLine(string EndToEndId, string Status, string? ReasonCode);

/// <summary>A bank's status report on one of our files.</summary>
/// <param name="OriginalMessageId">The message id of the file it answers.</param>
/// <param name="GroupStatus">The status of the whole file (RJCT rejects every debit in it), when given.</param>
/// <param name="GroupReasonCode">Why the whole file was rejected.</param>
internal sealed record BankStatusReport(string OriginalMessageId, string? GroupStatus, string? GroupReasonCode, IReadOnlyList<BankAnswerLine> Lines);

/// <summary>The outcome of reading a return file: the report, or why it could not be read.</summary>
internal sealed record BankStatusReportRead(BankStatusReport? Report, string? Error);

/// <summary>
/// Reads a customer payment status report (ISO 20022 <c>pain.002</c>, versions 001.02 to 001.10 share
/// the elements used here): the bank's answer to a pain.008 file. Pure: bytes in, values out.
/// </summary>
internal static class Pain002Reader
{
    private static readonly IStringLocalizer Text = ResourceText.For(typeof(Pain002Reader));

    /// <summary>Return files are small; anything bigger is not one.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const string Rejected = "RJCT";
    public const string SettlementCompleted = "ACSC";

    public static BankStatusReportRead Read(byte[] content)
    {
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            return Invalid(Text["EmptyOrTooLarge"]);
        }

        XDocument document;
        try
        {
            // Stryker disable once Initializer : equivalent, .NET's defaults are the same; stated so that no change of default opens the reader to entities
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(content), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            return Invalid(Text["NotXml", ex.Message]);
        }

        var root = document.Root;
        var ns = root?.Name.Namespace ?? XNamespace.None;
        if (root?.Name.LocalName != "Document" || !ns.NamespaceName.StartsWith("urn:iso:std:iso:20022:tech:xsd:pain.002.", StringComparison.Ordinal))
        {
            return Invalid(Text["NotPain002"]);
        }

        var report = root.Element(ns + "CstmrPmtStsRpt");
        var group = report?.Element(ns + "OrgnlGrpInfAndSts");
        var messageId = group?.Element(ns + "OrgnlMsgId")?.Value.Trim();
        if (report is null || string.IsNullOrEmpty(messageId))
        {
            return Invalid(Text["NoOriginalFile"]);
        }

        var lines = new List<BankAnswerLine>();
        foreach (var tx in report.Elements(ns + "OrgnlPmtInfAndSts").Elements(ns + "TxInfAndSts"))
        {
            var endToEnd = tx.Element(ns + "OrgnlEndToEndId")?.Value.Trim();
            var status = tx.Element(ns + "TxSts")?.Value.Trim();
            if (string.IsNullOrEmpty(endToEnd) || string.IsNullOrEmpty(status))
            {
                return Invalid(Text["TransactionIncomplete"]);
            }

            lines.Add(new BankAnswerLine(endToEnd, status, ReasonOf(tx, ns)));
        }

        var groupStatus = group!.Element(ns + "GrpSts")?.Value.Trim();
        if (lines.Count == 0 && groupStatus != Rejected)
        {
            return Invalid(Text["AnswersNothing"]);
        }

        return new BankStatusReportRead(new BankStatusReport(messageId, groupStatus, ReasonOf(group, ns), lines), null);
    }

    private static string? ReasonOf(XElement element, XNamespace ns) =>
        element.Elements(ns + "StsRsnInf").Elements(ns + "Rsn").Elements(ns + "Cd").Select(c => c.Value.Trim()).FirstOrDefault();

    private static BankStatusReportRead Invalid(string error) => new(null, error);
}
