using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SubscriptionPortal.Payments;

/// <summary>
/// Checks the creditor's details when the app starts: a wrong IBAN or creditor identifier would make
/// every direct-debit file bounce at the bank, so the app refuses to start with one.
/// </summary>
internal sealed partial class CreditorOptionsValidator : IValidateOptions<CreditorOptions>
{
    public ValidateOptionsResult Validate(string? name, CreditorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            failures.Add("Creditor:Name is required.");
        }

        var iban = Iban.Validate(options.Iban);
        if (!iban.IsValid)
        {
            failures.Add($"Creditor:Iban '{options.Iban}': {iban.Error}.");
        }

        var bic = string.Concat((options.Bic ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!BicPattern().IsMatch(bic))
        {
            failures.Add($"Creditor:Bic '{options.Bic}' is not a BIC (8 or 11 letters and digits, such as BNPAFRPPXXX).");
        }

        var identifier = CreditorIdentifier.Validate(options.Identifier);
        if (!identifier.IsValid)
        {
            failures.Add($"Creditor:Identifier '{options.Identifier}': {identifier.Error}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BicPattern();
}
