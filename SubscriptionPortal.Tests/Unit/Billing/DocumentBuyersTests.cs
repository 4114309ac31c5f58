using SubscriptionPortal.Billing;
using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Billing;

public sealed class DocumentBuyersTests
{
    [Fact]
    public void Of_PlatformWithAServiceAddressElsewhere_CarriesIt()
    {
        var platform = Platform("4 place des Vosges", "75004", "Paris", "France");
        platform.SetServiceAddress(new ServiceAddress("Salle des fêtes\n2 rue Debelleyme", "75003", "Paris", "France"));

        var service = DocumentBuyers.Of(platform).ServiceAddress;

        Assert.NotNull(service);
        Assert.Equal(("Salle des fêtes\n2 rue Debelleyme", "75003", "Paris", "FR"), (service.Line, service.PostalCode, service.City, service.CountryCode));
    }

    [Fact]
    public void Of_PlatformWithoutAServiceAddress_HasNone()
    {
        Assert.Null(DocumentBuyers.Of(Platform("4 place des Vosges", "75004", "Paris", "France")).ServiceAddress);
    }

    [Fact]
    public void Of_ServiceAddressThePostalAddressTypedAgain_HasNone()
    {
        var platform = Platform("4 place des Vosges", "75004", "Paris", "France");
        platform.SetServiceAddress(new ServiceAddress("4  Place des vosges", "75004", "PARIS", "FR"));

        Assert.Null(DocumentBuyers.Of(platform).ServiceAddress);
    }

    [Fact]
    public void Of_ServiceAddressDifferingOnlyByCountry_CarriesIt()
    {
        var platform = Platform("4 place des Vosges", "75004", "Paris", "France");
        platform.SetServiceAddress(new ServiceAddress("4 place des Vosges", "75004", "Paris", "Belgique"));

        Assert.Equal("BE", DocumentBuyers.Of(platform).ServiceAddress?.CountryCode);
    }

    private static Platform Platform(string line, string postalCode, string city, string country)
    {
        var platform = new Platform("Chorale du Marais", "treasurer@association.example", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        platform.UpdateDetails("Chorale du Marais", line, postalCode, city, country, null, "treasurer@association.example");
        return platform;
    }
}
