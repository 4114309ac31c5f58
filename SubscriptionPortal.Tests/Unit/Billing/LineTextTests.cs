using SubscriptionPortal.Billing;
using SubscriptionPortal.Common;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class LineTextTests
{
    [Theory]
    [InlineData(BillingLanguage.French, 1000, Commitment.Annual, "Professional — jusqu'à 1\u00A0000 contacts — annuel")]
    [InlineData(BillingLanguage.French, 250, Commitment.Monthly, "Professional — jusqu'à 250 contacts — mensuel")]
    [InlineData(BillingLanguage.English, 1000, Commitment.Annual, "Professional — up to 1,000 contacts — annual")]
    [InlineData(BillingLanguage.English, 250, Commitment.Monthly, "Professional — up to 250 contacts — monthly")]
    public void Subscription_InTheDocumentsLanguage_KeepsTheOfferNameAsABrand(string language, int tier, Commitment commitment, string expected)
    {
        Assert.Equal(expected, LineText.Subscription(language, "Professional", tier, commitment));
    }

    [Fact]
    public void CreditNoteTexts_InFrench_DoNotDependOnTheServersCulture()
    {
        using var english = CultureScope.English();

        Assert.Equal("Serenity — jusqu'à 250 contacts — mensuel — 20 jours non utilisés sur 30",
            LineText.UnusedPart(BillingLanguage.French, LineText.Subscription(BillingLanguage.French, "Serenity", 250, Commitment.Monthly), 20, 30));
        Assert.Equal("Changement d'abonnement le 05/03/2026 : la part non utilisée de la période est créditée.",
            LineText.ChangeCredited(BillingLanguage.French, new DateOnly(2026, 3, 5)));
        Assert.Equal("Créance abandonnée : Association dissoute", LineText.WriteOffReason(BillingLanguage.French, "Association dissoute"));
        Assert.Equal("Change of subscription on 05/03/2026: the unused part of the period is credited.",
            LineText.ChangeCredited(BillingLanguage.English, new DateOnly(2026, 3, 5)));
    }
}
