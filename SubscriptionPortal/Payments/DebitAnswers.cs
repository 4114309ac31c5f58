using System.Globalization;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Common;
using SubscriptionPortal.Data;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Payments;

/// <summary>Records a bank's answer on a debit, whether typed by an agent or read from a pain.002 return file.</summary>
internal static class DebitAnswers
{
    /// <summary>A rejection without a reason code is, for SEPA, a refusal the bank did not explain.</summary>
    public const string UnexplainedRefusal = "MS03";

    private static readonly IStringLocalizer Text = ResourceText.For(typeof(DebitAnswers));

    /// <summary>Records one answer on a tracked debit and adds its audit entry; the caller saves.</summary>
    public static DebitAnswerOutcome Apply(ApplicationDbContext db, DirectDebit debit, DebitAnswer answer, string? reasonCode, string invoiceNumber, Actor actor, DateTime now)
    {
        var amount = Money.FromCents(debit.AmountCents).ToString("0.00", CultureInfo.InvariantCulture);
        switch (answer, debit.Status)
        {
            case (_, DirectDebitStatus.Scheduled):
                return new DebitAnswerOutcome.Refused(CommandResult.Invalid(Text["NotSubmitted"]));
            case (DebitAnswer.Collected, DirectDebitStatus.Submitted):
                debit.MarkCollected(now);
                db.AuditEntries.Add(actor.Entry(now, debit.PlatformId, AuditActions.DebitCollected,
                    $"Direct debit of {amount} € for invoice {invoiceNumber} collected: the invoice is paid."));
                return new DebitAnswerOutcome.Applied();
            case (DebitAnswer.Failed, DirectDebitStatus.Submitted):
                var reason = SepaReturnReason.Find(reasonCode)!;
                debit.MarkFailed(reason.Code, now);
                db.AuditEntries.Add(actor.Entry(now, debit.PlatformId, AuditActions.DebitFailed,
                    $"Direct debit of {amount} € for invoice {invoiceNumber} failed: {reason.Code} {reason.English.WhatHappened}. The invoice is unpaid."));
                return new DebitAnswerOutcome.Applied();
            case (DebitAnswer.Collected, DirectDebitStatus.Collected):
                return new DebitAnswerOutcome.AlreadyRecorded(Text["AlreadyCollected"]);
            case (DebitAnswer.Failed, DirectDebitStatus.Failed) when debit.ReasonCode == SepaReturnReason.Find(reasonCode)?.Code:
                return new DebitAnswerOutcome.AlreadyRecorded(Text["AlreadyFailed"]);
            case (_, DirectDebitStatus.Collected):
                return new DebitAnswerOutcome.Refused(CommandResult.Conflict(Text["WasCollected"]));
            default:
                return new DebitAnswerOutcome.Refused(CommandResult.Conflict(Text["WasFailed", debit.ReasonCode ?? ""]));
        }
    }
}
