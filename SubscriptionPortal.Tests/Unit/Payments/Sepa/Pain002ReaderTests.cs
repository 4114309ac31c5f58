using System.Text;
using SubscriptionPortal.Payments.Sepa;

namespace SubscriptionPortal.Tests.Unit.Payments.Sepa;

public sealed class Pain002ReaderTests
{
    /// <summary>A report as French banks send it: one rejected and one settled debit of file SPDD-20260320-000001.</summary>
    public static string Report(string groupStatus = "PART", string transactions = """
            <TxInfAndSts>
              <StsId>1</StsId>
              <OrgnlEndToEndId>F-2026-000002</OrgnlEndToEndId>
              <TxSts>RJCT</TxSts>
              <StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>
            </TxInfAndSts>
            <TxInfAndSts>
              <StsId>2</StsId>
              <OrgnlEndToEndId>F-2026-000003</OrgnlEndToEndId>
              <TxSts>ACSC</TxSts>
            </TxInfAndSts>
""") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>BANK-RET-0001</MsgId><CreDtTm>2026-03-24T08:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts>
              <OrgnlMsgId>SPDD-20260320-000001</OrgnlMsgId>
              <OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>
              <GrpSts>{groupStatus}</GrpSts>
            </OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts>
              <OrgnlPmtInfId>SPDD-20260320-000001-1</OrgnlPmtInfId>
        {transactions}
            </OrgnlPmtInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """;

    [Fact]
    public void Read_AReportWithARejectionAndASettlement_ReturnsBothWithTheReasonCode()
    {
        var read = Pain002Reader.Read(Encoding.UTF8.GetBytes(Report()));

        Assert.Null(read.Error);
        Assert.Equal("SPDD-20260320-000001", read.Report!.OriginalMessageId);
        Assert.Equal(
            [new BankAnswerLine("F-2026-000002", "RJCT", "AM04"), new BankAnswerLine("F-2026-000003", "ACSC", null)],
            read.Report.Lines);
    }

    [Fact]
    public void Read_AWholeFileRejection_CarriesTheGroupStatusAndReason()
    {
        var xml = Report("RJCT", "").Replace("<GrpSts>RJCT</GrpSts>", "<GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn></StsRsnInf>", StringComparison.Ordinal);

        var report = Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Report!;

        Assert.Equal(("RJCT", "FF01"), (report.GroupStatus, report.GroupReasonCode));
        Assert.Empty(report.Lines);
    }

    [Fact]
    public void Read_ADebitFileInsteadOfAReport_IsRefusedWithAMessage()
    {
        var xml = """<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"><CstmrDrctDbtInitn/></Document>""";

