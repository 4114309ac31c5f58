using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class ServiceAddressValidationTests
{
    private const string Incomplete =
"Needed for a service address, or leave every service address field empty.";

    [Fact]
    public void ValidateServiceAddress_EveryFieldEmpty_IsNoServiceAddressAndNoError()
    {
        var errors = new Dictionary<string, string>();

        var address = OrganizationSettings.ValidateServiceAddress(Form(" ", "", "\t", ""), errors);

        Assert.Null(address);
        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateServiceAddress_EveryFieldFilled_IsKeptCleaned()
    {
        var errors = new Dictionary<string, string>();

        var address = OrganizationSettings.ValidateServiceAddress(Form(" Salle des fêtes \n 2 rue Debelleyme ", " 75003", "Paris ", " Belgique"), errors);

        Assert.Empty(errors);
        Assert.NotNull(address);
        Assert.Equal(("Salle des fêtes\n2 rue Debelleyme", "75003", "Paris", "Belgique"), (address.AddressLine, address.PostalCode, address.City, address.Country));
    }

    [Fact]
    public void ValidateServiceAddress_CountryLeftEmpty_IsFrance()
    {
        var address = OrganizationSettings.ValidateServiceAddress(Form("2 rue Debelleyme", "75003", "Paris", ""), []);

        Assert.Equal("France", address?.Country);
    }

    [Theory]
    [InlineData("2 rue Debelleyme", "", "", "", "ServicePostalCode,ServiceCity")]
    [InlineData("", "75003", "Paris", "", "ServiceAddressLine")]
    [InlineData("2 rue Debelleyme", "75003", "", "France", "ServiceCity")]
    [InlineData("", "", "", "France", "ServiceAddressLine,ServicePostalCode,ServiceCity")]
    public void ValidateServiceAddress_HalfFilled_NamesEachMissingFieldAndKeepsNothing(string line, string postalCode, string city, string country, string missing)
    {
        var errors = new Dictionary<string, string>();

        var address = OrganizationSettings.ValidateServiceAddress(Form(line, postalCode, city, country), errors);

        Assert.Null(address);
        Assert.Equal(missing.Split(',').Order(), errors.Keys.Order());
        Assert.All(errors.Values, message => Assert.Equal(Incomplete, message));
    }

    [Fact]
    public void ValidateServiceAddress_OverThePostalAddressLimits_IsRefusedNamingTheField()
    {
        var errors = new Dictionary<string, string>();
        var fourLines = "1 rue A\n2 rue B\n3 rue C\n4 rue D";

        var address = OrganizationSettings.ValidateServiceAddress(Form(fourLines, new string('7', 11), new string('P', 61), "France"), errors);

        Assert.Null(address);
        Assert.Equal(["ServiceAddressLine", "ServiceCity", "ServicePostalCode"], errors.Keys.Order());
        Assert.StartsWith("The service address", errors["ServiceAddressLine"]);
        Assert.StartsWith("The service address's postal code", errors["ServicePostalCode"]);
        Assert.StartsWith("The service address's city", errors["ServiceCity"]);
    }

    [Fact]
    public void ValidateServiceAddress_WithCharactersTheInvoiceFontCannotPrint_IsRefused()
    {
        var errors = new Dictionary<string, string>();

        var address = OrganizationSettings.ValidateServiceAddress(Form("2 rue 漢", "75003", "Paris", "France"), errors);

        Assert.Null(address);
        Assert.Contains("漢", errors["ServiceAddressLine"]);
    }

    private static OrganizationForm Form(string line, string postalCode, string city, string country) => new()
    {
        Name = "Chorale du Marais",
        ServiceAddressLine = line,
        ServicePostalCode = postalCode,
        ServiceCity = city,
        ServiceCountry = country,
    };
}
