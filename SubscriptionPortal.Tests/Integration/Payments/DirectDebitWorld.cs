using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SubscriptionPortal.Billing;
using SubscriptionPortal.Data;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Integration.Payments;

/// <summary>Helpers for the direct-debit tests: a support agent, the debits as stored, the bank's answers.</summary>
public static class DirectDebitWorld
{
    public static ClaimsPrincipal Agent { get; } = TestUsers.Principal(
        new ApplicationUser { Id = "agent-1", UserName = "agent@support.test", Email = "agent@support.test" }, ["Support"]);

    public static async Task<DirectDebit> DebitOfAsync(this TestDatabase database, int platformId)
    {
        await using var db = database.CreateContext();
        return await db.DirectDebits.Where(d => d.PlatformId == platformId).OrderByDescending(d => d.Id).FirstAsync();
    }

    /// <summary>Sends the scheduled debits in a file and records the bank's refusal of the platform's latest one.</summary>
    public static async Task<DirectDebit> SubmitAndFailAsync(this TestDatabase database, int platformId, string reasonCode)
    {
        Assert.NotNull(await database.Get<DirectDebitSubmission>().SubmitDueAsync());
        var debit = await database.DebitOfAsync(platformId);
        Assert.Equal(DirectDebitStatus.Submitted, debit.Status);
        var failed = await database.Get<DirectDebitDesk>().RecordFailedAsync(DirectDebitWorld.Agent, debit.Id, reasonCode);
        Assert.True(failed.Succeeded, failed.Message);
        return await database.DebitOfAsync(platformId);
    }

    public static async Task<string> InvoiceNumberAsync(this TestDatabase database, int invoiceId)
    {
        await using var db = database.CreateContext();
        return await db.Documents.Where(d => d.Id == invoiceId).Select(d => d.Number).SingleAsync();
    }

    public static async Task<DocumentStatus> InvoiceStatusAsync(this TestDatabase database, ClaimsPrincipal admin, int invoiceId) =>
        (await database.Get<DocumentQueries>().ListAsync(admin)).Rows.Single(r => r.Id == invoiceId).Status;

    /// <summary>A bank status report (pain.002.001.03) on file <paramref name="messageId"/>.</summary>
    public static byte[] ReturnFile(string messageId, params (string EndToEndId, string Status, string? Reason)[] lines)
    {
        var transactions = new StringBuilder();
        foreach (var (id, status, reason) in lines)
        {
            transactions.Append(CultureInfo.InvariantCulture, $"<TxInfAndSts><OrgnlEndToEndId>{id}</OrgnlEndToEndId><TxSts>{status}</TxSts>");
            if (reason is not null)
            {
                transactions.Append(CultureInfo.InvariantCulture, $"<StsRsnInf><Rsn><Cd>{reason}</Cd></Rsn></StsRsnInf>");
            }

            transactions.Append("</TxInfAndSts>");
        }

        return Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
              <CstmrPmtStsRpt>
                <GrpHdr><MsgId>BANK-{Guid.NewGuid():N}</MsgId><CreDtTm>2026-03-24T08:00:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>{messageId}</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>{messageId}-1</OrgnlPmtInfId>{transactions}</OrgnlPmtInfAndSts>
              </CstmrPmtStsRpt>
            </Document>
            """);
    }
}