        var read = Pain002Reader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Null(read.Report);
        Assert.Contains("not a pain.002", read.Error);
    }

    [Fact]
    public void Read_NotXml_IsRefusedWithAMessage()
    {
        Assert.Contains("not well-formed XML", Pain002Reader.Read("F-2026-000002;RJCT;AM04"u8.ToArray()).Error);
    }

    [Fact]
    public void Read_AFileWithADocumentTypeDeclaration_IsRefused()
    {
        // Entities could make a small file expand to gigabytes; reports never use them.
        var xml = """<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY a "aaaa">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">&a;</Document>""";

        Assert.NotNull(Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Error);
    }

    [Fact]
    public void Read_AReportThatAnswersNoDebit_IsRefused()
    {
        Assert.Contains("answers no debit", Pain002Reader.Read(Encoding.UTF8.GetBytes(Report("ACCP", ""))).Error);
    }

    [Fact]
    public void Read_AnEmptyFile_IsRefusedWithAMessage()
    {
        var read = Pain002Reader.Read([]);

        Assert.Null(read.Report);
        Assert.Equal("The file is empty or larger than 5 MB: it is not a bank status report.", read.Error);
    }

    [Fact]
    public void Read_AFileOfExactly5MB_IsRead_AndOneByteMoreIsRefused()
    {
        var report = Encoding.UTF8.GetBytes(Report());
        var padded = report.Concat(Enumerable.Repeat((byte)' ', Pain002Reader.MaxBytes - report.Length)).ToArray();

        Assert.Null(Pain002Reader.Read(padded).Error);
        Assert.Equal(
            "The file is empty or larger than 5 MB: it is not a bank status report.",
            Pain002Reader.Read([.. padded, (byte)' ']).Error);
    }

    [Fact]
    public void Read_ValuesWrappedInWhitespace_AreTrimmed()
    {
        var xml = Report("RJCT", """
            <TxInfAndSts>
              <OrgnlEndToEndId> F-2026-000002 </OrgnlEndToEndId>
              <TxSts>
                RJCT
              </TxSts>
              <StsRsnInf><Rsn><Cd> MD01 </Cd></Rsn></StsRsnInf>
            </TxInfAndSts>
""").Replace("<OrgnlMsgId>SPDD-20260320-000001</OrgnlMsgId>", "<OrgnlMsgId>\n  SPDD-20260320-000001\n</OrgnlMsgId>", StringComparison.Ordinal)
            .Replace("<GrpSts>RJCT</GrpSts>", "<GrpSts> RJCT </GrpSts>", StringComparison.Ordinal);

        var report = Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Report!;

        Assert.Equal(("SPDD-20260320-000001", "RJCT"), (report.OriginalMessageId, report.GroupStatus));
        Assert.Equal([new BankAnswerLine("F-2026-000002", "RJCT", "MD01")], report.Lines);
    }

    [Fact]
    public void Read_AWholeFileRejectionWrittenWithSpaces_IsStillAWholeFileRejection()
    {
        var xml = Report("RJCT", "").Replace("<GrpSts>RJCT</GrpSts>", "<GrpSts> RJCT </GrpSts>", StringComparison.Ordinal);

        Assert.Equal("RJCT", Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Report!.GroupStatus);
    }

    [Fact]
    public void Read_AReportThatDoesNotNameTheFileItAnswers_IsRefused()
    {
        var xml = Report().Replace("<OrgnlMsgId>SPDD-20260320-000001</OrgnlMsgId>", "<OrgnlMsgId> </OrgnlMsgId>", StringComparison.Ordinal);

        var read = Pain002Reader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Null(read.Report);
        Assert.Equal("The report does not say which file it answers (OrgnlGrpInfAndSts/OrgnlMsgId is missing).", read.Error);
    }

    [Fact]
    public void Read_AReportWithoutItsGroupInformation_IsRefused()
    {
        var xml = """<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt/></Document>""";

        Assert.Equal(
            "The report does not say which file it answers (OrgnlGrpInfAndSts/OrgnlMsgId is missing).",
            Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Error);
    }

    [Theory]
    [InlineData("<OrgnlEndToEndId>F-2026-000002</OrgnlEndToEndId>")]
    [InlineData("<TxSts>RJCT</TxSts>")]
    public void Read_ATransactionWithoutItsIdOrStatus_IsRefused(string missing)
    {
        var xml = Report().Replace(missing, "", StringComparison.Ordinal);

        var read = Pain002Reader.Read(Encoding.UTF8.GetBytes(xml));

        Assert.Null(read.Report);
        Assert.Equal("A transaction of the report has no OrgnlEndToEndId or no TxSts.", read.Error);
    }

    [Theory]
    [InlineData("<TxSts>RJCT</TxSts>", "<TxSts> </TxSts>")]
    [InlineData("<OrgnlEndToEndId>F-2026-000002</OrgnlEndToEndId>", "<OrgnlEndToEndId> </OrgnlEndToEndId>")]
    public void Read_ATransactionWithABlankIdOrStatus_IsRefused(string original, string blank)
    {
        var xml = Report().Replace(original, blank, StringComparison.Ordinal);

        Assert.Equal("A transaction of the report has no OrgnlEndToEndId or no TxSts.", Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Error);
    }

    [Fact]
    public void Read_APain002RootOtherThanDocument_IsRefused()
    {
        var xml = """<?xml version="1.0"?><Report xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt/></Report>""";

        Assert.Equal(
            "This is not a pain.002 payment status report: its root must be a pain.002 Document.",
            Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Error);
    }

    [Fact]
    public void Read_OfALaterPain002Version_IsRead()
    {
        var xml = Report().Replace("pain.002.001.03", "pain.002.001.10", StringComparison.Ordinal);

        Assert.Equal(2, Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Report!.Lines.Count);
    }

    [Fact]
    public void Read_ANotWellFormedFile_SaysWhereTheXmlBreaks()
    {
        var error = Pain002Reader.Read("<Document><a></Document>"u8.ToArray()).Error;

        Assert.StartsWith("The file is not well-formed XML (", error);
        Assert.Contains("Line 1", error);
    }

    [Fact]
    public void Read_ATransactionRejectedForTwoReasons_KeepsTheFirst()
    {
        var xml = Report().Replace(
            "<StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf>",
            "<StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf><StsRsnInf><Rsn><Cd>MS03</Cd></Rsn></StsRsnInf>",
            StringComparison.Ordinal);

        Assert.Equal("AM04", Pain002Reader.Read(Encoding.UTF8.GetBytes(xml)).Report!.Lines[0].ReasonCode);
    }
}
