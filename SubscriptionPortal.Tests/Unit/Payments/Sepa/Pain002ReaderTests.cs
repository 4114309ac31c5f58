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
}
