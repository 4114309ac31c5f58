using Microsoft.Extensions.Configuration;
using SubscriptionPortal.Billing.Pdf;
using Xunit;

namespace SubscriptionPortal.Tests.Unit.Billing.Pdf;

public sealed class SellerDetailsBindingTests
{
    [Fact]
    public void SellerSection_BindsEverySellerDetail()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Seller:Name"] = "Portail Associatif SAS",
                ["Seller:AddressLines:0"] = "12 rue de la République",
                ["Seller:AddressLines:1"] = "69002 Lyon",
                ["Seller:Siren"] = "912 345 678",
                ["Seller:VatNumber"] = "FR32 912345678",
                ["Seller:LegalForm"] = "SAS",
                ["Seller:ShareCapital"] = "10 000 €",
                ["Seller:LatePaymentPenaltyRate"] = "three times the French legal interest rate",
                ["Seller:SepaCreditorIdentifier"] = "FR12ZZZ123456",
            })
            .Build();

        var seller = configuration.GetSection("Seller").Get<SellerDetails>();

        Assert.NotNull(seller);
        Assert.Equal("Portail Associatif SAS", seller.Name);
        Assert.Equal(["12 rue de la République", "69002 Lyon"], seller.AddressLines);
        Assert.Equal("912 345 678", seller.Siren);
        Assert.Equal("FR32 912345678", seller.VatNumber);
        Assert.Equal("SAS", seller.LegalForm);
        Assert.Equal("10 000 €", seller.ShareCapital);
        Assert.Equal("three times the French legal interest rate", seller.LatePaymentPenaltyRate);
        Assert.Equal("FR12ZZZ123456", seller.SepaCreditorIdentifier);
        Assert.Null(seller.LogoPath);
    }
}
