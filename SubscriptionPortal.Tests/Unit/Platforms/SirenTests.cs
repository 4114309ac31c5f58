using SubscriptionPortal.Platforms;

namespace SubscriptionPortal.Tests.Unit.Platforms;

public sealed class SirenTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("552100554")]
    [InlineData("356000000")]
    public void Siren_WithValidCheckDigit_IsAccepted(string siren)
    {
        var result = Siren.Validate(siren);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(siren, result.Value);
    }

    [Theory]
    [InlineData("732 829 320")]
    [InlineData(" 732829320 ")]
    [InlineData("732\u00A0829\u00A0320")]
    public void Siren_TypedWithSpaces_IsNormalised(string typed)
    {
        Assert.Equal("732829320", Siren.Validate(typed).Value);
    }

    [Theory]
    [InlineData("73282932")]
    [InlineData("7328293200")]
    [InlineData("73282932A")]
    [InlineData("732-829-320")]
    [InlineData("")]
    [InlineData(null)]
    public void Siren_NotNineDigits_IsRejected(string? typed)
    {
        var result = Siren.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("A SIREN has 9 digits", result.Error);
    }

    [Theory]
    [InlineData("732829321")]
    [InlineData("552100555")]
    [InlineData("723829320")] // two digits swapped
    public void Siren_WithWrongCheckDigit_IsRejectedWithAMessage(string typed)
    {
        var result = Siren.Validate(typed);

        Assert.False(result.IsValid);
        Assert.Equal("This SIREN fails its check digit — please check for a typo", result.Error);
    }

    [Fact]
    public void Format_GroupsByThree()
    {
        Assert.Equal("732 829 320", Siren.Format("732829320"));
    }

    [Fact]
    public void Validate_ReadInFrench_ExplainsTheRefusalInFrench()
    {
        using var french = CultureScope.French();

        Assert.Equal("Un SIREN a 9 chiffres", Siren.Validate("1234").Error);
        Assert.Equal("Ce SIREN a une clé de contrôle fausse : vérifiez s'il y a une faute de frappe", Siren.Validate("123456788").Error);
        Assert.Equal("Un numéro RNA est un W suivi de 9 chiffres, par exemple W751234567", Rna.Validate("X").Error);
        Assert.StartsWith("Un numéro de TVA français est FR", FrenchVatNumber.Validate("DE123").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OrganizationForm_ReadInFrench_NamesEachFieldInFrench()
    {
        using var french = CultureScope.French();
        var form = new OrganizationForm
        {
            Name = "", AddressLine = "1 rue", PostalCode = "75001", City = new string('a', FieldLimits.City + 1), Country = "France",
            BillingEmail = "nobody", BillingLanguage = "de-DE"
        };

        var errors = OrganizationSettings.Validate(form, out _);

        Assert.Equal("Le nom de l'association est obligatoire.", errors[nameof(OrganizationForm.Name)]);
        Assert.Equal($"La ville : {FieldLimits.City} caractères au plus ({FieldLimits.City + 1} saisis).", errors[nameof(OrganizationForm.City)]);
        Assert.Equal("Saisissez une adresse e-mail valide, par exemple tresorier@example.org.", errors[nameof(OrganizationForm.BillingEmail)]);
        Assert.Equal("Choisissez le français (fr-FR) ou l'anglais (en-GB) comme langue de facturation.", errors[nameof(OrganizationForm.BillingLanguage)]);
        Assert.Equal("Le nom de l'association est obligatoire.", PlatformProvisioning.NameProblem(" "));
        Assert.Equal("Le nom de l'association : « 漢 » ne peut pas être imprimé sur les factures. Utilisez des lettres latines, grecques ou cyrilliques, "
            + "des chiffres et la ponctuation courante.", PlatformProvisioning.NameProblem("Chorale 漢"));
    }
}
