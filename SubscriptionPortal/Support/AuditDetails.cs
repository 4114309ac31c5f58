using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Support;

/// <summary>
/// The details of an audit entry in the reader's language. Entries are stored as written, in English, and
/// never rewritten; the sentences the portal writes are recognised here and told again from this class's
/// resources, amounts in the reader's format. A sentence not recognised (an old wording, a reason typed by
/// a person, the organisation's JSON) is shown as stored.
/// </summary>
internal static partial class AuditDetails
{
    private const string Amount = @"(-?\d+(?:[.,]\d{2}))";
    private const string Date = @"(\d{2}/\d{2}/\d{4})";

    private static readonly Sentence[] Sentences =
    [
        new(AuditActions.SignedIn, @"Signed in with a password\.", "SignedInWithPassword"),
        new(AuditActions.SignedIn, @"Signed in with two-factor authentication\.", "SignedInWithTwoFactor"),
        new(AuditActions.SignedIn, @"Signed in\.", "SignedIn"),
        new(AuditActions.PlatformCreated, @"Created ""(.+)"" on Liberty\.", "PlatformCreated"),
        new(AuditActions.ImpersonationStarted, @"Reason: (.*)", "ImpersonationReason"),
        new(AuditActions.ImpersonationStopped, @"Ended automatically: the (\d+)-minute limit was reached\.", "ImpersonationTimeLimit"),
        new(AuditActions.ImpersonationStopped, @"Ended when the agent signed out, after less than a minute\.", "ImpersonationSignedOutAtOnce"),
        new(AuditActions.ImpersonationStopped, @"Ended when the agent signed out, after (\d+) min\.", "ImpersonationSignedOut"),
        new(AuditActions.ImpersonationStopped, @"Stopped by the agent after less than a minute\.", "ImpersonationStoppedAtOnce"),
        new(AuditActions.ImpersonationStopped, @"Stopped by the agent after (\d+) min\.", "ImpersonationStopped"),
        new(AuditActions.MandateSigned, @"SEPA mandate (\S+) signed for ([^,]+), replacing (\S+)\.", "MandateReplaced"),
        new(AuditActions.MandateSigned, @"SEPA mandate (\S+) signed for ([^,]+)\.", "MandateSigned"),
        new(AuditActions.DataExported, @"Data export downloaded \((.+)\): (\d+) contacts?, (\d+) invoices?, (\d+) credit notes?\.", "DataExported"),
        new(AuditActions.DebitSubmitted, $@"Direct debit of {Amount} € for invoice (\S+) sent to the bank in file (\S+) \((\w+)\), to be collected on {Date}\.", "DebitSubmitted"),
        new(AuditActions.DebitCollected, $@"Direct debit of {Amount} € for invoice (\S+) collected: the invoice is paid\.", "DebitCollected"),
        new(AuditActions.DebitFailed, $@"Direct debit of {Amount} € for invoice (\S+) failed: (\w{{4}}) (.+)\. The invoice is unpaid\.", "DebitFailed"),
        new(AuditActions.DebitRetried, $@"Direct debit of {Amount} € for invoice (\S+) presented again under mandate (\S+), to be collected on {Date}\.", "DebitRetried"),
        new(AuditActions.SubscriptionCancelled, $@"Subscription cancelled: no renewal, no refund\. It ends on {Date}; the platform closes on {Date}\.", "SubscriptionCancelled"),
        new(AuditActions.SubscriptionResumed, $@"Cancellation undone: the subscription renews on {Date}\.", "SubscriptionResumed"),
        new(AuditActions.DunningPaused, $@"Reminders and new attempts paused until {Date}: (.*)\.", "DunningPaused"),
        new(AuditActions.DunningResumed, $@"The pause ended on {Date}: reminders and new attempts resume\.", "DunningResumed"),
        new(AuditActions.TransferRecorded, $@"Bank transfer of {Amount} € received on {Date} \(reference (.*)\) recorded: invoice (\S+) is paid\.", "TransferRecorded"),
        new(AuditActions.DebitRetriedAutomatically, $@"Direct debit of {Amount} € for invoice (\S+) presented again, under the new mandate signed since the bank refused it \((\w{{4}})\); to be collected on {Date}\.", "DebitRetriedUnderNewMandate"),
        new(AuditActions.DebitRetriedAutomatically, $@"Direct debit of {Amount} € for invoice (\S+) presented again, retry (\d+) of (\d+) after (\w{{4}}), (\d+) days after the first failure; to be collected on {Date}\.", "DebitRetriedAutomatically"),
        new(AuditActions.DebitWithdrawn, $@"The presentation of invoice (\S+) planned on {Date} is withdrawn before reaching the bank: the invoice is settled otherwise\.", "DebitWithdrawn"),
        new(AuditActions.PlatformClosed, $@"The cancelled subscription ended on {Date}: the platform is closed and read-only\. Invoices and data export remain available\.", "PlatformClosed"),
        new(AuditActions.DebtWrittenOff, $@"Unpaid {Amount} € of invoice (\S+) written off with credit note (\S+): (.*)\.", "DebtWrittenOff"),
    ];

