using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SubscriptionPortal.Support;

namespace SubscriptionPortal.Tests.Unit.Support;

public sealed class AuditDetailsTests
{
    private static readonly IStringLocalizer Details = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(AuditDetails));

    [Fact]
    public void Change_ReadInFrench_TellsThePlansDocumentsAndDebitInFrench()
    {
        using var french = CultureScope.French();

        var text = AuditDetails.Localize(AuditActions.SubscriptionChanged,
            "Serenity 250 contacts monthly → Professional 1000 contacts annual; credit note A-2026-000004 (32.52 € TTC); "
            + "invoice F-2026-000012 (1440.00 € TTC); direct debit of 1407.48 € on 23/03/2026", Details);

        Assert.Equal("Serenity 250 contacts mensuel → Professional 1000 contacts annuel; avoir A-2026-000004 (32,52 € TTC); "
            + "facture F-2026-000012 (1\u202F440,00 € TTC); prélèvement de 1\u202F407,48 € le 23/03/2026", text);
    }

    [Fact]
    public void Renewal_WrittenFromAFrenchSession_WithDecimalCommas_StillReadsInFrench()
    {
        using var french = CultureScope.French();

        var text = AuditDetails.Localize(AuditActions.SubscriptionRenewed,
            "Renewed for 10/04/2026–09/05/2026: invoice F-2026-000020 (48,00 € TTC), 12,50 € from the balance, direct debit of 35,50 € on 13/04/2026.", Details);

        Assert.Equal("Renouvelé pour la période du 10/04/2026 au 09/05/2026 : facture F-2026-000020 (48,00 € TTC), 12,50 € pris sur le solde, "
            + "prélèvement de 35,50 € le 13/04/2026.", text);
    }

    [Fact]
    public void FailedDebit_ReadInFrench_GivesTheBanksReasonInFrench()
    {
        using var french = CultureScope.French();

        var text = AuditDetails.Localize(AuditActions.DebitFailed,
            "Direct debit of 48.00 € for invoice F-2026-000003 failed: AM04 Insufficient funds on the account. The invoice is unpaid.", Details);

        Assert.Equal("Prélèvement de 48,00 € pour la facture F-2026-000003 rejeté : AM04 Provision insuffisante sur le compte. La facture est impayée.", text);
    }

    [Theory]
    [InlineData(AuditActions.DebitRetriedAutomatically,
        "Direct debit of 48.00 € for invoice F-2026-000003 presented again, retry 1 of 2 after AM04, 7 days after the first failure; to be collected on 16/04/2026.",
        "Prélèvement de 48,00 € pour la facture F-2026-000003 présenté à nouveau, tentative 1 sur 2 après AM04, 7 jours après le premier échec ; à encaisser le 16/04/2026.")]
    [InlineData(AuditActions.DebitRetriedAutomatically,
        "Direct debit of 1440.00 € for invoice F-2026-000012 presented again, under the new mandate signed since the bank refused it (AC04); to be collected on 02/05/2026.",
        "Prélèvement de 1\u202F440,00 € pour la facture F-2026-000012 présenté à nouveau, sous le nouveau mandat signé depuis le refus de la banque (AC04) ; à encaisser le 02/05/2026.")]
    [InlineData(AuditActions.DebitWithdrawn,
        "The presentation of invoice F-2026-000003 planned on 16/04/2026 is withdrawn before reaching the bank: the invoice is settled otherwise.",
        "La présentation de la facture F-2026-000003 prévue le 16/04/2026 est retirée avant d'atteindre la banque : la facture est réglée autrement.")]
    [InlineData(AuditActions.PlatformClosed,
        "The cancelled subscription ended on 30/06/2026: the platform is closed and read-only. Invoices and data export remain available.",
        "L'abonnement résilié a pris fin le 30/06/2026 : la plateforme est fermée et en lecture seule. Les factures et l'export des données restent disponibles.")]
    public void DunningAndClosureSentences_ReadInFrench_AreToldInFrench_AndReadInEnglish_AsStored(string action, string stored, string french)
    {
        using (CultureScope.French())
        {
            Assert.Equal(french, AuditDetails.Localize(action, stored, Details));
        }

        using (CultureScope.English())
        {
            Assert.Equal(stored, AuditDetails.Localize(action, stored, Details));
        }
    }

    [Theory]
    [InlineData(
        "Active again (payment failed before): nothing is unpaid any more. Cause: the unpaid invoices were paid by direct debit.",
        "De nouveau actif (auparavant : paiement échoué) : plus rien n'est impayé. Cause : les factures impayées ont été réglées par prélèvement.")]
    [InlineData(
        "Active again (suspended before): nothing is unpaid any more. Cause: a bank transfer recorded by support for invoice F-2026-000003.",
        "De nouveau actif (auparavant : suspendu) : plus rien n'est impayé. Cause : un virement enregistré par le support pour la facture F-2026-000003.")]
    [InlineData(
        "Payment failed: invoice F-2026-000003 is unpaid (48.00 € due) since its direct debit failed on 10/04/2026 (AM04 Insufficient funds on the account). Next attempt on 17/04/2026. Cause: the bank's answer to the direct debit.",
        "Paiement échoué : la facture F-2026-000003 est impayée (48,00 € dus) depuis l'échec de son prélèvement le 10/04/2026 (AM04 Provision insuffisante sur le compte). Prochaine tentative le 17/04/2026. Cause : la réponse de la banque au prélèvement.")]
    [InlineData(
        "Restricted: invoice F-2026-000003 unpaid for 15 days (1440.00 € due). Plan changes are blocked until it is paid. Next attempt on 25/04/2026. Cause: the days elapsed since the first failure.",
        "Restreint : facture F-2026-000003 impayée depuis 15 jours (1\u202F440,00 € dus). Les changements d'offre sont bloqués jusqu'à son paiement. Prochaine tentative le 25/04/2026. Cause : les jours écoulés depuis le premier échec.")]
    [InlineData(
        "Suspended: invoice F-2026-000003 unpaid for 30 days (48.00 € due). The platform is read-only until it is paid; invoices, data export and the payment method stay open.",
        "Suspendu : facture F-2026-000003 impayée depuis 30 jours (48,00 € dus). La plateforme est en lecture seule jusqu'à son paiement ; les factures, l'export des données et le moyen de paiement restent ouverts.")]
    public void OverdueStateChange_ReadInFrench_IsToldInFrench_AndReadInEnglish_AsStored(string stored, string french)
    {
        using (CultureScope.French())
        {
            Assert.Equal(french, AuditDetails.Localize(AuditActions.OverdueStateChanged, stored, Details));
        }

        using (CultureScope.English())
        {
            Assert.Equal(stored, AuditDetails.Localize(AuditActions.OverdueStateChanged, stored, Details));
        }
    }

    [Fact]
    public void Sentence_ReadInEnglish_ReadsAsStored()
    {
        using var english = CultureScope.English();
        const string stored = "SEPA mandate RUM-1-20260320-2 signed for FR76 •••• •••• •••• •••• •••0 189, replacing RUM-1-20260101-1.";

        Assert.Equal(stored, AuditDetails.Localize(AuditActions.MandateSigned, stored, Details));
    }

    [Theory]
    [InlineData(AuditActions.OrganizationUpdated, "{\"Name\":\"Chorale\",\"BillingLanguage\":\"fr-FR\"}")]
    [InlineData(AuditActions.SubscriptionChanged, "An older wording the portal no longer writes.")]
    [InlineData("feature.unknown", "Reason: kept")]
    public void UnknownSentence_ReadInFrench_IsShownAsStored(string action, string stored)
    {
        using var french = CultureScope.French();

        Assert.Equal(stored, AuditDetails.Localize(action, stored, Details));
    }
}
