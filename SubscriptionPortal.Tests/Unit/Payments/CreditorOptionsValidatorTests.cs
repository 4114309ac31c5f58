using SubscriptionPortal.Payments;

namespace SubscriptionPortal.Tests.Unit.Payments;

public sealed class CreditorOptionsValidatorTests
{
    private static CreditorOptions Valid() => new()
    {
        Name = "SubscriptionPortal SAS",
        Iban = "FR76 3000 4008 2800 0102 3456 750",
        Bic = "BNPAFRPPXXX",
        Identifier = "FR72ZZZ123456",
    };

    [Fact]
    public void Validate_TheShippedCreditorDetails_Succeeds()
    {
        Assert.True(new CreditorOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_ACreditorIdentifierWithWrongCheckDigits_FailsAndSaysWhich()
    {
        var options = Valid();
        options.Identifier = "FR12ZZZ123456";

        var result = new CreditorOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Creditor:Identifier", result.FailureMessage);
        Assert.Contains("check digits", result.FailureMessage);
    }

    [Fact]
    public void Validate_AnIbanFailingMod97_Fails()
    {
        var options = Valid();
        options.Iban = "FR7630004008280001023456751";

        Assert.Contains("Creditor:Iban", new CreditorOptionsValidator().Validate(null, options).FailureMessage);
    }

    [Fact]
    public void Validate_AMissingNameAndBic_ReportsBoth()
    {
        var options = Valid();
        options.Name = " ";
        options.Bic = "BNP";

        var message = new CreditorOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("Creditor:Name", message);
        Assert.Contains("Creditor:Bic", message);
    }
}