    // The causes the dunning job writes.
    private static readonly Dictionary<string, string> Causes = new(StringComparer.Ordinal)
    {
        ["the unpaid invoices were paid by direct debit."] = "CausePaidByDebit",
        ["the bank's answer to the direct debit."] = "CauseBankAnswer",
        ["the days elapsed since the first failure."] = "CauseDaysElapsed",
    };

    // The state before, as DunningTransitions names it in lower case.
    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["active"] = "StateActive",
        ["payment failed"] = "StatePaymentFailed",
        ["restricted"] = "StateRestricted",
        ["suspended"] = "StateSuspended",
    };

    /// <summary>The details in the reader's language (the current UI culture), or as stored when the sentence is not one the portal writes.</summary>
    public static string Localize(string action, string details, IStringLocalizer localizer)
    {
        if (action == AuditActions.SubscriptionChanged)
        {
            return Change(details, localizer) ?? details;
        }

        if (action == AuditActions.SubscriptionRenewed)
        {
            return Renewal(details, localizer) ?? details;
        }

        if (action == AuditActions.OverdueStateChanged)
        {
            return OverdueChange(details, localizer) ?? details;
        }

        foreach (var sentence in Sentences)
        {
            if (sentence.Action != action || sentence.Regex.Match(details) is not { Success: true } match)
            {
                continue;
            }

            var values = Values(match);
            if (sentence.Key == "DebitFailed")
            {
                // The bank's reason in the reader's words, when the code is one the portal knows.
                values[3] = SepaReturnReason.Find((string)values[2])?.Description ?? values[3];
            }

            return localizer[sentence.Key, values];
        }

        return details;
    }

    private static string? Change(string details, IStringLocalizer localizer)
    {
        if (ChangePattern().Match(details) is not { Success: true } m)
        {
            return null;
        }

        var text = localizer["Change", Plan(m.Groups["before"].Value, localizer), Plan(m.Groups["after"].Value, localizer)].Value;
        if (m.Groups["creditNote"].Success)
        {
            text += localizer["ChangeCreditNote", m.Groups["creditNote"].Value, AmountOf(m.Groups["creditNoteAmount"])];
        }

        if (m.Groups["invoice"].Success)
        {
            text += localizer["ChangeInvoice", m.Groups["invoice"].Value, AmountOf(m.Groups["invoiceAmount"])];
        }

        if (m.Groups["debit"].Success)
        {
            text += localizer["ChangeDebit", AmountOf(m.Groups["debit"]), m.Groups["debitOn"].Value];
        }

        if (m.Groups["balance"].Success)
        {
            text += localizer["ChangeBalance", AmountOf(m.Groups["balance"])];
        }

        return text;
    }

    private static string? Renewal(string details, IStringLocalizer localizer)
    {
        if (RenewalPattern().Match(details) is not { Success: true } m)
        {
            return null;
        }

        var text = localizer["Renewal", m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["invoice"].Value, AmountOf(m.Groups["amount"])].Value;
        if (m.Groups["balance"].Success)
        {
            text += localizer["RenewalBalance", AmountOf(m.Groups["balance"])];
        }

        if (m.Groups["debit"].Success)
        {
            text += localizer["RenewalDebit", AmountOf(m.Groups["debit"]), m.Groups["debitOn"].Value];
        }

        return text + localizer["EndOfSentence"];
    }

    // Written by DunningTransitions: the new state and why, then the next attempt and the cause when there are some.
    private static string? OverdueChange(string details, IStringLocalizer localizer)
    {
        if (OverduePattern().Match(details) is not { Success: true } m)
        {
            return null;
        }

        var g = m.Groups;
        string text;
        if (g["active"].Success)
        {
            text = localizer["OverdueActive", localizer[States[g["before"].Value]]];
        }
        else if (g["failed"].Success)
        {
            var reason = g["code"].Success
                ? localizer["OverdueBankReason", g["code"].Value, SepaReturnReason.Find(g["code"].Value)?.Description ?? g["what"].Value].Value
                : "";
            text = localizer["OverduePaymentFailed", g["invoice"].Value, AmountOf(g["amount"]), g["day"].Value, reason];
        }
        else
        {
            text = localizer[g["restricted"].Success ? "OverdueRestricted" : "OverdueSuspended", g["invoice"].Value, g["days"].Value, AmountOf(g["amount"])];
        }

        if (g["next"].Success)
        {
            text += localizer["OverdueNextAttempt", g["next"].Value];
        }

        if (g["cause"].Success)
        {
            var stored = g["cause"].Value;
            var cause = Causes.TryGetValue(stored, out var key) ? localizer[key].Value
                : DeskCausePattern().Match(stored) is { Success: true } desk
                    ? localizer[desk.Groups["transfer"].Success ? "CauseTransfer" : "CauseWriteOff", desk.Groups["invoice"].Value].Value
                    : stored;
            text += localizer["OverdueCause", cause];
        }

        return text;
    }

    // "Serenity 250 contacts monthly", or an offer's name alone (a free offer).
    private static string Plan(string plan, IStringLocalizer localizer)
    {
        var m = PlanPattern().Match(plan);
        return m.Success
            ? localizer["Plan", m.Groups[1].Value, m.Groups[2].Value, localizer[m.Groups[3].Value == "monthly" ? "Monthly" : "Annual"]]
            : plan;
    }

    private static object[] Values(Match match) =>
        [.. match.Groups.Cast<Group>().Skip(1).Select(g => AmountPattern().IsMatch(g.Value) ? AmountOf(g) : (object)g.Value)];

    // Amounts were written with the writer's culture: "48.00", or "48,00" from a French session.
    private static decimal AmountOf(Group group) =>
        decimal.Parse(group.Value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d+[.,]\d{2}$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^(\S+) (\d+) contacts (monthly|annual)$")]
    private static partial Regex PlanPattern();

    [GeneratedRegex(@"^(?<before>[^→]+?) → (?<after>[^;]+?)(?:; credit note (?<creditNote>\S+) \((?<creditNoteAmount>-?\d+[.,]\d{2}) € TTC\))?(?:; invoice (?<invoice>\S+) \((?<invoiceAmount>-?\d+[.,]\d{2}) € TTC\))?(?:; direct debit of (?<debit>-?\d+[.,]\d{2}) € on (?<debitOn>\d{2}/\d{2}/\d{4}))?(?:; balance (?<balance>-?\d+[.,]\d{2}) €)?$")]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"^(?:(?<active>Active again) \((?<before>payment failed|restricted|suspended|active) before\): nothing is unpaid any more\."
        + @"|(?<failed>Payment failed): invoice (?<invoice>\S+) is unpaid \((?<amount>-?\d+[.,]\d{2}) € due\) since its direct debit failed on (?<day>\d{2}/\d{2}/\d{4})(?: \((?<code>\w{4}) (?<what>[^)]*)\))?\."
        + @"|(?:(?<restricted>Restricted)|Suspended): invoice (?<invoice>\S+) unpaid for (?<days>\d+) days \((?<amount>-?\d+[.,]\d{2}) € due\)\. (?:Plan changes are blocked until it is paid\.|The platform is read-only until it is paid; invoices, data export and the payment method stay open\.))"
        + @"(?: Next attempt on (?<next>\d{2}/\d{2}/\d{4})\.)?(?: Cause: (?<cause>.+))?$", RegexOptions.Singleline)]
    private static partial Regex OverduePattern();

    // The causes the overdue desk writes when support settles an invoice.
    [GeneratedRegex(@"^(?:(?<transfer>a bank transfer recorded by support)|a write-off by support) for invoice (?<invoice>\S+)\.$")]
    private static partial Regex DeskCausePattern();

    [GeneratedRegex(@"^Renewed for (?<from>\d{2}/\d{2}/\d{4})–(?<to>\d{2}/\d{2}/\d{4}): invoice (?<invoice>\S+) \((?<amount>-?\d+[.,]\d{2}) € TTC\)(?:, (?<balance>-?\d+[.,]\d{2}) € from the balance)?(?:, direct debit of (?<debit>-?\d+[.,]\d{2}) € on (?<debitOn>\d{2}/\d{2}/\d{4}))?\.$")]
    private static partial Regex RenewalPattern();

    private sealed record Sentence(string Action, string Pattern, string Key)
    {
        public Regex Regex { get; } = new("^" + Pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
